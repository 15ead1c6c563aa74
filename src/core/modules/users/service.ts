import type { Permission, Role } from '../../../shared/codes.ts';
import { permissionsOf, type Actor, type Grant } from '../../access/permissions.ts';
import { authorizeAny, can } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { conflict, forbidden, invalid, notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { findRegion } from '../regions/repo.ts';
import { normalizeCode } from '../../../shared/regions.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import {
  clearLoginAttempts,
  findUserById,
  findUserByName,
  grantsOf,
  lockedUntilByName,
  replaceGrants,
  scopeNames,
} from './repo.ts';
import { passwordProblem } from './rules.ts';
import { deleteUserSessions, forgetUserSessions } from './sessions.ts';

export interface Me {
  id: number;
  username: string;
  displayName: string;
  roles: { role: Role; scopeCode: string; scopeName: string }[];
  permissions: Permission[];
  isAdmin: boolean;
}

export async function loadMe(db: Db, userId: number): Promise<Me> {
  const user = await findUserById(db, userId);
  if (!user) throw notFound(msg('用户不存在', 'User not found'));
  const grants = (await grantsOf(db, [userId])).get(userId) ?? [];
  const names = await scopeNames(
    db,
    grants.map((g) => g.scopeCode),
  );
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    roles: grants.map((g) => ({ ...g, scopeName: names.get(g.scopeCode) ?? g.scopeCode })),
    permissions: permissionsOf(grants),
    isAdmin: grants.some((g) => g.role === 'admin'),
  };
}

export async function changePassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; keepSessionId?: string },
) {
  if (actor.kind !== 'user') throw forbidden();
  const user = await findUserById(db, actor.userId);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword)))
    throw invalid('currentPassword', msg('当前密码不正确', 'The current password is wrong'));
  const problem = passwordProblem(input.newPassword);
  if (problem) throw invalid('newPassword', problem);
  const hashed = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ password_hash: hashed, updated_at: nowIso() })
      .where('id', '=', user.id)
      .execute();
    await deleteUserSessions(trx, user.id, input.keepSessionId);
    await writeAudit(trx, actor, { action: 'change_password', entity: 'user', entityId: user.id });
  });
  forgetUserSessions(user.id); // again after commit: a lookup during the transaction may have read the old rows
}

// ---- administration ----

export interface UserInput {
  username: string;
  displayName: string;
  password: string;
  roles: Grant[];
}

/** Normalizes and checks role scopes: each must be a known region the actor itself may manage. */
async function checkGrants(db: Db, actor: Actor, grants: Grant[]): Promise<Grant[]> {
  const out: Grant[] = [];
  for (const [i, g] of grants.entries()) {
    const code = normalizeCode(g.scopeCode);
    const path = `roles.${i}.scopeCode`;
    if (!code) throw invalid(path, msg('区划代码格式不正确', 'Malformed region code'));
    if (!(await findRegion(db, code)))
      throw invalid(path, msg(`区域不存在：${g.scopeCode}`, `Unknown region: ${g.scopeCode}`));
    if (!can(actor, 'user.manage', code)) throw forbidden();
    out.push({ role: g.role, scopeCode: code });
  }
  return out;
}

const userSnapshot = (u: { username: string; display_name: string; active: number }, roles: Grant[]) => ({
  username: u.username,
  displayName: u.display_name,
  active: Number(u.active) === 1,
  roles,
});

export async function createUser(db: Db, actor: Actor, input: UserInput): Promise<number> {
  authorizeAny(actor, 'user.manage');
  const problem = passwordProblem(input.password);
  if (problem) throw invalid('password', problem);
  const grants = await checkGrants(db, actor, input.roles);
  const hashed = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    if (await findUserByName(trx, input.username))
      throw conflict(msg(`用户名已存在：${input.username}`, `Username taken: ${input.username}`));
    const now = nowIso();
    const { id } = await trx
      .insertInto('app_user')
      .values({
        username: input.username,
        display_name: input.displayName,
        password_hash: hashed,
        active: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceGrants(trx, id, grants);
    await writeAudit(trx, actor, {
      action: 'create',
      entity: 'user',
      entityId: id,
      regionCode: grants[0]?.scopeCode ?? null,
      after: userSnapshot({ username: input.username, display_name: input.displayName, active: 1 }, grants),
    });
    return id;
  });
}

export async function updateUser(
  db: Db,
  actor: Actor,
  id: number,
  input: { displayName?: string; active?: boolean; roles?: Grant[]; password?: string },
): Promise<void> {
  authorizeAny(actor, 'user.manage');
  const user = await findUserById(db, id);
  if (!user) throw notFound(msg('用户不存在', 'User not found'));
  const before = (await grantsOf(db, [id])).get(id) ?? [];
  if (!before.every((g) => can(actor, 'user.manage', g.scopeCode))) throw forbidden();
  const grants = input.roles ? await checkGrants(db, actor, input.roles) : undefined;
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password);
    if (problem) throw invalid('password', problem);
  }
  const hashed = input.password !== undefined ? await hashPassword(input.password) : undefined;
  await db.transaction().execute(async (trx) => {
    const set = {
      updated_at: nowIso(),
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
      ...(hashed ? { password_hash: hashed } : {}),
    };
    await trx.updateTable('app_user').set(set).where('id', '=', id).execute();
    if (grants) await replaceGrants(trx, id, grants);
    if (hashed || input.active === false || grants) await deleteUserSessions(trx, id);
    const after = await findUserById(trx, id);
    await writeAudit(trx, actor, {
      action: hashed ? 'update+reset_password' : 'update',
      entity: 'user',
      entityId: id,
      regionCode: (grants ?? before)[0]?.scopeCode ?? null,
      before: userSnapshot(user, before),
      after: userSnapshot(after!, grants ?? before),
    });
  });
  forgetUserSessions(id); // again after commit: a lookup during the transaction may have read the old rows
}

/** Lifts every lock of a user's name, at every address, and forgets its failed logins. */
export async function unlockUser(db: Db, actor: Actor, id: number): Promise<void> {
  authorizeAny(actor, 'user.manage');
  const user = await findUserById(db, id);
  if (!user) throw notFound(msg('用户不存在', 'User not found'));
  await db.transaction().execute(async (trx) => {
    const cleared = await clearLoginAttempts(trx, user.username);
    await trx.updateTable('app_user').set({ updated_at: nowIso() }).where('id', '=', id).execute();
    await writeAudit(trx, actor, {
      action: 'unlock',
      entity: 'user',
      entityId: id,
      before: {
        attempts: cleared.map((r) => ({ address: r.address, failures: r.failures, lockedUntil: r.locked_until })),
      },
      after: { attempts: [] },
    });
  });
}

export async function listUsers(db: Db, actor: Actor, f: { q?: string; page: number; pageSize: number }) {
  authorizeAny(actor, 'user.manage');
  const base = db
    .selectFrom('app_user')
    .$if(!!f.q, (qb) =>
      qb.where((eb) => eb.or([eb('username', 'like', `%${f.q}%`), eb('display_name', 'like', `%${f.q}%`)])),
    );
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .selectAll()
      .orderBy('id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
  ]);
  const grants = await grantsOf(
    db,
    rows.map((r) => r.id),
  );
  const names = await scopeNames(
    db,
    [...grants.values()].flat().map((g) => g.scopeCode),
  );
  const locks = await lockedUntilByName(
    db,
    rows.map((r) => r.username),
    nowIso(),
  );
  return {
    total: Number(total),
    items: rows.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      active: Number(u.active) === 1,
      /** The latest lock in force at any address (see LockoutPolicy). */
      lockedUntil: locks.get(u.username.toLowerCase()) ?? null,
      lastLoginAt: u.last_login_at,
      roles: (grants.get(u.id) ?? []).map((g) => ({ ...g, scopeName: names.get(g.scopeCode) ?? g.scopeCode })),
    })),
  };
}

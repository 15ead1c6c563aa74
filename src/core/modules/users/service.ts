import type { Permission, Role } from '../../../shared/codes.ts';
import { permissionsOf, type Actor, type Grant } from '../../access/permissions.ts';
import { authorizeAny, can } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { findRegion } from '../regions/repo.ts';
import { normalizeCode } from '../../../shared/regions.ts';
import { dummyHash, hashPassword, verifyPassword } from './passwords.ts';
import { findUserById, findUserByName, grantsOf, replaceGrants, scopeNames } from './repo.ts';
import { afterAttempt, isLocked, passwordProblem, type LockoutPolicy } from './rules.ts';
import { createSession, deleteUserSessions, forgetUserSessions } from './sessions.ts';

export interface Me {
  id: number;
  username: string;
  displayName: string;
  roles: { role: Role; scopeCode: string; scopeName: string }[];
  permissions: Permission[];
  isAdmin: boolean;
}

const badCredentials = () => new AppError('UNAUTHENTICATED', msg('用户名或密码错误', 'Wrong username or password'));

/** Checks a password and opens a session; counts failures and locks the account after too many. */
export async function login(
  db: Db,
  input: { username: string; password: string; ip?: string; userAgent?: string },
  opts: { lockout: LockoutPolicy; sessionHours: number },
) {
  const user = await findUserByName(db, input.username);
  if (!user) {
    await verifyPassword(await dummyHash(), input.password);
    throw badCredentials();
  }
  const now = new Date();
  const state = { failedLogins: user.failed_logins, lockedUntil: user.locked_until };
  if (isLocked(state, now)) throw lockedError(user.locked_until!);
  const ok = Number(user.active) === 1 && (await verifyPassword(user.password_hash, input.password));
  const next = afterAttempt(state, ok, now, opts.lockout);
  const actor: Actor = { kind: 'user', userId: user.id, username: user.username, grants: [], ip: input.ip };
  return db
    .transaction()
    .execute(async (trx) => {
      await trx
        .updateTable('app_user')
        .set({
          failed_logins: next.failedLogins,
          locked_until: next.lockedUntil,
          ...(ok ? { last_login_at: now.toISOString() } : {}),
        })
        .where('id', '=', user.id)
        .execute();
      if (!ok) {
        await writeAudit(trx, actor, { action: 'login_failed', entity: 'user', entityId: user.id });
        if (next.lockedUntil && !state.lockedUntil) {
          await writeAudit(trx, actor, {
            action: 'lock',
            entity: 'user',
            entityId: user.id,
            after: { lockedUntil: next.lockedUntil },
          });
        }
        // Commit the counter, then refuse.
        return { ok: false as const, lockedUntil: isLocked(next, now) ? next.lockedUntil : null };
      }
      const session = await createSession(trx, user.id, opts.sessionHours, input);
      await writeAudit(trx, actor, { action: 'login', entity: 'user', entityId: user.id });
      return { ok: true as const, session, me: await loadMe(trx, user.id) };
    })
    .then((r) => {
      if (!r.ok) throw r.lockedUntil ? lockedError(r.lockedUntil) : badCredentials();
      return r;
    });
}

function lockedError(until: string) {
  const time = until.slice(0, 16).replace('T', ' ');
  return new AppError(
    'ACCOUNT_LOCKED',
    msg(`登录失败次数过多，账号已锁定至 ${time}（UTC）`, `Too many failed logins; account locked until ${time} UTC`),
  );
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
        failed_logins: 0,
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

export async function unlockUser(db: Db, actor: Actor, id: number): Promise<void> {
  authorizeAny(actor, 'user.manage');
  const user = await findUserById(db, id);
  if (!user) throw notFound(msg('用户不存在', 'User not found'));
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ failed_logins: 0, locked_until: null, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, actor, {
      action: 'unlock',
      entity: 'user',
      entityId: id,
      before: { failedLogins: user.failed_logins, lockedUntil: user.locked_until },
      after: { failedLogins: 0, lockedUntil: null },
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
  const now = new Date();
  return {
    total: Number(total),
    items: rows.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      active: Number(u.active) === 1,
      lockedUntil: isLocked({ failedLogins: u.failed_logins, lockedUntil: u.locked_until }, now)
        ? u.locked_until
        : null,
      lastLoginAt: u.last_login_at,
      roles: (grants.get(u.id) ?? []).map((g) => ({ ...g, scopeName: names.get(g.scopeCode) ?? g.scopeCode })),
    })),
  };
}

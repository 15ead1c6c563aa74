/**
 * User administration (用户管理), scoped: a user belongs to the regions of its roles. An administrator sees the
 * users holding a role inside its scope, with those roles (the others only counted), and may create or change a
 * user only when every role, before and after, lies inside its scope; unlocking needs the user to be visible.
 */
import type { UserCreateInput, UserListQuery, UserRow, UserUpdateInput } from '../../../shared/contracts/users.ts';
import { normalizeCode } from '../../../shared/regions.ts';
import type { Grant } from '../../access/permissions.ts';
import type { Scope } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { bumpVersion } from '../../db/rows.ts';
import { conflict, forbidden, invalid, notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { findRegion } from '../regions/repo.ts';
import { hashPassword } from './passwords.ts';
import {
  clearLoginAttempts,
  findUserById,
  findUserByName,
  grantsOf,
  listUserPage,
  lockedUntilByName,
  replaceGrants,
  scopeNames,
} from './repo.ts';
import { commonRegion, passwordProblem, userAccess } from './rules.ts';
import { deleteUserSessions, forgetUserSessions } from './sessions.ts';

const missing = (id: number) => notFound(msg(`用户不存在：${id}`, `User not found: ${id}`));

/** The region a change of these roles belongs to (its audit row's region). */
const regionOf = (...grants: Grant[][]) => commonRegion(grants.flat().map((g) => g.scopeCode));

interface UserColumns {
  id: number;
  username: string;
  display_name: string;
  active: number;
  last_login_at: string | null;
  version: number;
}

/** Users as the scope's administrator sees them (roles inside its scope, the others counted). */
async function presentUsers(db: Db, scope: Scope, rows: UserColumns[]): Promise<UserRow[]> {
  const ids = rows.map((r) => r.id);
  const grants = await grantsOf(db, ids);
  const [names, locks] = await Promise.all([
    scopeNames(
      db,
      [...grants.values()].flat().map((g) => g.scopeCode),
    ),
    lockedUntilByName(
      db,
      rows.map((r) => r.username),
      nowIso(),
    ),
  ]);
  const manages = (code: string) => scope.can('user.manage', code);
  return rows.map((u) => {
    const held = grants.get(u.id) ?? [];
    const access = userAccess(
      held.map((g) => g.scopeCode),
      manages,
    );
    return {
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      active: Number(u.active) === 1,
      lockedUntil: locks.get(u.username.toLowerCase()) ?? null,
      lastLoginAt: u.last_login_at,
      roles: held
        .filter((g) => manages(g.scopeCode))
        .map((g) => ({ ...g, scopeName: names.get(g.scopeCode) ?? g.scopeCode })),
      rolesOutside: held.length - access.inside,
      canEdit: access.editable,
      version: Number(u.version),
    };
  });
}

/** 用户列表 — a page of the users holding a role inside the scope. */
export async function listUsers(db: Db, scope: Scope, q: UserListQuery) {
  const { total, rows } = await listUserPage(db, scope, q);
  return { total, items: await presentUsers(db, scope, rows) };
}

/** A user, its roles, and how the administrator's scope holds them (404 when there is no such user). */
async function userInScope(db: Db, scope: Scope, id: number) {
  const user = await findUserById(db, id);
  if (!user) throw missing(id);
  const held = (await grantsOf(db, [id])).get(id) ?? [];
  const access = userAccess(
    held.map((g) => g.scopeCode),
    (code) => scope.covers(code),
  );
  return { user, held, access };
}

/** One user as the list shows it to this administrator (403 when it holds no role inside the scope). */
export async function userView(db: Db, scope: Scope, id: number): Promise<UserRow> {
  const { user, access } = await userInScope(db, scope, id);
  if (!access.visible) throw forbidden();
  const [row] = await presentUsers(db, scope, [user]);
  return row!;
}

/** Normalizes and checks roles: each scope must be a known region inside the administrator's scope. */
async function checkGrants(db: Db, scope: Scope, grants: { role: Grant['role']; scopeCode: string }[]) {
  const out: Grant[] = [];
  for (const [i, g] of grants.entries()) {
    const code = normalizeCode(g.scopeCode);
    const path = `roles.${i}.scopeCode`;
    if (!code) throw invalid(path, msg('区划代码格式不正确', 'Malformed region code'));
    if (!(await findRegion(db, code)))
      throw invalid(path, msg(`区域不存在：${g.scopeCode}`, `Unknown region: ${g.scopeCode}`));
    scope.authorize(code);
    out.push({ role: g.role, scopeCode: code });
  }
  return out;
}

function checkPassword(password: string | undefined) {
  const problem = password === undefined ? null : passwordProblem(password);
  if (problem) throw invalid('password', problem);
}

const snapshot = (u: { username: string; display_name: string; active: number }, roles: Grant[]) => ({
  username: u.username,
  displayName: u.display_name,
  active: Number(u.active) === 1,
  roles,
});

/** 新建用户 — every role inside the scope; 409 when the name is taken. */
export async function createUser(
  db: Db,
  scope: Scope,
  input: UserCreateInput,
): Promise<{ id: number; version: number }> {
  checkPassword(input.password);
  const grants = await checkGrants(db, scope, input.roles);
  const hashed = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    if (await findUserByName(trx, input.username))
      throw conflict(msg(`用户名已存在：${input.username}`, `Username taken: ${input.username}`));
    const now = nowIso();
    const { id, version } = await trx
      .insertInto('app_user')
      .values({
        username: input.username,
        display_name: input.displayName,
        password_hash: hashed,
        active: 1,
        created_at: now,
        updated_at: now,
      })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await replaceGrants(trx, id, grants);
    await writeAudit(trx, scope.actor, {
      action: 'create',
      entity: 'user',
      entityId: id,
      regionCode: regionOf(grants),
      after: snapshot({ username: input.username, display_name: input.displayName, active: 1 }, grants),
    });
    return { id, version: Number(version) };
  });
}

/**
 * 修改用户 — only an administrator holding every role of the user, before and after, in its scope. The version
 * read moves on first (409 with the user as this administrator sees it now); a password reset, a deactivation
 * or new roles end the user's sessions.
 */
export async function updateUser(
  db: Db,
  scope: Scope,
  id: number,
  input: UserUpdateInput,
  version: number | undefined,
): Promise<{ id: number; version: number }> {
  const { user, held: before, access } = await userInScope(db, scope, id);
  if (!access.editable) throw forbidden();
  const grants = input.roles ? await checkGrants(db, scope, input.roles) : undefined;
  checkPassword(input.password);
  const hashed = input.password !== undefined ? await hashPassword(input.password) : undefined;
  const next = await db.transaction().execute(async (trx) => {
    const next = await bumpVersion(trx, 'app_user', id, version, () => userView(trx, scope, id));
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
    await writeAudit(trx, scope.actor, {
      action: hashed ? 'update+reset_password' : 'update',
      entity: 'user',
      entityId: id,
      regionCode: regionOf(before, grants ?? []),
      before: snapshot(user, before),
      after: snapshot(after!, grants ?? before),
    });
    return next;
  });
  forgetUserSessions(id); // again after commit: a lookup during the transaction may have read the old rows
  return { id, version: next };
}

/** 解锁 — lifts every lock of a user's name, at every address, and forgets its failed logins. */
export async function unlockUser(db: Db, scope: Scope, id: number): Promise<void> {
  const { user, held, access } = await userInScope(db, scope, id);
  if (!access.visible) throw forbidden();
  await db.transaction().execute(async (trx) => {
    const cleared = await clearLoginAttempts(trx, user.username);
    await trx.updateTable('app_user').set({ updated_at: nowIso() }).where('id', '=', id).execute();
    await writeAudit(trx, scope.actor, {
      action: 'unlock',
      entity: 'user',
      entityId: id,
      regionCode: regionOf(held),
      before: {
        attempts: cleared.map((r) => ({ address: r.address, failures: r.failures, lockedUntil: r.locked_until })),
      },
      after: { attempts: [] },
    });
  });
}

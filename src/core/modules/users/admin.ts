/**
 * User administration (用户管理), scoped: a user belongs to the regions of its roles. An administrator — the system
 * administrator, or a county running its own accounts (授权管理) — sees the users holding a role inside its scope,
 * with those roles (the others only counted), and may create or change a user only when every role, before and
 * after, lies inside its scope and is no higher than the role it manages with there (shared/roles.ts); unlocking
 * needs the user to be visible. A password an administrator gives (a new user's, a reset) must be changed by the
 * user at the next login.
 */
import type { UserCreateInput, UserListQuery, UserRow, UserUpdateInput } from '../../../shared/contracts/users.ts';
import { normalizeCode } from '../../../shared/regions.ts';
import { mayGrant } from '../../../shared/roles.ts';
import { grantsWith, type Grant } from '../../access/permissions.ts';
import type { Scope } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { bumpVersion } from '../../db/rows.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../errors.ts';
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
import { commonRegion, passwordProblem, sameGrants, selfEditProblem, userAccess } from './rules.ts';
import { deleteUserSessions, forgetUserSessions } from './sessions.ts';

const missing = (id: number) => notFound(msg(`用户不存在：${id}`, `User not found: ${id}`));

/** The region a change of these roles belongs to (its audit row's region). */
const regionOf = (...grants: Grant[][]) => commonRegion(grants.flat().map((g) => g.scopeCode));

interface UserColumns {
  id: number;
  username: string;
  display_name: string;
  active: number;
  must_change_password: number;
  last_login_at: string | null;
  version: number;
}

/**
 * How an administrator holds a user's roles: visible, editable (every role inside `inScope` and no higher than the
 * administrator's there), inside.
 */
const accessOf = (scope: Scope, held: Grant[], inScope = (code: string) => scope.covers(code)) => {
  const managing = grantsWith(scope.actor, 'user.manage');
  return userAccess(held, inScope, (g) => mayGrant(managing, g));
};

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
    const access = accessOf(scope, held, manages);
    return {
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      active: Number(u.active) === 1,
      mustChangePassword: Number(u.must_change_password) === 1,
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
  return { user, held, access: accessOf(scope, held) };
}

/** One user as the list shows it to this administrator (403 when it holds no role inside the scope). */
export async function userView(db: Db, scope: Scope, id: number): Promise<UserRow> {
  const { user, access } = await userInScope(db, scope, id);
  if (!access.visible) throw forbidden();
  const [row] = await presentUsers(db, scope, [user]);
  return row!;
}

/**
 * Normalizes and checks roles: each scope must be a known region inside the administrator's scope (403), each
 * role no higher than the role the administrator manages with there (403 naming the role's field).
 */
async function checkGrants(db: Db, scope: Scope, grants: { role: Grant['role']; scopeCode: string }[]) {
  const out: Grant[] = [];
  const managing = grantsWith(scope.actor, 'user.manage');
  for (const [i, g] of grants.entries()) {
    const code = normalizeCode(g.scopeCode);
    const path = `roles.${i}.scopeCode`;
    if (!code) throw invalid(path, msg('区划代码格式不正确', 'Malformed region code'));
    if (!(await findRegion(db, code)))
      throw invalid(path, msg(`区域不存在：${g.scopeCode}`, `Unknown region: ${g.scopeCode}`));
    scope.authorize(code);
    if (!mayGrant(managing, { role: g.role, scopeCode: code })) {
      const why = msg('不能授予高于本人权限的角色', 'You cannot grant a role higher than your own');
      throw new AppError('FORBIDDEN', why, [{ path: `roles.${i}.role`, message: why }]);
    }
    out.push({ role: g.role, scopeCode: code });
  }
  return out;
}

function checkPassword(password: string | undefined) {
  const problem = password === undefined ? null : passwordProblem(password);
  if (problem) throw invalid('password', problem);
}

const snapshot = (
  u: { username: string; display_name: string; active: number; must_change_password: number },
  roles: Grant[],
) => ({
  username: u.username,
  displayName: u.display_name,
  active: Number(u.active) === 1,
  mustChangePassword: Number(u.must_change_password) === 1,
  roles,
});

/** The audit action of a user edit: what matters most of what it did. */
function editAction(before: { active: number }, input: UserUpdateInput): string {
  const wasActive = Number(before.active) === 1;
  if (input.active === false && wasActive) return 'deactivate';
  if (input.active === true && !wasActive) return 'activate';
  if (input.password !== undefined) return 'reset_password';
  return 'update';
}

/**
 * 新建用户 — every role inside the scope and no higher than the administrator's there; 409 when the name is taken.
 * The password is temporary: the user changes it at the first login.
 */
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
        must_change_password: 1,
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
      after: snapshot(
        { username: input.username, display_name: input.displayName, active: 1, must_change_password: 1 },
        grants,
      ),
    });
    return { id, version: Number(version) };
  });
}

/**
 * 修改用户 — only an administrator holding every role of the user, before and after, in its scope and no higher
 * than its own there; not its own activity or roles. The version read moves on first (409 with the user as this
 * administrator sees it now); a password reset, a deactivation or new roles end the user's sessions, and a reset
 * password must be changed at the next login (unless the administrator reset its own).
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
  const self = scope.actor.kind === 'user' && scope.actor.userId === id;
  const own = selfEditProblem(self, {
    deactivate: input.active === false,
    rolesChanged: !!grants && !sameGrants(grants, before),
  });
  if (own) throw invalid(own.path, own);
  checkPassword(input.password);
  const hashed = input.password !== undefined ? await hashPassword(input.password) : undefined;
  const next = await db.transaction().execute(async (trx) => {
    const next = await bumpVersion(trx, 'app_user', id, version, () => userView(trx, scope, id));
    const set = {
      updated_at: nowIso(),
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
      ...(hashed ? { password_hash: hashed, must_change_password: self ? 0 : 1 } : {}),
    };
    await trx.updateTable('app_user').set(set).where('id', '=', id).execute();
    if (grants) await replaceGrants(trx, id, grants);
    if (hashed || input.active === false || grants) await deleteUserSessions(trx, id);
    const after = await findUserById(trx, id);
    await writeAudit(trx, scope.actor, {
      action: editAction(user, input),
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

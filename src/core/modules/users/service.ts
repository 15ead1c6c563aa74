/** The own account: who is logged in (当前用户), the session, the own password (修改密码). */
import type { Me, MeResponse } from '../../../shared/contracts/auth.ts';
import { grantableRoles } from '../../../shared/roles.ts';
import { permissionsOf, ROLE_PERMISSIONS, type Actor } from '../../access/permissions.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { AppError, forbidden, invalid, notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { findUserById, grantsOf, scopeNames } from './repo.ts';
import { commonRegion, passwordProblem } from './rules.ts';
import { deleteSession, deleteUserSessions, forgetUserSessions } from './sessions.ts';

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
    mustChangePassword: Number(user.must_change_password) === 1,
    grantableRoles: grantableRoles(grants.filter((g) => ROLE_PERMISSIONS[g.role].includes('user.manage'))),
  };
}

/** The logged-in user with the session's CSRF token (401 when the session ended meanwhile). */
export async function currentUser(db: Db, actor: Actor, sessionId: string | null): Promise<MeResponse> {
  if (actor.kind !== 'user' || !sessionId) throw forbidden();
  const session = await db.selectFrom('session').select('csrf_token').where('id', '=', sessionId).executeTakeFirst();
  if (!session)
    throw new AppError(
      'UNAUTHENTICATED',
      msg('未登录或会话已过期，请重新登录', 'Not logged in or the session expired'),
    );
  return { user: await loadMe(db, actor.userId), csrfToken: session.csrf_token };
}

/** Ends the session, if there is one (logging out twice is no error). */
export async function logout(db: Db, sessionId: string | null): Promise<void> {
  if (sessionId) await deleteSession(db, sessionId);
}

/**
 * Changes the own password with the current one; the user's other sessions end, this one stays. A password an
 * administrator gave is then the user's own (must_change_password cleared); the new one must differ from it.
 */
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
  if (Number(user.must_change_password) === 1 && input.newPassword === input.currentPassword)
    throw invalid(
      'newPassword',
      msg('新密码不能与管理员设置的密码相同', 'Choose a password other than the one you were given'),
    );
  const hashed = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ password_hash: hashed, must_change_password: 0, updated_at: nowIso() })
      .where('id', '=', user.id)
      .execute();
    await deleteUserSessions(trx, user.id, input.keepSessionId);
    await writeAudit(trx, actor, {
      action: 'change_password',
      entity: 'user',
      entityId: user.id,
      regionCode: commonRegion(actor.grants.map((g) => g.scopeCode)),
    });
  });
  forgetUserSessions(user.id); // again after commit: a lookup during the transaction may have read the old rows
}

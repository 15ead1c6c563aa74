import type { Role } from '../../../shared/codes.ts';
import type { Grant } from '../../access/permissions.ts';
import type { Db } from '../../db/index.ts';
import { forgetUserSessions } from './sessions.ts';

export async function findUserByName(db: Db, username: string) {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Db, id: number) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function grantsOf(db: Db, userIds: number[]): Promise<Map<number, Grant[]>> {
  const out = new Map<number, Grant[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('user_role')
    .select(['user_id', 'role', 'scope_code'])
    .where('user_id', 'in', userIds)
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.user_id) ?? [];
    list.push({ role: r.role as Role, scopeCode: r.scope_code });
    out.set(r.user_id, list);
  }
  return out;
}

/** Replaces a user's grants; the user's cached sessions are forgotten, so the new rights apply at once. */
export async function replaceGrants(db: Db, userId: number, grants: Grant[]): Promise<void> {
  await db.deleteFrom('user_role').where('user_id', '=', userId).execute();
  if (grants.length)
    await db
      .insertInto('user_role')
      .values(grants.map((g) => ({ user_id: userId, role: g.role, scope_code: g.scopeCode })))
      .execute();
  forgetUserSessions(userId);
}

/** Names of the scope regions, for display. */
export async function scopeNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('region')
    .select(['code', 'name'])
    .where('code', 'in', [...new Set(codes)])
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

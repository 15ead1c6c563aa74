import type { Role } from '../../../shared/codes.ts';
import { NATION_CODE } from '../../../shared/regions.ts';
import type { Grant } from '../../access/permissions.ts';
import { Scope } from '../../access/scope.ts';
import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/index.ts';
import { listPage } from '../../db/list.ts';
import { forgetUserSessions } from './sessions.ts';
import type { DB } from '../../db/schema.ts';
import type { LoginKey, Reserved } from './rules.ts';

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

/**
 * A page of the users in the scope, by id. A user belongs to the regions of its roles: it is in the scope when one
 * of them lies inside (a scope over the whole country holds every user, those without roles too).
 */
export async function listUserPage(db: Db, scope: Scope, f: { q?: string; page: number; pageSize: number }) {
  const like = f.q ? `%${f.q}%` : undefined;
  const base = db
    .selectFrom('app_user as u')
    .$if(!!like, (qb) =>
      qb.where((eb) => eb.or([eb('u.username', 'like', like!), eb('u.display_name', 'like', like!)])),
    )
    .$if(!scope.covers(NATION_CODE), (qb) =>
      qb.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('user_role as ur')
            .select('ur.id')
            .whereRef('ur.user_id', '=', 'u.id')
            .$call(scope.where('ur.scope_code')),
        ),
      ),
    );
  return listPage({
    // The scope is applied above, through the roles: a user has no region column of its own.
    scope: Scope.global(scope.actor, 'users are filtered by their roles in the scope (exists above)'),
    base,
    scopeColumn: 'u.id',
    order: (qb) => qb.orderBy('u.id'),
    page: f,
    select: (qb) =>
      qb.select([
        'u.id',
        'u.username',
        'u.display_name',
        'u.active',
        'u.must_change_password',
        'u.last_login_at',
        'u.version',
      ]),
  });
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

// ---- failed logins per (username, address) ----

const ofKey = (k: LoginKey) => (eb: ExpressionBuilder<DB, 'login_attempt'>) =>
  eb.and([eb('username', '=', k.username), eb('address', '=', k.address)]);
const notLocked = (now: string) => (eb: ExpressionBuilder<DB, 'login_attempt'>) =>
  eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]);

/**
 * Reserves an attempt's place in its key's counter, atomically (one upsert, so parallel attempts each get
 * their own number): a lock that has ended, or a count with no attempt since `freshBefore`, starts afresh.
 */
export async function reserveLoginAttempt(db: Db, k: LoginKey, now: string, freshBefore: string): Promise<Reserved> {
  const lockedUntil = sql.ref<string | null>('login_attempt.locked_until');
  const restart = sql<boolean>`(${lockedUntil} is not null and ${lockedUntil} <= ${now})
    or (${lockedUntil} is null and ${sql.ref('login_attempt.updated_at')} < ${freshBefore})`;
  const row = await db
    .insertInto('login_attempt')
    .values({ username: k.username, address: k.address, failures: 1, locked_until: null, updated_at: now })
    .onConflict((oc) =>
      oc.columns(['username', 'address']).doUpdateSet({
        failures: sql<number>`case when ${restart} then 1 else ${sql.ref('login_attempt.failures')} + 1 end`,
        locked_until: sql<string | null>`case when ${lockedUntil} <= ${now} then null else ${lockedUntil} end`,
        updated_at: now,
      }),
    )
    .returning(['failures', 'locked_until'])
    .executeTakeFirstOrThrow();
  return { failures: Number(row.failures), lockedUntil: row.locked_until };
}

/** Locks a key until `until` unless a lock is in force already; true when this call set the lock. */
export async function lockLoginKey(db: Db, k: LoginKey, now: string, until: string): Promise<boolean> {
  const r = await db
    .updateTable('login_attempt')
    .set({ locked_until: until })
    .where(ofKey(k))
    .where(notLocked(now))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * A success takes its own attempt and those before it (`reserved` of them) off the count, unless the key
 * got locked meanwhile (by attempts in parallel): then it returns the lock's end and the login is refused.
 */
export async function settleLoginSuccess(db: Db, k: LoginKey, reserved: number, now: string): Promise<string | null> {
  const failures = sql.ref<number>('failures');
  const r = await db
    .updateTable('login_attempt')
    .set({
      failures: sql<number>`case when ${failures} > ${reserved} then ${failures} - ${reserved} else 0 end`,
      updated_at: now,
    })
    .where(ofKey(k))
    .where(notLocked(now))
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) > 0) return null;
  // Locked, or the key is gone (an administrator's unlock): only a lock refuses.
  const row = await db.selectFrom('login_attempt').select('locked_until').where(ofKey(k)).executeTakeFirst();
  return row?.locked_until ?? null;
}

/** The latest lock in force per username (lower-cased) — any address. */
export async function lockedUntilByName(db: Db, usernames: string[], now: string): Promise<Map<string, string>> {
  if (usernames.length === 0) return new Map();
  const rows = await db
    .selectFrom('login_attempt')
    .select((eb) => ['username', eb.fn.max('locked_until').as('until')])
    .where('username', 'in', [...new Set(usernames.map((u) => u.toLowerCase()))])
    .where('locked_until', '>', now)
    .groupBy('username')
    .execute();
  return new Map(rows.filter((r) => r.until).map((r) => [r.username, r.until as string]));
}

/** Removes every key of a username (an administrator's unlock); returns what they held. */
export async function clearLoginAttempts(db: Db, username: string) {
  return db
    .deleteFrom('login_attempt')
    .where('username', '=', username.toLowerCase())
    .returning(['address', 'failures', 'locked_until'])
    .execute();
}

/** Forgets counts that would start afresh anyway (no attempt since `freshBefore`, no lock in force). */
export async function purgeLoginAttempts(db: Db, now: string, freshBefore: string): Promise<void> {
  await db.deleteFrom('login_attempt').where('updated_at', '<', freshBefore).where(notLocked(now)).execute();
}

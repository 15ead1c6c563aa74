import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../../shared/codes.ts';
import type { Actor } from '../../access/permissions.ts';
import { nowIso, type Db } from '../../db/index.ts';

/** Session tokens are random; only their SHA-256 is stored, so a leaked table does not leak sessions. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
export const newToken = (): string => randomBytes(32).toString('base64url');

export async function createSession(
  db: Db,
  userId: number,
  hours: number,
  meta: { ip?: string; userAgent?: string },
): Promise<{ token: string; csrfToken: string; expiresAt: string }> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + hours * 3_600_000).toISOString();
  await db
    .insertInto('session')
    .values({
      id: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: nowIso(),
      expires_at: expiresAt,
      ip: meta.ip ?? null,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export interface ResolvedSession {
  actor: Extract<Actor, { kind: 'user' }>;
  csrfToken: string;
  sessionId: string;
  /** The user must change a password an administrator gave before anything else (auth lets the own account through). */
  mustChangePassword: boolean;
}

/**
 * Resolved sessions kept in this process for a few seconds (a session check per request is otherwise the
 * largest share of a point read). Only live sessions are kept, never past their expiry; ending a session,
 * a user's sessions or changing a user's grants forgets them at once here. Another process serving the same
 * database learns of such a change only when its entry runs out: see ARCHITECTURE.md, "Sessions".
 */
const cache = new Map<string, { session: ResolvedSession; until: number }>();
const CACHE_MAX = 5_000;
/** Bumped by every forget: a lookup that started before one does not store what it read (it may be stale). */
let generation = 0;

/** Forgets the cached session `id` (after a logout). */
export function forgetSession(id: string): void {
  generation++;
  cache.delete(id);
}

/** Forgets every cached session of a user (password, deactivation, grants). */
export function forgetUserSessions(userId: number): void {
  generation++;
  for (const [id, e] of cache) if (e.session.actor.userId === userId) cache.delete(id);
}

/**
 * The live session behind a token, or null (unknown, expired, or the user was deactivated): one indexed
 * query (session → user → grants), kept for `cacheMs` in this process.
 */
export async function resolveSession(
  db: Db,
  token: string,
  opts: { cacheMs?: number } = {},
): Promise<ResolvedSession | null> {
  if (!token || token.length > 100) return null;
  const id = hashToken(token);
  const now = Date.now();
  const cacheMs = opts.cacheMs ?? 0;
  const hit = cacheMs > 0 ? cache.get(id) : undefined;
  if (hit && hit.until > now) return hit.session;
  if (hit) cache.delete(id);
  const started = generation;
  const rows = await db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .leftJoin('user_role as r', 'r.user_id', 's.user_id')
    .select([
      's.id',
      's.user_id',
      's.csrf_token',
      's.expires_at',
      'u.username',
      'u.active',
      'u.must_change_password',
      'r.role',
      'r.scope_code',
    ])
    .where('s.id', '=', id)
    .orderBy('r.id')
    .execute();
  const row = rows[0];
  if (!row || row.expires_at <= nowIso() || Number(row.active) !== 1) return null;
  const grants = rows.flatMap((r) => (r.role ? [{ role: r.role as Role, scopeCode: r.scope_code! }] : []));
  const session: ResolvedSession = {
    sessionId: row.id,
    csrfToken: row.csrf_token,
    mustChangePassword: Number(row.must_change_password) === 1,
    actor: Object.freeze({ kind: 'user' as const, userId: row.user_id, username: row.username, grants }),
  };
  if (cacheMs > 0 && started === generation) {
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(id, { session, until: Math.min(now + cacheMs, Date.parse(row.expires_at)) });
  }
  return session;
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', sessionId).execute();
  forgetSession(sessionId);
}

export async function deleteUserSessions(db: Db, userId: number, exceptId?: string): Promise<void> {
  await db
    .deleteFrom('session')
    .where('user_id', '=', userId)
    .$if(!!exceptId, (qb) => qb.where('id', '!=', exceptId!))
    .execute();
  forgetUserSessions(userId);
}

export async function purgeExpiredSessions(db: Db): Promise<void> {
  await db.deleteFrom('session').where('expires_at', '<=', nowIso()).execute();
}

import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../../shared/codes.ts';
import type { Actor } from '../../access/permissions.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { grantsOf } from './repo.ts';

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
}

/** The live session behind a token, or null (unknown, expired, or the user was deactivated). */
export async function resolveSession(db: Db, token: string): Promise<ResolvedSession | null> {
  if (!token || token.length > 100) return null;
  const id = hashToken(token);
  const row = await db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['s.id', 's.user_id', 's.csrf_token', 's.expires_at', 'u.username', 'u.active'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row || row.expires_at <= nowIso() || Number(row.active) !== 1) return null;
  const grants = (await grantsOf(db, [row.user_id])).get(row.user_id) ?? [];
  return {
    sessionId: row.id,
    csrfToken: row.csrf_token,
    actor: {
      kind: 'user',
      userId: row.user_id,
      username: row.username,
      grants: grants.map((g) => ({ role: g.role as Role, scopeCode: g.scopeCode })),
    },
  };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(db: Db, userId: number, exceptId?: string): Promise<void> {
  await db
    .deleteFrom('session')
    .where('user_id', '=', userId)
    .$if(!!exceptId, (qb) => qb.where('id', '!=', exceptId!))
    .execute();
}

export async function purgeExpiredSessions(db: Db): Promise<void> {
  await db.deleteFrom('session').where('expires_at', '<=', nowIso()).execute();
}

import type { Actor } from '../../access/permissions.ts';
import type { Db } from '../../db/index.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import {
  findUserByName,
  grantsOf,
  lockLoginKey,
  purgeLoginAttempts,
  reserveLoginAttempt,
  settleLoginSuccess,
} from './repo.ts';
import {
  commonRegion,
  freshCountBefore,
  lockAfterFailure,
  loginKey,
  onReserved,
  type LockoutPolicy,
  type RateLimiter,
} from './rules.ts';
import { loadMe } from './service.ts';
import { createSession } from './sessions.ts';

const badCredentials = () => new AppError('UNAUTHENTICATED', msg('用户名或密码错误', 'Wrong username or password'));

function lockedError(until: string) {
  const time = until.slice(0, 16).replace('T', ' ');
  return new AppError(
    'ACCOUNT_LOCKED',
    msg(
      `登录失败次数过多，此账号已暂停从本地址登录，至 ${time}（UTC）`,
      `Too many failed logins; this account is locked from this address until ${time} UTC`,
    ),
  );
}

/**
 * Checks a password and opens a session. Failures are counted per (username, client address) — see
 * LockoutPolicy — and the attempt takes its place in that count atomically *before* the slow password
 * check, so attempts sent in parallel cannot all slip under the limit: those past it are refused without a
 * check, and a right password is refused too if the key got locked meanwhile. An unknown username takes the
 * same path (a dummy hash is checked), so its answers, 401 then 423, and their timing match a real one's.
 * Before all that, `limiter` (when given) refuses an address sending too many attempts (429).
 */
export async function login(
  db: Db,
  input: { username: string; password: string; ip?: string; userAgent?: string },
  opts: { lockout: LockoutPolicy; sessionHours: number; limiter?: RateLimiter },
) {
  if (opts.limiter && !opts.limiter.hit(input.ip ?? ''))
    throw new AppError('RATE_LIMITED', msg('登录尝试过于频繁，请稍后再试', 'Too many login attempts; try again later'));
  const now = new Date();
  const at = now.toISOString();
  const key = loginKey(input.username, input.ip);
  const [reserved, user] = await Promise.all([
    reserveLoginAttempt(db, key, at, freshCountBefore(now, opts.lockout)),
    findUserByName(db, input.username),
  ]);
  // Who the audit names: the account tried, or an anonymous caller trying a name that does not exist.
  const actor: Actor = user
    ? { kind: 'user', userId: user.id, username: user.username, grants: [], ip: input.ip }
    : { kind: 'system', name: 'anonymous' };
  // A known user's logins belong to the region of its roles (its administrators read them); others to the nation.
  const regionCode = user
    ? commonRegion(((await grantsOf(db, [user.id])).get(user.id) ?? []).map((g) => g.scopeCode))
    : null;
  const audit = (trx: Db, action: string, after?: Record<string, unknown>) =>
    writeAudit(trx, actor, {
      action,
      entity: 'user',
      entityId: user?.id ?? null,
      regionCode,
      after: user ? after : { username: input.username, ip: input.ip ?? null, ...after },
    });

  const verdict = onReserved(reserved, now, opts.lockout);
  if (!verdict.check) {
    if (verdict.lockNow && (await lockLoginKey(db, key, at, verdict.lockedUntil)))
      await audit(db, 'lock', { lockedUntil: verdict.lockedUntil, address: key.address });
    throw lockedError(verdict.lockedUntil);
  }

  const ok = user
    ? Number(user.active) === 1 && (await verifyPassword(user.password_hash, input.password))
    : await verifyPassword(await dummyHash(), input.password).then(() => false);

  if (!ok || !user) {
    const until = lockAfterFailure(reserved, now, opts.lockout);
    await db.transaction().execute(async (trx) => {
      await audit(trx, 'login_failed');
      if (until && (await lockLoginKey(trx, key, at, until)))
        await audit(trx, 'lock', { lockedUntil: until, address: key.address });
    });
    throw until ? lockedError(until) : badCredentials();
  }

  return db.transaction().execute(async (trx) => {
    const lockedUntil = await settleLoginSuccess(trx, key, reserved.failures, at);
    if (lockedUntil) throw lockedError(lockedUntil);
    await trx.updateTable('app_user').set({ last_login_at: at }).where('id', '=', user.id).execute();
    const session = await createSession(trx, user.id, opts.sessionHours, input);
    await audit(trx, 'login');
    return { session, me: await loadMe(trx, user.id) };
  });
}

/** Deletes the counts that would start afresh anyway (run now and then, like the session purge). */
export async function purgeStaleLoginAttempts(db: Db, policy: LockoutPolicy): Promise<void> {
  const now = new Date();
  await purgeLoginAttempts(db, now.toISOString(), freshCountBefore(now, policy));
}

import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { after, afterEach, beforeEach } from 'node:test';
import pg from 'pg';
import type { Role } from '../src/shared/codes.ts';
import { createSession } from '../src/core/modules/users/sessions.ts';
import { loadConfig } from '../src/core/config.ts';
import { openDatabase, type Database, type Dialect } from '../src/core/db/index.ts';
import { buildApp, type AppOptions } from '../src/server/app.ts';
import { buildUser } from './factories.ts';
import { PG_URL, pgParts, SQLITE_TEMPLATE, TMP_DIR } from './dialects.ts';

export { DIALECTS } from './dialects.ts';

/** A fresh database copied from the template (migrated, real regions of 竹山县 and 郧西县 loaded). */
export async function freshDatabase(dialect: Dialect): Promise<Database & { drop(): Promise<void> }> {
  const id = `${process.pid}_${randomBytes(4).toString('hex')}`;
  if (dialect === 'sqlite') {
    const dir = join(TMP_DIR, 'tests');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${id}.db`);
    copyFileSync(SQLITE_TEMPLATE, file);
    const d = openDatabase(`file:${file}`);
    return {
      ...d,
      drop: async () => {
        await d.close();
        for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
      },
    };
  }
  const { withDb } = pgParts(PG_URL);
  const dbName = await takePgCopy();
  const d = openDatabase(withDb(dbName), { poolSize: 5 });
  return {
    ...d,
    drop: async () => {
      await d.close();
      dropLater(dbName);
    },
  };
}

// PostgreSQL copies: CREATE DATABASE … TEMPLATE takes ~250 ms and DROP DATABASE ~1 s (a checkpoint each), so the
// next copy is made while a test runs, and the drops are batched in parallel at the end of the file.
let warm: Promise<string> | null = null;
const toDrop: string[] = [];
let pgAdmin: Promise<pg.Client> | null = null;
const admin = () =>
  (pgAdmin ??= (async () => {
    const c = new pg.Client({ connectionString: pgParts(PG_URL).withDb('postgres') });
    await c.connect();
    return c;
  })());

async function createPgCopy(): Promise<string> {
  const { name, template } = pgParts(PG_URL);
  const dbName = `${name}_t${process.pid}_${randomBytes(4).toString('hex')}`;
  await (await admin()).query(`CREATE DATABASE "${dbName}" TEMPLATE "${template}"`);
  return dbName;
}

async function takePgCopy(): Promise<string> {
  const next = warm ?? createPgCopy();
  warm = createPgCopy();
  warm.catch(() => {}); // a failure shows when the copy is taken
  return next;
}

function dropLater(dbName: string) {
  toDrop.push(dbName);
}

after(async () => {
  if (!pgAdmin) return;
  if (warm) toDrop.push(await warm.catch(() => ''));
  warm = null;
  const names = toDrop.splice(0).filter(Boolean);
  const c = await admin();
  // Each drop in its own connection, so they run together (~0.1 s each instead of ~1 s one after another).
  await Promise.all(
    names.map(async (n) => {
      const one = new pg.Client({ connectionString: pgParts(PG_URL).withDb('postgres') });
      await one.connect();
      await one.query(`DROP DATABASE IF EXISTS "${n}" WITH (FORCE)`).finally(() => one.end());
    }),
  );
  await c.end();
  pgAdmin = null;
});

export interface Session {
  cookie: string;
  csrf: string;
}

/** An app over a fresh database, with helpers to log in and call the API. */
export async function testApp(dialect: Dialect, opts: Partial<Omit<AppOptions, 'database' | 'config'>> = {}) {
  const database = await freshDatabase(dialect);
  // Quiet unless asked for (LOG=1 npm test … shows the server's lines).
  const config = loadConfig({ LOG: process.env.LOG ?? '0', LOG_LEVEL: process.env.LOG_LEVEL });
  const app: FastifyInstance = await buildApp({ database, config, ...opts });
  const db = database.db;

  async function login(username: string, password = PASSWORD): Promise<Session> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} → ${res.statusCode} ${res.body}`);
    const cookies = res.cookies as { name: string; value: string }[];
    const sid = cookies.find((c) => c.name === 'xh_sid')!.value;
    return { cookie: `xh_sid=${sid}`, csrf: res.json().csrfToken };
  }

  function call(
    s: Session | null,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    return app.inject({
      method,
      url,
      payload: payload as never,
      headers: { ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}), ...headers },
    });
  }

  let users = 0;
  /**
   * A session for a new user holding `role` in `scope` (short or padded code), made directly in the database —
   * no password check, so a test can have as many users as it needs at no cost.
   */
  async function as(role: Role, scope: string, username = `${role}_${scope}_${++users}`): Promise<Session> {
    const { id } = await buildUser(db, role, scope, username);
    const s = await createSession(db, id, 8, {});
    return { cookie: `xh_sid=${s.token}`, csrf: s.csrfToken };
  }

  return {
    app,
    db,
    dialect,
    login,
    as,
    call,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof testApp>>;
export const PASSWORD = 'Passw0rd!test';

/**
 * A fresh app over its own copy of the template for every test of the enclosing describe: `setup` makes what each
 * test starts from (users, sessions, rows), so tests run in any order. Usage:
 *   const app = eachTest(dialect, async (t) => ({ county: await t.as('county', '420323') }));
 *   it('…', async () => { const { t, county } = app(); … });
 */
export function eachTest<S extends object>(
  dialect: Dialect,
  setup: (t: TestApp) => Promise<S> = async () => ({}) as S,
  opts: Partial<Omit<AppOptions, 'database' | 'config'>> = {},
): () => S & { t: TestApp } {
  let current: (S & { t: TestApp }) | undefined;
  beforeEach(async () => {
    const t = await testApp(dialect, opts);
    current = { ...(await setup(t)), t };
  });
  afterEach(async () => {
    await current?.t.close();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('eachTest: no app (did beforeEach fail?)');
    return current;
  };
}

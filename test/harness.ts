import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { loadConfig } from '../src/core/config.ts';
import { openDatabase, type Database, type Dialect } from '../src/core/db/index.ts';
import { buildApp, type AppOptions } from '../src/server/app.ts';
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
  const { name, template, withDb } = pgParts(PG_URL);
  const dbName = `${name}_t${id}`;
  const admin = new pg.Client({ connectionString: withDb('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}" TEMPLATE "${template}"`);
  await admin.end();
  const d = openDatabase(withDb(dbName), { poolSize: 5 });
  return {
    ...d,
    drop: async () => {
      await d.close();
      const c = new pg.Client({ connectionString: withDb('postgres') });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await c.end();
    },
  };
}

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

  return {
    app,
    db,
    dialect,
    login,
    call,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof testApp>>;
export const PASSWORD = 'Passw0rd!test';

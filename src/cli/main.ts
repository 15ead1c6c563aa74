import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEM } from '../core/access/permissions.ts';
import { Scope } from '../core/access/scope.ts';
import { loadConfig } from '../core/config.ts';
import { AppError } from '../core/errors.ts';
import { openDatabase, type Database } from '../core/db/index.ts';
import { setupDatabase } from '../core/setup.ts';
import { DEMO_USERS, loadDemo } from '../core/modules/demo/index.ts';
import { loadRegions } from '../core/modules/regions/load.ts';
import { normalizeCode, shortCode } from '../shared/regions.ts';
import { createUser } from '../core/modules/users/admin.ts';
import { purgeStaleLoginAttempts } from '../core/modules/users/login.ts';
import { DEFAULT_LOCKOUT } from '../core/modules/users/rules.ts';
import { purgeExpiredSessions } from '../core/modules/users/sessions.ts';
import { ROLES, type Role } from '../shared/codes.ts';
import { buildApp } from '../server/app.ts';
import { WEB_DIST } from '../server/plugins/web.ts';
import { parseArgs, str, type Args } from './args.ts';
import { exportCommand, IMPORT_HELP, importCommand } from './import.ts';
import { terminalProgress } from './progress.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

const HELP = `xiuhua — 绣花 党建引领脱贫攻坚指挥平台

  xiuhua start                      migrate, load the demo county if the database is empty, build the web app if needed, serve
  xiuhua serve                      migrate and serve (PORT, HOST, DATABASE_URL)
  xiuhua migrate                    bring the schema up to date
  xiuhua demo [--county 420323] [--households 100000]
                                    load the deterministic demo county and its household register
  xiuhua regions load <code>|--all  load real divisions (province 42, city 4203, county 420323, township 420323104) or the whole country
  xiuhua users add --username U --password P --role R --scope CODE [--name N]
                                    roles: ${ROLES.join(', ')}
${IMPORT_HELP}`;

export async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  const cmd = args._[0];
  const config = loadConfig();
  try {
    switch (cmd) {
      case 'start':
        return await start(config);
      case 'serve':
        return await serve(config, await opened(config.databaseUrl));
      case 'migrate':
        return await withDb(config.databaseUrl, async (d) =>
          console.log(`migrated (${d.dialect}): ${(await setupDatabase(d.db)).join(', ') || 'up to date'}`),
        );
      case 'demo':
        return await withDb(config.databaseUrl, (d) =>
          demo(d, str(args, 'county') ?? '420323', config.demoPassword, Number(str(args, 'households') ?? 100_000)),
        );
      case 'regions':
        return await withDb(config.databaseUrl, (d) => regions(d, args));
      case 'import':
        return await withDb(config.databaseUrl, (d) => importCommand(d, args));
      case 'export':
        return await withDb(config.databaseUrl, (d) => exportCommand(d, args));
      case 'users':
        return await withDb(config.databaseUrl, (d) => users(d, args));
      default:
        console.log(HELP);
        if (cmd && cmd !== 'help' && cmd !== '--help') process.exitCode = 2;
    }
  } catch (e) {
    if (e instanceof AppError) {
      console.error(`错误 / error: ${e.msg.zh} / ${e.msg.en}`);
      for (const d of e.details ?? [])
        console.error(
          `  ${d.path}: ${typeof d.message === 'string' ? d.message : `${d.message.zh} / ${d.message.en}`}`,
        );
    } else console.error(`错误 / error: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}

async function opened(url: string): Promise<Database> {
  const d = openDatabase(url);
  await setupDatabase(d.db);
  return d;
}

async function withDb(url: string, fn: (d: Database) => Promise<void>) {
  const d = await opened(url);
  try {
    await fn(d);
  } finally {
    await d.close();
  }
}

async function demo(d: Database, county: string, password: string, households = 100_000) {
  const started = Date.now();
  console.log(`载入演示数据 / loading demo county ${county} …`);
  const bar = terminalProgress();
  await loadDemo(d.db, { county, password, households, onProgress: bar.report });
  bar.stop();
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function printAccounts(password: string) {
  console.log('\n演示账号 / demo accounts (password: ' + password + ')');
  for (const u of DEMO_USERS)
    console.log(
      `  ${u.username.padEnd(11)} ${u.role.padEnd(9)} ${u.scope === '000000000000' ? '全国' : u.scope}  ${u.displayName}`,
    );
}

async function start(config: ReturnType<typeof loadConfig>) {
  const d = await opened(config.databaseUrl);
  const any = await d.db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  if (!any) await demo(d, '420323', config.demoPassword);
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    console.log('构建前端 / building the web app …');
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(ROOT, 'web/vite.config.ts')],
      { cwd: ROOT, stdio: 'inherit' },
    );
  }
  await serve(config, d, () => printAccounts(config.demoPassword));
}

async function serve(config: ReturnType<typeof loadConfig>, d: Database, after?: () => void) {
  const app = await buildApp({ database: d, config });
  const purgeAll = () => Promise.all([purgeExpiredSessions(d.db), purgeStaleLoginAttempts(d.db, DEFAULT_LOCKOUT)]);
  await purgeAll();
  const purge = setInterval(
    () => void purgeAll().catch((err: unknown) => app.log.warn({ err }, 'purge of sessions and login counts failed')),
    3_600_000,
  );
  purge.unref();
  const shutdown = async (signal: string) => {
    console.log(`\n${signal}: shutting down`);
    await app.close();
    await d.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  console.log(`绣花 Xiuhua (${d.dialect}) listening on http://${config.host}:${config.port}`);
  after?.();
}

async function regions(d: Database, args: Args) {
  if (args._[1] !== 'load') throw new Error('usage: xiuhua regions load <code>|--all');
  const all = args.opts.all === true;
  const code = args._[2];
  if (!all && !code) throw new Error('usage: xiuhua regions load <code>|--all');
  const normalized = all ? '000000000000' : normalizeCode(code!);
  if (!normalized) throw new Error(`区划代码格式不正确 / malformed code: ${code}`);
  const prefix = all ? '' : shortCode(normalized);
  const started = Date.now();
  const bar = terminalProgress();
  const n = await loadRegions(d.db, prefix, (rows) =>
    bar.report('regions', rows, all ? Math.max(rows, 665_277) : rows),
  );
  bar.stop();
  console.log(`loaded ${n} regions in ${((Date.now() - started) / 1000).toFixed(1)} s (${d.dialect})`);
}

async function users(d: Database, args: Args) {
  if (args._[1] !== 'add')
    throw new Error('usage: xiuhua users add --username U --password P --role R --scope CODE [--name N]');
  const username = str(args, 'username');
  const password = str(args, 'password');
  const role = str(args, 'role') as Role | undefined;
  const scope = str(args, 'scope');
  if (!username || !password || !role || !scope) throw new Error('需要 --username --password --role --scope');
  if (!ROLES.includes(role)) throw new Error(`unknown role ${role}; one of ${ROLES.join(', ')}`);
  const { id } = await createUser(d.db, Scope.global(SYSTEM, 'the operator at the command line'), {
    username,
    password,
    displayName: str(args, 'name') ?? username,
    roles: [{ role, scopeCode: scope }],
  });
  console.log(`created user ${username} (#${id})`);
}

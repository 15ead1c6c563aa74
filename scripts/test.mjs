#!/usr/bin/env node
// Test runner: prepares the template databases once (migrated, real regions loaded), then runs
// node:test over the test files. SQLite by default; XIUHUA_TEST_DIALECTS=postgres (or sqlite,postgres)
// with XIUHUA_TEST_PG_URL=postgres://… runs the same suite on PostgreSQL. `--e2e` runs the browser tests.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const e2e = process.argv.includes('--e2e');
const filters = process.argv.slice(2).filter((a) => !a.startsWith('--'));

function find(dir, suffix, out = []) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, suffix, out);
    else if (name.endsWith(suffix)) out.push(relative(root, p));
  }
  return out;
}

let files = e2e
  ? find(join(root, 'e2e'), '.e2e.ts')
  : [...find(join(root, 'src'), '.test.ts'), ...find(join(root, 'test'), '.test.ts')];
if (filters.length) files = files.filter((f) => filters.some((x) => f.includes(x)));
files.sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}

const env = { ...process.env };
if (!e2e) {
  const prep = spawnSync(process.execPath, ['--import', 'tsx', 'test/prepare.ts'], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  if (prep.status !== 0) process.exit(prep.status ?? 1);
}
const args = [
  '--import',
  'tsx',
  '--test',
  '--test-concurrency=2',
  ...(e2e ? ['--test-timeout=420000'] : ['--test-timeout=120000']),
  ...files,
];
const run = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env });
process.exit(run.status ?? 1);

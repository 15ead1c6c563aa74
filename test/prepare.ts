// Builds the template databases the tests copy: migrated, with the real regions of the template counties.
import { mkdirSync, rmSync } from 'node:fs';
import pg from 'pg';
import { openDatabase } from '../src/core/db/index.ts';
import { setupDatabase } from '../src/core/setup.ts';
import { loadRegions } from '../src/core/modules/regions/load.ts';
import { DIALECTS, PG_URL, pgParts, SQLITE_TEMPLATE, TEMPLATE_COUNTIES, TMP_DIR } from './dialects.ts';

async function fill(url: string) {
  const d = openDatabase(url);
  await setupDatabase(d.db);
  for (const c of TEMPLATE_COUNTIES) await loadRegions(d.db, c);
  await d.close();
}

const started = Date.now();
for (const dialect of DIALECTS) {
  if (dialect === 'sqlite') {
    mkdirSync(TMP_DIR, { recursive: true });
    for (const suffix of ['', '-wal', '-shm']) rmSync(SQLITE_TEMPLATE + suffix, { force: true });
    await fill(`file:${SQLITE_TEMPLATE}`);
    // Closing the last connection folds the WAL into the main file, so a plain copy is complete.
  } else {
    const { name, template, withDb } = pgParts(PG_URL);
    const admin = new pg.Client({ connectionString: withDb('postgres') });
    await admin.connect();
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${template}"`);
    await admin.end();
    await fill(withDb(template));
  }
}
console.log(`# test templates ready (${DIALECTS.join(', ')}) in ${Date.now() - started} ms`);

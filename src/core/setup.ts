import type { Db } from './db/index.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedPolicyDefaults } from './modules/policy/service.ts';

/** Brings a database up to date: schema migrations, then the shipped policy defaults that are missing. */
export async function setupDatabase(db: Db): Promise<string[]> {
  const applied = await migrateToLatest(db);
  await seedPolicyDefaults(db);
  return applied;
}

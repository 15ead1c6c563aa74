import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './index.ts';
import * as m20261123T1000 from './migrations/20261123T1000_foundation.ts';
import * as m20261123T1200 from './migrations/20261123T1200_register.ts';
import * as m20261123T1400 from './migrations/20261123T1400_forces.ts';
import * as m20261123T1600 from './migrations/20261123T1600_lookup_indexes.ts';
import * as m20261203T1000 from './migrations/20261203T1000_versions.ts';
import * as m20261203T1100 from './migrations/20261203T1100_login_attempts.ts';
import * as m20261210T1000 from './migrations/20261210T1000_must_change_password.ts';

/** The migrations, in order. Add new files here (timestamp-prefixed, frozen). */
const MIGRATIONS: Record<string, Migration> = {
  '20261123T1000_foundation': m20261123T1000,
  '20261123T1200_register': m20261123T1200,
  '20261123T1400_forces': m20261123T1400,
  '20261123T1600_lookup_indexes': m20261123T1600,
  '20261203T1000_versions': m20261203T1000,
  '20261203T1100_login_attempts': m20261203T1100,
  '20261210T1000_must_change_password': m20261210T1000,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema to the latest version; throws on failure. Returns the names applied now. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'xh_migration',
    migrationLockTableName: 'xh_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

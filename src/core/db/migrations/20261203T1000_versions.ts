import type { Kysely } from 'kysely';

// Frozen in time: never import application code here.

/** Every editable record carries a version: reads return it, writes send it back and lose with 409 when stale. */
export const VERSIONED_TABLES = [
  'region',
  'person',
  'command_unit',
  'app_user',
  'household',
  'crosscheck_hit',
  'policy_param',
  'code_list',
  'help_unit',
  'partner',
  'work_team',
  'stationing',
  'recall',
  'work_log',
  'leave_request',
  'insurance',
  'fund_spending',
  'assessment',
  'honour',
  'pairing',
  'measure',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of VERSIONED_TABLES)
    await db.schema
      .alterTable(table)
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of VERSIONED_TABLES) await db.schema.alterTable(table).dropColumn('version').execute();
}

import type { Kysely } from 'kysely';

/**
 * Failed logins counted per (lower-cased username, client address), whether or not the username exists,
 * instead of per account: a stranger's failures from elsewhere do not lock the owner out, and an unknown
 * name locks like a known one. The per-account counter columns go.
 */
// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_attempt')
    .addColumn('username', 'varchar(50)', (c) => c.notNull())
    .addColumn('address', 'varchar(64)', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'varchar(30)')
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('login_attempt_pk', ['username', 'address'])
    .execute();
  await db.schema.createIndex('login_attempt_updated_idx').on('login_attempt').columns(['updated_at']).execute();
  await db.schema.alterTable('app_user').dropColumn('failed_logins').execute();
  await db.schema.alterTable('app_user').dropColumn('locked_until').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('app_user')
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('app_user').addColumn('locked_until', 'varchar(30)').execute();
  await db.schema.dropTable('login_attempt').execute();
}

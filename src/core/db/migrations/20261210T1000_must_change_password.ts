import type { Kysely } from 'kysely';

/**
 * `must_change_password` on a user: set when an administrator gives a password (a new user's temporary one, a
 * reset), cleared when the user changes it. While it is set, the session reaches only the own account (who am I,
 * change the password, log out); every other call answers 403 PASSWORD_CHANGE_REQUIRED.
 */
// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('app_user')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('app_user').dropColumn('must_change_password').execute();
}

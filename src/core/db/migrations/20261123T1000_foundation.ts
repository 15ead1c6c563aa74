import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
  const flag = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0);

  await db.schema
    .createTable('region')
    .addColumn('code', 'varchar(15)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('official_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('level', 'varchar(10)', (c) => c.notNull())
    .addColumn('parent_code', 'varchar(15)')
    .addColumn('group_no', 'integer')
    .addColumn('poor_county', 'smallint', flag)
    .addColumn('deep_poverty_county', 'smallint', flag)
    .addColumn('extremely_poor_township', 'smallint', flag)
    .addColumn('poor_village', 'smallint', flag)
    .addColumn('deep_poverty_village', 'smallint', flag)
    .addColumn('western', 'smallint', flag)
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('region_parent_idx').on('region').columns(['parent_code', 'code']).execute();
  await db.schema.createIndex('region_level_idx').on('region').columns(['level', 'code']).execute();

  await db.schema
    .createTable('person')
    .addColumn('id', 'integer', id)
    .addColumn('region_code', 'varchar(15)', (c) => c.notNull())
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('gender', 'varchar(10)')
    .addColumn('phone', 'varchar(20)')
    .addColumn('post', 'varchar(100)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('person_region_idx').on('person').columns(['region_code']).execute();

  await db.schema
    .createTable('command_unit')
    .addColumn('id', 'integer', id)
    .addColumn('region_code', 'varchar(15)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('command_unit.id').onDelete('set null'))
    .addColumn('commander_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('leader_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('command_unit_region_idx').on('command_unit').columns(['region_code']).execute();

  await db.schema
    .createTable('command_member')
    .addColumn('id', 'integer', id)
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('command_unit.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('duty', 'varchar(100)')
    .addColumn('region_code', 'varchar(15)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('command_member_unit_person_uq', ['unit_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('app_user')
    .addColumn('id', 'integer', id)
    .addColumn('username', 'varchar(50)', (c) => c.notNull().unique())
    .addColumn('display_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('password_hash', 'varchar(200)', (c) => c.notNull())
    .addColumn('active', 'smallint', (c) => c.notNull().defaultTo(1))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'varchar(30)')
    .addColumn('last_login_at', 'varchar(30)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_role')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('scope_code', 'varchar(15)', (c) => c.notNull())
    .addUniqueConstraint('user_role_uq', ['user_id', 'role', 'scope_code'])
    .execute();

  await db.schema
    .createTable('session')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)')
    .addColumn('user_agent', 'varchar(300)')
    .execute();
  await db.schema.createIndex('session_user_idx').on('session').columns(['user_id']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', id)
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('username', 'varchar(50)')
    .addColumn('action', 'varchar(50)', (c) => c.notNull())
    .addColumn('entity', 'varchar(50)', (c) => c.notNull())
    .addColumn('entity_id', 'varchar(50)')
    .addColumn('region_code', 'varchar(15)')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('ip', 'varchar(64)')
    .execute();
  await db.schema.createIndex('audit_at_idx').on('audit_log').columns(['at']).execute();
  await db.schema.createIndex('audit_region_idx').on('audit_log').columns(['region_code', 'at']).execute();
  await db.schema.createIndex('audit_user_idx').on('audit_log').columns(['username', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'audit_log',
    'session',
    'user_role',
    'app_user',
    'command_member',
    'command_unit',
    'person',
    'region',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}

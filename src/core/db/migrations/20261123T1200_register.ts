import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// The household register (建档立卡): households, members, yearly records, workflow events,
// cross-check hits, policy parameters and code lists.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
  const money = 'numeric(14, 2)';
  const ts = 'varchar(30)';

  await db.schema
    .createTable('household')
    .addColumn('id', 'integer', id)
    .addColumn('county_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('code', 'varchar(40)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(15)', (c) => c.notNull())
    .addColumn('group_code', 'varchar(15)')
    .addColumn('head_name', 'varchar(50)', (c) => c.notNull())
    .addColumn('address', 'varchar(200)')
    .addColumn('phone', 'varchar(20)')
    .addColumn('housing_grade', 'varchar(1)')
    .addColumn('attribute', 'varchar(20)')
    .addColumn('main_cause', 'varchar(30)')
    .addColumn('other_causes', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('identified_year', 'integer')
    .addColumn('exited_year', 'integer')
    .addColumn('persons', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('household_county_code_uq', ['county_code', 'code'])
    .execute();
  await db.schema.createIndex('household_region_idx').on('household').columns(['region_code', 'status']).execute();
  await db.schema.createIndex('household_status_idx').on('household').columns(['status', 'region_code']).execute();

  await db.schema
    .createTable('household_member')
    .addColumn('id', 'integer', id)
    .addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
    .addColumn('region_code', 'varchar(15)', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('id_number', 'varchar(18)')
    .addColumn('gender', 'varchar(10)')
    .addColumn('birth_date', 'varchar(10)')
    .addColumn('relation', 'varchar(20)')
    .addColumn('ethnicity', 'varchar(20)')
    .addColumn('education', 'varchar(20)')
    .addColumn('student_status', 'varchar(20)')
    .addColumn('health', 'varchar(20)')
    .addColumn('labour', 'varchar(20)')
    .addColumn('work_status', 'varchar(20)')
    .addColumn('migrant_months', 'integer')
    .addColumn('migrant_place', 'varchar(100)')
    .addColumn('medical_insurance', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('pension_insurance', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('dibao', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('party_member', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('phone', 'varchar(20)')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('member_household_idx').on('household_member').columns(['household_id']).execute();
  await db.schema.createIndex('member_id_number_idx').on('household_member').columns(['id_number']).execute();
  await db.schema.createIndex('member_region_idx').on('household_member').columns(['region_code']).execute();

  await db.schema
    .createTable('household_year')
    .addColumn('id', 'integer', id)
    .addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
    .addColumn('region_code', 'varchar(15)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('persons', 'integer', (c) => c.notNull())
    .addColumn('income_wage', money, (c) => c.notNull().defaultTo(0))
    .addColumn('income_business', money, (c) => c.notNull().defaultTo(0))
    .addColumn('income_transfer', money, (c) => c.notNull().defaultTo(0))
    .addColumn('income_property', money, (c) => c.notNull().defaultTo(0))
    .addColumn('production_cost', money, (c) => c.notNull().defaultTo(0))
    .addColumn('net_income', money, (c) => c.notNull().defaultTo(0))
    .addColumn('per_capita_income', money, (c) => c.notNull().defaultTo(0))
    // 两不愁三保障 + safe water: 1 met, 0 not met, NULL not recorded
    .addColumn('food_clothing', 'smallint')
    .addColumn('education', 'smallint')
    .addColumn('medical', 'smallint')
    .addColumn('housing', 'smallint')
    .addColumn('water', 'smallint')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('household_year_uq', ['household_id', 'year'])
    .execute();
  await db.schema
    .createIndex('household_year_region_idx')
    .on('household_year')
    .columns(['year', 'region_code'])
    .execute();

  await db.schema
    .createTable('household_event')
    .addColumn('id', 'integer', id)
    .addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
    .addColumn('region_code', 'varchar(15)', (c) => c.notNull())
    .addColumn('workflow', 'varchar(20)', (c) => c.notNull())
    .addColumn('step', 'varchar(30)', (c) => c.notNull())
    .addColumn('event_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('actor_name', 'varchar(50)')
    .addColumn('user_id', 'integer')
    .addColumn('note', 'text')
    .addColumn('attachments', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('household_event_hh_idx').on('household_event').columns(['household_id', 'id']).execute();

  await db.schema
    .createTable('crosscheck_hit')
    .addColumn('id', 'integer', id)
    .addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (c) => c.references('household_member.id').onDelete('cascade'))
    .addColumn('region_code', 'varchar(15)', (c) => c.notNull())
    .addColumn('source', 'varchar(30)', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('resolved_at', ts)
    .execute();
  await db.schema.createIndex('crosscheck_hh_idx').on('crosscheck_hit').columns(['household_id']).execute();

  await db.schema
    .createTable('policy_param')
    .addColumn('key', 'varchar(50)', (c) => c.notNull())
    .addColumn('province', 'varchar(2)', (c) => c.notNull().defaultTo(''))
    .addColumn('year', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_param_pk', ['key', 'province', 'year'])
    .execute();

  await db.schema
    .createTable('code_list')
    .addColumn('list', 'varchar(30)', (c) => c.notNull())
    .addColumn('code', 'varchar(30)', (c) => c.notNull())
    .addColumn('label_zh', 'varchar(100)', (c) => c.notNull())
    .addColumn('label_en', 'varchar(100)', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'smallint', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('code_list_pk', ['list', 'code'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'code_list',
    'policy_param',
    'crosscheck_hit',
    'household_event',
    'household_year',
    'household_member',
    'household',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}

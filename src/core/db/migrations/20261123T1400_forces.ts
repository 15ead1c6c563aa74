import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// Help forces: the command-hierarchy `person` becomes the cadre record; units, partners, teams,
// stationing, recalls, attendance, logs, leave, insurance, funds, assessments, honours, pairings, measures.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
  const ts = (c: ColumnDefinitionBuilder) => c.notNull();
  const region = (c: ColumnDefinitionBuilder) => c.notNull();
  const money = 'numeric(14, 2)';

  await db.schema
    .createTable('help_unit')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('level', 'varchar(20)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(15)', region)
    .addColumn('created_at', 'varchar(30)', ts)
    .addColumn('updated_at', 'varchar(30)', ts)
    .execute();
  await db.schema.createIndex('help_unit_region_idx').on('help_unit').columns(['region_code']).execute();

  // The cadre record: the foundation's person plus what the help-force module needs.
  for (const [name, type] of [
    ['id_number', 'varchar(18)'],
    ['birth_date', 'varchar(10)'],
    ['education', 'varchar(20)'],
    ['political_status', 'varchar(20)'],
    ['rank', 'varchar(50)'],
  ] as const) {
    await db.schema.alterTable('person').addColumn(name, type).execute();
  }
  await db.schema
    .alterTable('person')
    .addColumn('unit_id', 'integer', (c) => c.references('help_unit.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('person_unit_idx').on('person').columns(['unit_id']).execute();
  await db.schema.createIndex('person_name_idx').on('person').columns(['name']).execute();

  await db.schema
    .createTable('partner')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(15)', region)
    .addColumn('contact', 'varchar(50)')
    .addColumn('phone', 'varchar(20)')
    .addColumn('created_at', 'varchar(30)', ts)
    .addColumn('updated_at', 'varchar(30)', ts)
    .execute();
  await db.schema.createIndex('partner_region_idx').on('partner').columns(['region_code']).execute();

  await db.schema
    .createTable('work_team')
    .addColumn('id', 'integer', id)
    .addColumn('region_code', 'varchar(15)', region) // the village
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.references('help_unit.id').onDelete('set null'))
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)')
    .addColumn('created_at', 'varchar(30)', ts)
    .addColumn('updated_at', 'varchar(30)', ts)
    .execute();
  await db.schema.createIndex('work_team_region_idx').on('work_team').columns(['region_code']).execute();

  await db.schema
    .createTable('stationing')
    .addColumn('id', 'integer', id)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('region_code', 'varchar(15)', region) // the village
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('team_id', 'integer', (c) => c.references('work_team.id').onDelete('set null'))
    .addColumn('unit_id', 'integer', (c) => c.references('help_unit.id').onDelete('set null'))
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)') // planned end of the term
    .addColumn('ended_on', 'varchar(10)') // actual end (rotation, recall, completion)
    .addColumn('end_reason', 'varchar(20)')
    .addColumn('created_at', 'varchar(30)', ts)
    .addColumn('updated_at', 'varchar(30)', ts)
    .execute();
  await db.schema.createIndex('stationing_region_idx').on('stationing').columns(['region_code', 'role']).execute();
  await db.schema.createIndex('stationing_person_idx').on('stationing').columns(['person_id']).execute();
  await db.schema.createIndex('stationing_team_idx').on('stationing').columns(['team_id']).execute();

  await db.schema
    .createTable('recall')
    .addColumn('id', 'integer', id)
    .addColumn('stationing_id', 'integer', (c) => c.notNull().references('stationing.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('region_code', 'varchar(15)', region)
    .addColumn('reason', 'varchar(20)', (c) => c.notNull())
    .addColumn('note', 'varchar(500)')
    .addColumn('effective_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('requested_by', 'varchar(50)')
    .addColumn('requested_at', 'varchar(30)', ts)
    .addColumn('decided_by', 'varchar(50)')
    .addColumn('decided_at', 'varchar(30)')
    .addColumn('decision_note', 'varchar(500)')
    .execute();
  await db.schema.createIndex('recall_region_idx').on('recall').columns(['region_code', 'status']).execute();
  await db.schema.createIndex('recall_person_idx').on('recall').columns(['person_id']).execute();

  await db.schema
    .createTable('attendance')
    .addColumn('id', 'integer', id)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('region_code', 'varchar(15)', region)
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('present', 'smallint', (c) => c.notNull())
    .addColumn('away_reason', 'varchar(20)')
    .addColumn('note', 'varchar(200)')
    .addColumn('created_at', 'varchar(30)', ts)
    .addUniqueConstraint('attendance_person_day_uq', ['person_id', 'day'])
    .execute();
  await db.schema.createIndex('attendance_region_idx').on('attendance').columns(['region_code', 'day']).execute();
  // covers the days-in-village sums (per cadre over a year) without touching the table
  await db.schema
    .createIndex('attendance_person_day_present_idx')
    .on('attendance')
    .columns(['person_id', 'day', 'present'])
    .execute();

  // 在村天数 per cadre and year, kept with every check-in (src/core/modules/duty/days.ts): the statistics
  // read it instead of summing a year of daily rows.
  await db.schema
    .createTable('attendance_year')
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('present_days', 'integer', (c) => c.notNull())
    .addColumn('away_days', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_year_pk', ['person_id', 'year'])
    .execute();

  await db.schema
    .createTable('work_log')
    .addColumn('id', 'integer', id)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('region_code', 'varchar(15)', region)
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', ts)
    .execute();
  await db.schema.createIndex('work_log_person_idx').on('work_log').columns(['person_id', 'day']).execute();
  await db.schema.createIndex('work_log_region_idx').on('work_log').columns(['region_code', 'day']).execute();

  await db.schema
    .createTable('leave_request')
    .addColumn('id', 'integer', id)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('region_code', 'varchar(15)', region)
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('reason', 'varchar(500)', (c) => c.notNull())
    .addColumn('approver', 'varchar(20)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('requested_by', 'varchar(50)')
    .addColumn('requested_at', 'varchar(30)', ts)
    .addColumn('decided_by', 'varchar(50)')
    .addColumn('decided_at', 'varchar(30)')
    .addColumn('decision_note', 'varchar(500)')
    .execute();
  await db.schema
    .createIndex('leave_region_idx')
    .on('leave_request')
    .columns(['region_code', 'status', 'approver'])
    .execute();
  await db.schema.createIndex('leave_person_idx').on('leave_request').columns(['person_id', 'start_date']).execute();

  await db.schema
    .createTable('insurance')
    .addColumn('id', 'integer', id)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('region_code', 'varchar(15)', region)
    .addColumn('insurer', 'varchar(100)', (c) => c.notNull())
    .addColumn('policy_no', 'varchar(50)')
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', ts)
    .execute();
  await db.schema.createIndex('insurance_person_idx').on('insurance').columns(['person_id']).execute();
  await db.schema.createIndex('insurance_region_idx').on('insurance').columns(['region_code', 'end_date']).execute();

  await db.schema
    .createTable('fund_spending')
    .addColumn('id', 'integer', id)
    .addColumn('team_id', 'integer', (c) => c.notNull().references('work_team.id').onDelete('cascade'))
    .addColumn('region_code', 'varchar(15)', region)
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('spent_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('amount', money, (c) => c.notNull())
    .addColumn('purpose', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', ts)
    .execute();
  await db.schema.createIndex('fund_spending_team_idx').on('fund_spending').columns(['team_id', 'year']).execute();

  await db.schema
    .createTable('assessment')
    .addColumn('id', 'integer', id)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('region_code', 'varchar(15)', region)
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('period', 'varchar(10)', (c) => c.notNull()) // '2026H1', '2026'
    .addColumn('grade', 'varchar(20)', (c) => c.notNull())
    .addColumn('score', 'integer')
    .addColumn('comments', 'varchar(1000)')
    .addColumn('assessed_by', 'varchar(50)')
    .addColumn('created_at', 'varchar(30)', ts)
    .addColumn('updated_at', 'varchar(30)', ts)
    .addUniqueConstraint('assessment_person_period_uq', ['person_id', 'period'])
    .execute();
  await db.schema.createIndex('assessment_region_idx').on('assessment').columns(['region_code', 'period']).execute();

  await db.schema
    .createTable('honour')
    .addColumn('id', 'integer', id)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('region_code', 'varchar(15)', region)
    .addColumn('title', 'varchar(30)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('awarded_by', 'varchar(100)')
    .addColumn('note', 'varchar(200)')
    .addColumn('created_at', 'varchar(30)', ts)
    .execute();
  await db.schema.createIndex('honour_person_idx').on('honour').columns(['person_id']).execute();
  await db.schema.createIndex('honour_region_idx').on('honour').columns(['region_code']).execute();

  // One table for the five kinds of pairing; the helped side's region scopes it.
  await db.schema
    .createTable('pairing')
    .addColumn('id', 'integer', id)
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(15)', region) // helped side: household's village / the village
    .addColumn('household_id', 'integer', (c) => c.references('household.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.references('person.id').onDelete('cascade')) // helping cadre
    .addColumn('unit_id', 'integer', (c) => c.references('help_unit.id').onDelete('cascade'))
    .addColumn('partner_id', 'integer', (c) => c.references('partner.id').onDelete('cascade'))
    .addColumn('helper_region_code', 'varchar(15)') // advanced village
    .addColumn('helper_name', 'varchar(50)') // better-off Party member
    .addColumn('helped_name', 'varchar(50)') // poor Party member
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)')
    .addColumn('note', 'varchar(500)')
    .addColumn('created_at', 'varchar(30)', ts)
    .addColumn('updated_at', 'varchar(30)', ts)
    .execute();
  await db.schema.createIndex('pairing_region_idx').on('pairing').columns(['region_code', 'kind']).execute();
  await db.schema.createIndex('pairing_household_idx').on('pairing').columns(['household_id']).execute();
  await db.schema.createIndex('pairing_person_idx').on('pairing').columns(['person_id']).execute();
  await db.schema.createIndex('pairing_unit_idx').on('pairing').columns(['unit_id']).execute();
  await db.schema.createIndex('pairing_partner_idx').on('pairing').columns(['partner_id']).execute();
  // covers the statistics' counts of active pairings by kind, cadre and household (index-only scans)
  await db.schema
    .createIndex('pairing_kind_cov_idx')
    .on('pairing')
    .columns(['kind', 'region_code', 'end_date', 'person_id', 'household_id'])
    .execute();

  await db.schema
    .createTable('measure')
    .addColumn('id', 'integer', id)
    .addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
    .addColumn('region_code', 'varchar(15)', region)
    .addColumn('type', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('amount', money)
    .addColumn('planned_date', 'varchar(10)')
    .addColumn('done_date', 'varchar(10)')
    .addColumn('person_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('evidence', 'varchar(1000)')
    .addColumn('created_at', 'varchar(30)', ts)
    .addColumn('updated_at', 'varchar(30)', ts)
    .execute();
  await db.schema.createIndex('measure_household_idx').on('measure').columns(['household_id']).execute();
  await db.schema.createIndex('measure_region_idx').on('measure').columns(['region_code', 'type']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'measure',
    'pairing',
    'honour',
    'assessment',
    'fund_spending',
    'insurance',
    'leave_request',
    'work_log',
    'attendance_year',
    'attendance',
    'recall',
    'stationing',
    'work_team',
    'partner',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await db.schema.dropIndex('person_unit_idx').ifExists().execute();
  await db.schema.dropIndex('person_name_idx').ifExists().execute();
  for (const c of ['unit_id', 'rank', 'political_status', 'education', 'birth_date', 'id_number'])
    await db.schema.alterTable('person').dropColumn(c).execute();
  await db.schema.dropTable('help_unit').ifExists().execute();
}

import type { Kysely } from 'kysely';

/**
 * Indexes for the lookups of the help-force imports (measured by bench/imports-forces.ts): a cadre by ID
 * number (every cadre, station and pairing row looks one up) and a household by its code alone (a pairing
 * row without a village code, found within the caller's scope rather than one county).
 */
// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('person_id_number_idx').on('person').columns(['id_number']).execute();
  await db.schema.createIndex('household_code_idx').on('household').columns(['code']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('household_code_idx').execute();
  await db.schema.dropIndex('person_id_number_idx').execute();
}

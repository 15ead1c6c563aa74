import { bulkDeleteIn, bulkInsert, type ColumnType } from '../../db/bulk.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { groupCode } from '../../../shared/regions.ts';
import { incomeOf } from './rules.ts';
import type { HouseholdInput } from './types.ts';

const b = (v: boolean | null | undefined) => (v ? 1 : 0);
const ind = (v: boolean | null | undefined) => (v === null || v === undefined ? null : v ? 1 : 0);
const typed = (type: ColumnType, cols: string[]) =>
  Object.fromEntries(cols.map((c) => [c, type])) as Record<string, ColumnType>;

const HOUSEHOLD_TYPES = typed('int', ['identified_year', 'exited_year', 'persons']);
const MEMBER_TYPES = typed('int', [
  'household_id',
  'seq',
  'migrant_months',
  'medical_insurance',
  'pension_insurance',
  'dibao',
  'party_member',
]);
const YEAR_TYPES = {
  ...typed('int', ['household_id', 'year', 'persons', 'food_clothing', 'education', 'medical', 'housing', 'water']),
  ...typed('numeric', [
    'income_wage',
    'income_business',
    'income_transfer',
    'income_property',
    'production_cost',
    'net_income',
    'per_capita_income',
  ]),
};
/** The columns an upsert overwrites (also what a before-image keeps, before.ts). */
export const HOUSEHOLD_UPDATE = [
  'region_code',
  'group_code',
  'head_name',
  'address',
  'phone',
  'housing_grade',
  'attribute',
  'main_cause',
  'other_causes',
  'status',
  'identified_year',
  'exited_year',
  'persons',
  'updated_at',
];
/** The columns only the workflow changes once a household exists (status.ts): kept by a write unless told. */
const WORKFLOW_COLUMNS = new Set(['status', 'identified_year', 'exited_year']);
const HOUSEHOLD_UPDATE_KEEPING = HOUSEHOLD_UPDATE.filter((c) => !WORKFLOW_COLUMNS.has(c));

export interface SaveOptions {
  /**
   * What an existing household's status, identification year and exit year become: 'keep' (the default) leaves
   * them to the workflow; 'write' takes the input's — an import of historical data that says so (allowStatus).
   * A new household gets the input's either way.
   */
  workflowFields?: 'keep' | 'write';
}

export const YEAR_UPDATE = [
  'region_code',
  'status',
  'persons',
  'income_wage',
  'income_business',
  'income_transfer',
  'income_property',
  'production_cost',
  'net_income',
  'per_capita_income',
  'food_clothing',
  'education',
  'medical',
  'housing',
  'water',
  'updated_at',
];

/**
 * Writes validated households with their members and yearly records — the one write path of the
 * register, used by the API, the importer and the demo loader. Call inside a transaction: a household
 * and its members commit together or not at all. A household is matched by (county, code): an existing
 * one is updated and its members replaced; yearly records are upserted by year, so other years' history
 * stays; an existing household keeps its status, identification and exit years (the workflow's) unless `opts`
 * says otherwise. Household codes must be unique within `inputs`. Returns the ids by household code.
 */
export async function saveHouseholds(
  db: Db,
  countyCode: string,
  inputs: HouseholdInput[],
  opts: SaveOptions = {},
): Promise<Map<string, number>> {
  const now = nowIso();
  const saved = await bulkInsert<{ id: number; code: string }>(
    db,
    'household',
    inputs.map((h) => ({
      county_code: countyCode,
      code: h.code,
      region_code: h.villageCode,
      group_code: h.groupNo ? groupCode(h.villageCode, h.groupNo) : null,
      head_name: (h.members.find((m) => m.relation === 'head') ?? h.members[0])?.name ?? '',
      address: h.address ?? null,
      phone: h.phone ?? null,
      housing_grade: h.housingGrade ?? null,
      attribute: h.attribute ?? null,
      main_cause: h.mainCause ?? null,
      other_causes: (h.otherCauses ?? []).join(','),
      status: h.status,
      identified_year: h.identifiedYear ?? null,
      exited_year: h.exitedYear ?? null,
      persons: h.members.length,
      created_at: now,
      updated_at: now,
    })),
    {
      types: HOUSEHOLD_TYPES,
      conflict: ['county_code', 'code'],
      update: opts.workflowFields === 'write' ? HOUSEHOLD_UPDATE : HOUSEHOLD_UPDATE_KEEPING,
      increment: ['version'],
      returning: ['id', 'code'],
    },
  );
  const ids = new Map(saved.map((r) => [r.code, Number(r.id)]));

  await bulkDeleteIn(db, 'household_member', 'household_id', [...ids.values()]);
  await bulkInsert(
    db,
    'household_member',
    inputs.flatMap((h) =>
      h.members.map((m, seq) => ({
        household_id: ids.get(h.code)!,
        region_code: h.villageCode,
        seq,
        name: m.name,
        id_number: m.idNumber ?? null,
        gender: m.gender ?? null,
        birth_date: m.birthDate ?? null,
        relation: m.relation ?? null,
        ethnicity: m.ethnicity ?? null,
        education: m.education ?? null,
        student_status: m.studentStatus ?? null,
        health: m.health ?? null,
        labour: m.labour ?? null,
        work_status: m.workStatus ?? null,
        migrant_months: m.migrantMonths ?? null,
        migrant_place: m.migrantPlace ?? null,
        medical_insurance: b(m.medicalInsurance),
        pension_insurance: b(m.pensionInsurance),
        dibao: b(m.dibao),
        party_member: b(m.partyMember),
        phone: m.phone ?? null,
        created_at: now,
        updated_at: now,
      })),
    ),
    { types: MEMBER_TYPES },
  );

  await bulkInsert(
    db,
    'household_year',
    // year by year: the rows of one year lie together (SQLite's rowid order, PostgreSQL's heap), so a statistic of
    // one year over many households reads a fraction of the table's pages
    inputs
      .flatMap((h) => (h.years ?? []).map((y) => ({ h, y })))
      .sort((a, b) => a.y.year - b.y.year)
      .map(({ h, y }) => {
        const { net, perCapita } = incomeOf(y, h.members.length);
        return {
          household_id: ids.get(h.code)!,
          region_code: h.villageCode,
          year: y.year,
          status: y.status,
          persons: h.members.length,
          income_wage: y.incomeWage ?? 0,
          income_business: y.incomeBusiness ?? 0,
          income_transfer: y.incomeTransfer ?? 0,
          income_property: y.incomeProperty ?? 0,
          production_cost: y.productionCost ?? 0,
          net_income: net,
          per_capita_income: perCapita,
          food_clothing: ind(y.foodClothing),
          education: ind(y.education),
          medical: ind(y.medical),
          housing: ind(y.housing),
          water: ind(y.water),
          created_at: now,
          updated_at: now,
        };
      }),
    { types: YEAR_TYPES, conflict: ['household_id', 'year'], update: YEAR_UPDATE },
  );
  return ids;
}

import { nowIso, type Db } from '../../db/index.ts';
import { groupCode } from '../regions/rules.ts';
import { incomeOf } from './rules.ts';
import type { HouseholdInput } from './types.ts';

const b = (v: boolean | null | undefined) => (v ? 1 : 0);
const ind = (v: boolean | null | undefined) => (v === null || v === undefined ? null : v ? 1 : 0);

/** Rows per INSERT statement: under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const CHUNK = 500;

async function chunked<T>(rows: T[], fn: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await fn(rows.slice(i, i + CHUNK));
}

/**
 * Writes validated households with their members and yearly records — the one write path of the
 * register, used by the API, the importer and the demo loader. Call inside a transaction: a household
 * and its members commit together or not at all. A household is matched by (county, code): an existing
 * one is updated and its members replaced; yearly records are upserted by year, so other years' history
 * stays. Returns the ids by household code.
 */
export async function saveHouseholds(
  db: Db,
  countyCode: string,
  inputs: HouseholdInput[],
): Promise<Map<string, number>> {
  const now = nowIso();
  const ids = new Map<string, number>();
  await chunked(inputs, async (chunk) => {
    const rows = await db
      .insertInto('household')
      .values(
        chunk.map((h) => {
          const head = h.members.find((m) => m.relation === 'head') ?? h.members[0];
          return {
            county_code: countyCode,
            code: h.code,
            region_code: h.villageCode,
            group_code: h.groupNo ? groupCode(h.villageCode, h.groupNo) : null,
            head_name: head?.name ?? '',
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
          };
        }),
      )
      .onConflict((oc) =>
        oc.columns(['county_code', 'code']).doUpdateSet((eb) => ({
          region_code: eb.ref('excluded.region_code'),
          group_code: eb.ref('excluded.group_code'),
          head_name: eb.ref('excluded.head_name'),
          address: eb.ref('excluded.address'),
          phone: eb.ref('excluded.phone'),
          housing_grade: eb.ref('excluded.housing_grade'),
          attribute: eb.ref('excluded.attribute'),
          main_cause: eb.ref('excluded.main_cause'),
          other_causes: eb.ref('excluded.other_causes'),
          status: eb.ref('excluded.status'),
          identified_year: eb.ref('excluded.identified_year'),
          exited_year: eb.ref('excluded.exited_year'),
          persons: eb.ref('excluded.persons'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .returning(['id', 'code'])
      .execute();
    for (const r of rows) ids.set(r.code, r.id);
  });

  const householdIds = inputs.map((h) => ids.get(h.code)!);
  await chunked(householdIds, (chunk) =>
    db.deleteFrom('household_member').where('household_id', 'in', chunk).execute(),
  );
  const members = inputs.flatMap((h) =>
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
  );
  await chunked(members, (chunk) => db.insertInto('household_member').values(chunk).execute());

  const years = inputs.flatMap((h) =>
    (h.years ?? []).map((y) => {
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
  );
  await chunked(years, (chunk) =>
    db
      .insertInto('household_year')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['household_id', 'year']).doUpdateSet((eb) => ({
          region_code: eb.ref('excluded.region_code'),
          status: eb.ref('excluded.status'),
          persons: eb.ref('excluded.persons'),
          income_wage: eb.ref('excluded.income_wage'),
          income_business: eb.ref('excluded.income_business'),
          income_transfer: eb.ref('excluded.income_transfer'),
          income_property: eb.ref('excluded.income_property'),
          production_cost: eb.ref('excluded.production_cost'),
          net_income: eb.ref('excluded.net_income'),
          per_capita_income: eb.ref('excluded.per_capita_income'),
          food_clothing: eb.ref('excluded.food_clothing'),
          education: eb.ref('excluded.education'),
          medical: eb.ref('excluded.medical'),
          housing: eb.ref('excluded.housing'),
          water: eb.ref('excluded.water'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute(),
  );
  return ids;
}

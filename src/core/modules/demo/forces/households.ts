/**
 * Responsible cadres (帮扶责任人) for every registered household of the demo register — cadres of the
 * county departments and the township governments, at most `cap` households each (policy
 * pairing_household_cap), managed by the township of their households: with 100,000 households about
 * 10,000 cadres (seed 002: "近万名干部") — and each household's plan (一户一策): 2–4 measures of the types
 * its causes suggest, with the household's cadre responsible. A pairing starts when its cadre took the
 * households over (the first cadres in 2015, others at the rotations since), and never before the household
 * was registered. Township by township, one transaction each, so memory stays flat and an interrupted load
 * resumes where it stopped.
 */
import type { MeasureType } from '../../../../shared/forces.ts';
import { POOR_STATUSES, REGISTERED_STATUSES } from '../../../../shared/register.ts';
import type { Db } from '../../../db/index.ts';
import { subtreeRange } from '../../../../shared/regions.ts';
import { table } from '../register/tables.ts';
import { rng, seedOf } from '../random.ts';
import { CadreIds, newPerson, profiles, saveCadres, type CadreSpec } from './cadres.ts';
import {
  CAUSE_MEASURES,
  GENERAL_MEASURES,
  LEADERSHIP_UNITS,
  MEASURE_EVIDENCE,
  MEASURE_TEMPLATES,
  PAIRING_POSTS_COUNTY,
  PAIRING_POSTS_TOWNSHIP,
  RANKS_PAIRING,
} from './catalogue.ts';
import {
  addDays,
  DEMO_TODAY,
  insertRows,
  INT,
  maxDay,
  minDay,
  NUMERIC,
  officeTime,
  workdayBetween,
  workdayFrom,
  workdayUntil,
} from './common.ts';
import type { Named, Units } from './units.ts';

export interface HouseholdForcesContext {
  county: string;
  townships: Named[];
  units: Units;
  ids: CadreIds;
  cap: number;
  onProgress: (done: number, total: number) => void;
}

/** Households per responsible cadre (capped by the policy parameter). */
const pickLoad = table([
  [5, 80],
  [4, 12],
  [3, 5],
  [2, 2],
  [1, 1],
]);
const pickPlanSize = table([
  [2, 40],
  [3, 40],
  [4, 20],
]);

/** When a responsible cadre took its households over: the first pairings of 2015, then the rotations. */
const pickArrival = table([
  [2015, 40],
  [2017, 14],
  [2019, 14],
  [2021, 14],
  [2023, 9],
  [2025, 9],
]);

interface HouseholdRow {
  id: number;
  region_code: string;
  main_cause: string | null;
  other_causes: string;
  status: string;
  /** The day the household was registered (its last 建档立卡 step). */
  registered_on: string | null;
}

/**
 * Every registered household gets a responsible cadre; for every GAP_EVERY-th still-poor household the
 * pairing ended shortly before the demo date (the cadre was transferred) and no successor is named yet —
 * the pairing gaps the county sees.
 */
export const GAP_EVERY = 8;
export const GAP_END = '2026-11-16';

export function measureTypes(
  main: string | null,
  others: string,
  size: number,
  pick: () => MeasureType,
): MeasureType[] {
  const out: MeasureType[] = [];
  for (const c of [main, ...others.split(',')])
    for (const t of c ? (CAUSE_MEASURES[c.trim()] ?? []) : []) if (!out.includes(t)) out.push(t);
  out.splice(size);
  for (let guard = 0; out.length < size && guard < 50; guard++) {
    const t = pick();
    if (!out.includes(t)) out.push(t);
  }
  return out;
}

/** Registered households (poor, exited, returned) of the county in the given townships. */
async function registeredIn(db: Db, county: string, townships: Named[]): Promise<number> {
  if (townships.length === 0) return 0;
  const row = await db
    .selectFrom('household')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('county_code', '=', county)
    .where('status', 'in', [...REGISTERED_STATUSES])
    .where((eb) =>
      eb.or(
        townships.map((t) => {
          const { lo, hi } = subtreeRange(t.code);
          return eb.and([eb('region_code', '>=', lo), eb('region_code', '<', hi)]);
        }),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function loadHouseholdForces(db: Db, ctx: HouseholdForcesContext): Promise<Record<string, number>> {
  const { lo, hi } = subtreeRange(ctx.county);
  const total = await registeredIn(db, ctx.county, ctx.townships);
  const rows = { pairing_cadres: 0, cadre_household: 0, measure: 0 };
  if (total === 0) return rows;
  // Townships already paired are skipped (an earlier load, or an interrupted one that is resumed).
  const todo: Named[] = [];
  for (const t of ctx.townships) {
    const range = subtreeRange(t.code);
    const loaded = await db
      .selectFrom('pairing')
      .select('id')
      .where('kind', '=', 'cadre_household')
      .where('region_code', '>=', range.lo)
      .where('region_code', '<', range.hi)
      .executeTakeFirst();
    if (!loaded) todo.push(t);
  }
  if (todo.length === 0) {
    ctx.onProgress(total, total);
    return rows;
  }
  ctx.ids.reserve(
    (
      await db
        .selectFrom('person')
        .select('id_number')
        .where('region_code', '>=', lo)
        .where('region_code', '<', hi)
        .where('id_number', 'is not', null)
        .execute()
    ).map((p) => p.id_number),
  );
  const departments = ctx.units.county.slice(LEADERSHIP_UNITS);
  let done = total - (await registeredIn(db, ctx.county, todo));
  ctx.onProgress(done, total);
  let poorSeen = 0;
  for (const t of todo) {
    const range = subtreeRange(t.code);
    const households: HouseholdRow[] = await db
      .selectFrom('household')
      .select(['id', 'region_code', 'main_cause', 'other_causes', 'status'])
      .select((eb) =>
        eb
          .selectFrom('household_event as e')
          .select((e) => e.fn.max('e.event_date').as('d'))
          .whereRef('e.household_id', '=', 'household.id')
          .where('e.step', '=', 'registered')
          .as('registered_on'),
      )
      .where('county_code', '=', ctx.county)
      .where('region_code', '>=', range.lo)
      .where('region_code', '<', range.hi)
      .where('status', 'in', [...REGISTERED_STATUSES])
      .orderBy('code')
      .execute();
    if (households.length === 0) continue;
    const r = rng(seedOf(`pairing:${t.code}`));
    const gov = ctx.units.township.get(t.code)!;

    // The cadres and their households (consecutive households, so mostly of one village).
    const loads: number[] = [];
    for (let left = households.length; left > 0;) {
      const k = Math.min(left, Math.min(ctx.cap, pickLoad(r)));
      loads.push(k);
      left -= k;
    }
    const ps = profiles(r, loads.length, { youngShare: 0.55 });
    const arrivals = ps.map(() => {
      const y = pickArrival(r);
      return workdayBetween(r, `${y}-01-05`, `${y}-06-30`);
    });
    const cadres: CadreSpec[] = ps.map((p) => {
      const fromDept = r.chance(0.6);
      const unit = fromDept ? r.pick(departments) : gov;
      const base = newPerson(r, 0.7);
      return {
        id: null,
        ...base,
        regionCode: t.code,
        post: r.pick(fromDept ? PAIRING_POSTS_COUNTY : PAIRING_POSTS_TOWNSHIP),
        birthDate: p.birthDate,
        education: p.education,
        politicalStatus: p.politicalStatus,
        rank: r.pick(RANKS_PAIRING),
        unitId: unit.id,
        idNumber: ctx.ids.issue(ctx.county.slice(0, 6), p.birthDate, base.gender),
      };
    });

    await db.transaction().execute(async (trx) => {
      await saveCadres(trx, cadres);
      const pairings: Record<string, unknown>[] = [];
      const measures: Record<string, unknown>[] = [];
      let offset = 0;
      loads.forEach((k, c) => {
        const person = cadres[c]!.id!;
        for (const h of households.slice(offset, offset + k)) {
          const gap = POOR_STATUSES.includes(h.status as never) && ++poorSeen % GAP_EVERY === 0;
          // paired when the cadre took over, or a few days after a later registration
          const registered = h.registered_on ? workdayFrom(addDays(h.registered_on, r.int(3, 20))) : arrivals[c]!;
          const start = minDay(maxDay(arrivals[c]!, registered), workdayUntil(gap ? addDays(GAP_END, -7) : DEMO_TODAY));
          pairings.push({
            kind: 'cadre_household',
            region_code: h.region_code,
            household_id: h.id,
            person_id: person,
            start_date: start,
            end_date: gap ? GAP_END : null,
            note: gap ? '帮扶干部工作调整，待重新指定帮扶责任人' : null,
            created_at: officeTime(r, start),
            updated_at: gap ? officeTime(r, GAP_END) : officeTime(r, start),
          });
          const types = measureTypes(h.main_cause, h.other_causes ?? '', pickPlanSize(r), () =>
            r.pick(GENERAL_MEASURES),
          );
          // the measures of the current plan: from the 2025 rotation, or from the pairing when it began later
          const from = maxDay('2025-03-16', addDays(start, 10));
          for (const type of types) {
            const tpl = MEASURE_TEMPLATES[type];
            const planned = workdayBetween(r, from, '2026-12-31');
            let status: string;
            let doneDate: string | null = null;
            if (planned <= DEMO_TODAY) {
              const x = r.next();
              status = x < 0.88 ? 'done' : x < 0.96 ? 'in_progress' : 'cancelled';
              if (status === 'done') doneDate = workdayUntil(minDay(addDays(planned, r.int(0, 20)), DEMO_TODAY));
            } else status = r.chance(0.8) ? 'planned' : 'in_progress';
            measures.push({
              household_id: h.id,
              region_code: h.region_code,
              type,
              title: r.pick(tpl.titles),
              amount: tpl.amount ? Math.round(r.int(tpl.amount[0], tpl.amount[1]) / 100) * 100 : null,
              planned_date: planned,
              done_date: doneDate,
              person_id: person,
              status,
              evidence: status === 'done' ? r.pick(MEASURE_EVIDENCE) : null,
              created_at: officeTime(
                r,
                workdayUntil(minDay(maxDay(addDays(planned, -r.int(10, 60)), start), DEMO_TODAY)),
              ),
              updated_at: officeTime(r, workdayUntil(doneDate ?? minDay(planned, DEMO_TODAY))),
            });
          }
        }
        offset += k;
      });
      await insertRows(trx, 'pairing', pairings, { household_id: INT, person_id: INT });
      await insertRows(trx, 'measure', measures, { household_id: INT, person_id: INT, amount: NUMERIC });
      rows.pairing_cadres += cadres.length;
      rows.cadre_household += pairings.length;
      rows.measure += measures.length;
    });
    done += households.length;
    ctx.onProgress(done, total);
  }
  return rows;
}

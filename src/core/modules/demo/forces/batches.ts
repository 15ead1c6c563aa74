/**
 * The earlier batches of stationed cadres (第一批 … 第五批, 2015–2025), before the current one: every village
 * that has a work team now had a first secretary and a team member in each two-year batch, sent by the same
 * unit as today; about one first secretary in seven stayed on for the next batch (连任). Their stationings
 * have ended (任期届满, some 轮换) and they are back at their units (no team records, no attendance). They
 * give the cadres' histories and the cumulative figure "cadres sent since 2014" (seed 004: 2014年以来共选派
 * 2000多名干部驻村任职).
 */
import type { Db } from '../../../db/index.ts';
import { nowIso } from '../../../db/index.ts';
import type { Rng } from '../random.ts';
import { CadreIds, cadreSpec, newPerson, profiles, saveCadres, type CadreSpec, type Profile } from './cadres.ts';
import { RANKS_FIRST_SECRETARY, RANKS_FIRST_SECRETARY_HIGHER, RANKS_TEAM } from './catalogue.ts';
import { addDays, DEMO_YEAR, insertRows, INT, TERM_START } from './common.ts';
import type { Team } from './stations.ts';
import type { Unit } from './units.ts';

/** Two-year batches ending the day before the next one starts; the last ends the day before TERM_START. */
export const EARLIER_BATCHES: readonly { start: string; end: string }[] = [2015, 2017, 2019, 2021, 2023].map(
  (y, i, all) => ({
    start: `${y}-03-01`,
    end: addDays(i + 1 < all.length ? `${all[i + 1]}-03-01` : TERM_START, -1),
  }),
);

/** The share of a batch's first secretaries who stay on in the same village for the next batch. */
const STAY_ON = 0.15;
/** The share of ended stationings that ended by rotation (轮换) rather than at the end of the term. */
const ROTATED = 0.1;

export interface BatchesContext {
  r: Rng;
  county: { code: string };
  /** The current teams: their villages had a first secretary and a member in every earlier batch. */
  teams: Team[];
  unitById: Map<number, Unit>;
  ids: CadreIds;
}

export async function loadEarlierBatches(db: Db, ctx: BatchesContext): Promise<Record<string, number>> {
  const { r, county, teams, unitById, ids } = ctx;
  const now = nowIso();
  const specs: CadreSpec[] = [];
  const stations: { spec: CadreSpec; village: string; role: 'first_secretary' | 'team_member'; unit: Unit }[] = [];
  const batchOf = new Map<(typeof stations)[number], (typeof EARLIER_BATCHES)[number]>();
  const newCadre = (p: Profile, unit: Unit, post: string, rank: string): CadreSpec => {
    const spec = cadreSpec(ids, county.code, { id: null, ...newPerson(r) }, p, {
      regionCode: county.code,
      post,
      unit,
      rank,
    });
    specs.push(spec);
    return spec;
  };
  let previous = new Map<string, CadreSpec>();
  for (const batch of EARLIER_BATCHES) {
    // Nobody younger than 28 when sent: the youngest of a batch is 28 + the years since its start today.
    const minAge = 28 + (DEMO_YEAR - Number(batch.start.slice(0, 4)));
    const fsProfiles = profiles(r, teams.length, { youngShare: 0.5, allCpc: true, ages: [minAge, 62] });
    const memberProfiles = profiles(r, teams.length, { youngShare: 0.55, ages: [minAge, 62] });
    const current = new Map<string, CadreSpec>();
    teams.forEach((t, i) => {
      const unit = unitById.get(t.unitId)!;
      const stayed = previous.get(t.village.code);
      const fs =
        stayed && r.chance(STAY_ON)
          ? stayed
          : newCadre(
              fsProfiles[i]!,
              unit,
              '原驻村第一书记',
              r.pick(unit.level === 'county' ? RANKS_FIRST_SECRETARY : RANKS_FIRST_SECRETARY_HIGHER),
            );
      current.set(t.village.code, fs);
      const member = newCadre(memberProfiles[i]!, unit, '原驻村工作队员', r.pick(RANKS_TEAM));
      for (const [spec, role] of [
        [fs, 'first_secretary'],
        [member, 'team_member'],
      ] as const) {
        const s = { spec, village: t.village.code, role, unit };
        stations.push(s);
        batchOf.set(s, batch);
      }
    });
    previous = current;
  }
  await saveCadres(db, specs);
  await insertRows(
    db,
    'stationing',
    stations.map((s) => {
      const batch = batchOf.get(s)!;
      return {
        person_id: s.spec.id,
        region_code: s.village,
        role: s.role,
        team_id: null,
        unit_id: s.unit.id,
        start_date: batch.start,
        end_date: batch.end,
        ended_on: batch.end,
        end_reason: r.chance(ROTATED) ? 'rotation' : 'completed',
        created_at: now,
        updated_at: now,
      };
    }),
    { person_id: INT, team_id: INT, unit_id: INT },
  );
  return { person: specs.length, stationing: stations.length };
}

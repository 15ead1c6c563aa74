/**
 * The county's stationed forces and links (seed 002): 239 work teams led by a first secretary each and
 * 426 team cadres, five villages without (the first-secretary gaps of the five ones); 43 county leaders
 * and the township leaders linked to the villages (包联), Party-building instructors, units paired with
 * villages (结对共建), 103 enterprises with 83 poor villages (万企帮万村), advanced ↔ poor villages and
 * Party-member pairs; four approved recalls (each first secretary replaced the next day) and a pending
 * one. A handful of villages deliberately miss one of the five ones.
 */
import type { RecallReason, StationRole } from '../../../../shared/forces.ts';
import type { Db } from '../../../db/index.ts';
import { nowIso } from '../../../db/index.ts';
import { subtreeRange } from '../../../../shared/regions.ts';
import type { Rng } from '../random.ts';
import { MODEL_VILLAGE } from '../register/present.ts';
import { CadreIds, cadreSpec, newPerson, profiles, saveCadres, type CadreSpec, type Gender } from './cadres.ts';
import {
  COUNTY_LEADER_POSTS,
  HIERARCHY_COUNTY_LEADER_POSTS,
  HIERARCHY_TOWNSHIP_LEADER_POSTS,
  LEADERSHIP_UNITS,
  ORGANISATION_DEPARTMENT,
  RANKS_FIRST_SECRETARY,
  RANKS_FIRST_SECRETARY_HIGHER,
  RANKS_TEAM,
  RECALL_NOTES,
  TOWNSHIP_LEADER_POSTS,
} from './catalogue.ts';
import { addDays, addYears, insertRows, INT, LINK_START, officeTime, shuffle, TERM_END, TERM_START } from './common.ts';
import type { Named, Partner, Unit, Units } from './units.ts';
import { loadVillagePairings } from './village-pairings.ts';

export interface Village extends Named {
  township: string;
  poor: boolean;
}

/** Seed 002's model village (擂鼓镇董家沟村) has all five ones and a team. */
const MODEL_VILLAGES = new Set([MODEL_VILLAGE]);

/** Figures of seed 002 for 竹山县 (244 villages); other counties get them in proportion. */
const SEED = {
  villages: 244,
  teams: 239,
  teamCadres: 426,
  countyLeaders: 43,
  enterprises: 103,
  enterpriseVillages: 83,
  villagePairs: 40,
  memberPairs: 300,
  teamLeaders: 60,
  teamsOfThree: 10,
};
/** Villages that deliberately miss one of the other four of the five ones. */
const GAPS = { county_leader: 3, township_leader: 3, paired_unit: 3, instructor: 6 } as const;

/** The recalls: reason, request, decision and effective dates; each approved one is replaced the next day. */
const RECALLS: { reason: RecallReason; requested: string; decided: string; effective: string }[] = [
  { reason: 'health', requested: '2026-05-06', decided: '2026-05-11', effective: '2026-05-15' },
  { reason: 'ineffective', requested: '2026-07-10', decided: '2026-07-20', effective: '2026-07-31' },
  { reason: 'discipline', requested: '2026-08-05', decided: '2026-08-12', effective: '2026-08-20' },
  { reason: 'other', requested: '2026-09-14', decided: '2026-09-21', effective: '2026-09-30' },
];
const PENDING_RECALL = { reason: 'ineffective' as RecallReason, requested: '2026-11-16', effective: '2026-11-30' };

export interface Stationed {
  personId: number;
  name: string;
  role: 'first_secretary' | 'team_leader' | 'team_member';
  village: Village;
  teamId: number;
  unitId: number;
  start: string;
  /** Planned end of the term. */
  end: string;
  /** Actual end (an approved recall). */
  endedOn: string | null;
  recall: RecallReason | null;
  /** A recall request is pending. */
  pendingRecall: boolean;
}

export interface Team {
  id: number;
  village: Village;
  unitId: number;
}

export interface StationsResult {
  stationed: Stationed[];
  teams: Team[];
  rows: Record<string, number>;
}

interface HierarchyPerson {
  id: number;
  region_code: string;
  post: string | null;
  name: string;
  gender: string | null;
  phone: string | null;
}

const scaled = (n: number, villages: number) => Math.round((n * villages) / SEED.villages);

/** Splits `list` into `parts` contiguous blocks of nearly equal size. */
function blocks<T>(list: T[], parts: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < parts; i++)
    out.push(list.slice(Math.floor((i * list.length) / parts), Math.floor(((i + 1) * list.length) / parts)));
  return out;
}

export interface StationsContext {
  r: Rng;
  county: Named;
  townships: Named[];
  villages: Village[];
  units: Units;
  enterprises: Partner[];
  ids: CadreIds;
  /** Names for requests and decisions: the township Party committee, the county organisation department. */
  townshipDesk: (township: string) => string;
  countyDesk: string;
}

export async function loadStations(db: Db, ctx: StationsContext): Promise<StationsResult> {
  const { r, county, townships, villages, units, ids } = ctx;
  const n = villages.length;
  const now = nowIso();
  const { lo, hi } = subtreeRange(county.code);
  const hierarchy: HierarchyPerson[] = await db
    .selectFrom('person')
    .select(['id', 'region_code', 'post', 'name', 'gender', 'phone'])
    .where('region_code', '>=', lo)
    .where('region_code', '<', hi)
    .where('post', 'in', [
      '第一书记',
      '驻村工作队员',
      ...HIERARCHY_COUNTY_LEADER_POSTS,
      ...HIERARCHY_TOWNSHIP_LEADER_POSTS,
    ])
    .orderBy('id')
    .execute();
  const firstOf = (post: string) => {
    const m = new Map<string, HierarchyPerson>();
    for (const p of hierarchy) if (p.post === post && !m.has(p.region_code)) m.set(p.region_code, p);
    return m;
  };
  const hierFirst = firstOf('第一书记');
  const hierMember = firstOf('驻村工作队员');

  // --- the villages without a first secretary, and the other gaps of the five ones
  const candidates = villages.filter((v) => !MODEL_VILLAGES.has(v.code));
  const gapCount = Math.max(0, n - scaled(SEED.teams, n));
  const fsGaps = [
    ...shuffle(
      r,
      candidates.filter((v) => v.name.endsWith('社区')),
    ),
    ...shuffle(
      r,
      candidates.filter((v) => !v.name.endsWith('社区') && !v.poor),
    ),
  ].slice(0, gapCount);
  const noTeam = new Set(fsGaps.map((v) => v.code));
  const rest = [
    ...shuffle(
      r,
      candidates.filter((v) => v.poor && !noTeam.has(v.code)),
    ),
    ...shuffle(
      r,
      candidates.filter((v) => !v.poor && !noTeam.has(v.code)),
    ),
  ];
  const gaps = {} as Record<keyof typeof GAPS, Set<string>>;
  let taken = 0;
  for (const [kind, count] of Object.entries(GAPS) as [keyof typeof GAPS, number][]) {
    gaps[kind] = new Set(rest.slice(taken, taken + count).map((v) => v.code));
    taken += count;
  }

  // --- sending units: the higher units send first secretaries to poor villages, county departments the rest
  const teamVillages = villages.filter((v) => !noTeam.has(v.code));
  const unitOf = new Map<string, Unit>();
  const higherSlots = units.higher.flatMap((u) => Array<Unit>(u.level === 'central' ? 3 : 2).fill(u));
  const poorFirst = [
    ...shuffle(
      r,
      teamVillages.filter((v) => v.poor && !MODEL_VILLAGES.has(v.code)),
    ),
    ...shuffle(
      r,
      teamVillages.filter((v) => !v.poor && !MODEL_VILLAGES.has(v.code)),
    ),
  ];
  poorFirst.slice(0, higherSlots.length).forEach((v, i) => unitOf.set(v.code, higherSlots[i]!));
  const departments = units.county.slice(LEADERSHIP_UNITS);
  const deptOrder = shuffle(r, [...departments]);
  teamVillages
    .filter((v) => !unitOf.has(v.code))
    .forEach((v, i) => unitOf.set(v.code, deptOrder[i % deptOrder.length]!));

  // --- team sizes (cadres besides the first secretary): 3, 2 or 1 (below the minimum of 3 with the secretary)
  const totalCadres = scaled(SEED.teamCadres, n);
  const extra = Math.max(0, totalCadres - teamVillages.length);
  const threes = Math.min(scaled(SEED.teamsOfThree, n), Math.floor(extra / 2));
  const twos = Math.min(teamVillages.length - threes, extra - 2 * threes);
  const higherTeams = shuffle(
    r,
    teamVillages.filter((v) => unitOf.get(v.code)!.level !== 'county'),
  );
  const size = new Map<string, number>(teamVillages.map((v) => [v.code, 1]));
  higherTeams.slice(0, threes).forEach((v) => size.set(v.code, 3));
  const others = shuffle(
    r,
    teamVillages.filter((v) => size.get(v.code) === 1),
  );
  others.slice(0, twos).forEach((v) => size.set(v.code, 2));
  const withLeader = new Set(teamVillages.filter((v) => size.get(v.code) === 3).map((v) => v.code));
  for (const v of shuffle(
    r,
    teamVillages.filter((v) => size.get(v.code) === 2),
  ).slice(0, Math.max(0, scaled(SEED.teamLeaders, n) - withLeader.size)))
    withLeader.add(v.code);

  // --- recalls: four first secretaries of county departments; one pending request for a team member
  const recalled = new Map<string, (typeof RECALLS)[number]>();
  const recallable = shuffle(
    r,
    teamVillages.filter((v) => !MODEL_VILLAGES.has(v.code) && unitOf.get(v.code)!.level === 'county'),
  );
  RECALLS.forEach((rc, i) => recallable[i] && recalled.set(recallable[i].code, rc));
  const pendingVillage = recallable.slice(RECALLS.length).find((v) => size.get(v.code)! >= 2) ?? null;

  // --- the stationed cadres
  const fsProfiles = profiles(r, teamVillages.length + recalled.size, { youngShare: 0.72, allCpc: true });
  const teamProfiles = profiles(r, totalCadres, { youngShare: 0.72 });
  const cadre = (
    base: { id: number | null; name: string; gender: Gender; phone: string },
    p: (typeof fsProfiles)[number],
    regionCode: string,
    post: string,
    unit: Unit,
    rank: string,
  ): CadreSpec => cadreSpec(ids, county.code, base, p, { regionCode, post, unit, rank });
  const existing = (p: HierarchyPerson | undefined) =>
    p
      ? { id: p.id, name: p.name, gender: (p.gender === 'female' ? 'female' : 'male') as Gender, phone: p.phone ?? '' }
      : null;
  const fresh = (maleShare = 0.8) => ({ id: null, ...newPerson(r, maleShare) });

  interface Plan {
    spec: CadreSpec;
    role: Stationed['role'];
    village: Village;
    unit: Unit;
    start: string;
    end: string;
    endedOn: string | null;
    recall: RecallReason | null;
    pendingRecall: boolean;
  }
  const plans: Plan[] = [];
  let fsAt = 0;
  let teamAt = 0;
  for (const v of teamVillages) {
    const unit = unitOf.get(v.code)!;
    const ranks = unit.level === 'county' ? RANKS_FIRST_SECRETARY : RANKS_FIRST_SECRETARY_HIGHER;
    const rc = recalled.get(v.code);
    plans.push({
      spec: cadre(
        existing(hierFirst.get(v.code)) ?? fresh(),
        fsProfiles[fsAt++]!,
        v.code,
        '第一书记',
        unit,
        r.pick(ranks),
      ),
      role: 'first_secretary',
      village: v,
      unit,
      start: TERM_START,
      end: TERM_END,
      endedOn: rc?.effective ?? null,
      recall: rc?.reason ?? null,
      pendingRecall: false,
    });
    if (rc) {
      const start = addDays(rc.effective, 1);
      plans.push({
        spec: cadre(fresh(), fsProfiles[fsAt++]!, v.code, '第一书记', unit, r.pick(ranks)),
        role: 'first_secretary',
        village: v,
        unit,
        start,
        end: addYears(start, 2),
        endedOn: null,
        recall: null,
        pendingRecall: false,
      });
    }
    for (let k = 0; k < size.get(v.code)!; k++) {
      const leader = k === 1 && withLeader.has(v.code);
      const x = r.next();
      const own = x < 0.6 ? unit : x < 0.85 ? r.pick(departments) : (units.township.get(v.township) ?? unit);
      plans.push({
        spec: cadre(
          (k === 0 ? existing(hierMember.get(v.code)) : null) ?? fresh(),
          teamProfiles[teamAt++]!,
          v.code,
          leader ? '驻村工作队长' : '驻村工作队员',
          own,
          r.pick(RANKS_TEAM),
        ),
        role: leader ? 'team_leader' : 'team_member',
        village: v,
        unit: own,
        start: TERM_START,
        end: TERM_END,
        endedOn: null,
        recall: null,
        pendingRecall: v.code === pendingVillage?.code && k === 1,
      });
    }
  }

  // --- linked cadres: county leaders, township leaders, instructors
  const countyUnit = (post: string) => {
    const find = (suffix: string) => units.county.find((u) => u.name.endsWith(suffix)) ?? units.county[0]!;
    if (post.includes('人大')) return find('人大常委会办公室');
    if (post.includes('政协')) return find('委员会办公室');
    if (post.includes('法院')) return find('人民法院');
    if (post.includes('检察')) return find('人民检察院');
    if (post.endsWith('县长')) return units.county[1]!;
    return units.county[0]!;
  };
  interface Link {
    spec: CadreSpec;
    role: StationRole;
    unit: Unit;
    villages: Village[];
  }
  const links: Link[] = [];
  const leaderCount = scaled(SEED.countyLeaders, n);
  const hierLeaders = hierarchy.filter(
    (p) => p.region_code === county.code && HIERARCHY_COUNTY_LEADER_POSTS.includes(p.post ?? ''),
  );
  const leaderProfiles = profiles(r, leaderCount, { youngShare: 0.15, allCpc: true, ages: [41, 58] });
  const leaderVillages = blocks(
    villages.filter((v) => !gaps.county_leader.has(v.code)),
    leaderCount,
  );
  for (let i = 0; i < leaderCount; i++) {
    const h = hierLeaders[i];
    const post = h?.post ?? COUNTY_LEADER_POSTS[i % COUNTY_LEADER_POSTS.length]!;
    const unit = countyUnit(post);
    const rank = /^(县委书记|县长|县人大常委会主任|县政协主席)$/.test(post) ? '正处级' : '副处级';
    links.push({
      spec: cadre(existing(h) ?? fresh(0.85), leaderProfiles[i]!, county.code, post, unit, rank),
      role: 'county_leader',
      unit,
      villages: leaderVillages[i]!,
    });
  }
  for (const t of townships) {
    const own = villages.filter((v) => v.township === t.code);
    if (own.length === 0) continue;
    const gov = units.township.get(t.code)!;
    const kind = t.name.endsWith('乡') ? '乡' : '镇';
    const hier = hierarchy.filter(
      (p) => p.region_code === t.code && HIERARCHY_TOWNSHIP_LEADER_POSTS.includes(p.post ?? ''),
    );
    const count = Math.max(2, Math.ceil(own.length / 3));
    const lp = profiles(r, count, { youngShare: 0.5, allCpc: true, ages: [32, 56] });
    const parts = blocks(
      own.filter((v) => !gaps.township_leader.has(v.code)),
      count,
    );
    for (let i = 0; i < count; i++) {
      const h = hier[i];
      const post = h?.post ?? TOWNSHIP_LEADER_POSTS[i % TOWNSHIP_LEADER_POSTS.length]!.replace('{T}', kind);
      links.push({
        spec: cadre(existing(h) ?? fresh(0.8), lp[i]!, t.code, post, gov, i < 2 ? '正科级' : '副科级'),
        role: 'township_leader',
        unit: gov,
        villages: parts[i]!,
      });
    }
    const instructed = own.filter((v) => !gaps.instructor.has(v.code));
    const ic = Math.max(1, Math.ceil(instructed.length / 4));
    const ip = profiles(r, ic, { youngShare: 0.6, allCpc: true });
    const iparts = blocks(instructed, ic);
    for (let i = 0; i < ic; i++) {
      const unit = r.chance(0.5) ? units.county[ORGANISATION_DEPARTMENT]! : gov;
      links.push({
        spec: cadre(fresh(0.7), ip[i]!, t.code, '党建指导员', unit, r.pick(['副科级', '四级主任科员', '三级主任科员'])),
        role: 'instructor',
        unit,
        villages: iparts[i]!,
      });
    }
  }
  await saveCadres(db, [...plans.map((p) => p.spec), ...links.map((l) => l.spec)]);

  // --- teams, stations, recalls
  const teamRows = await insertRows<{ id: number; region_code: string }>(
    db,
    'work_team',
    teamVillages.map((v) => ({
      region_code: v.code,
      name: `${v.name}驻村工作队`,
      unit_id: unitOf.get(v.code)!.id,
      start_date: TERM_START,
      end_date: TERM_END,
      created_at: now,
      updated_at: now,
    })),
    { unit_id: INT },
    ['id', 'region_code'],
  );
  const teamId = new Map(teamRows.map((t) => [t.region_code, Number(t.id)]));
  const stationRows = [
    ...plans.map((p) => ({
      person_id: p.spec.id,
      region_code: p.village.code,
      role: p.role,
      team_id: teamId.get(p.village.code)!,
      unit_id: p.unit.id,
      start_date: p.start,
      end_date: p.end,
      ended_on: p.endedOn,
      end_reason: p.endedOn ? 'recall' : null,
      created_at: now,
      updated_at: now,
    })),
    ...links.flatMap((l) =>
      l.villages.map((v) => ({
        person_id: l.spec.id,
        region_code: v.code,
        role: l.role,
        team_id: null,
        unit_id: l.unit.id,
        start_date: LINK_START,
        end_date: null,
        ended_on: null,
        end_reason: null,
        created_at: now,
        updated_at: now,
      })),
    ),
  ];
  const savedStations = await insertRows<{ id: number; person_id: number; role: string }>(
    db,
    'stationing',
    stationRows,
    { person_id: INT, team_id: INT, unit_id: INT },
    ['id', 'person_id', 'role'],
  );
  const stationOf = new Map(
    savedStations
      .filter((s) => s.role !== 'county_leader' && s.role !== 'township_leader' && s.role !== 'instructor')
      .map((s) => [Number(s.person_id), Number(s.id)]),
  );
  const recallRows = plans
    .filter((p) => p.recall || p.pendingRecall)
    .map((p) => {
      const rc = p.recall ? RECALLS.find((x) => x.reason === p.recall)! : null;
      const desk = r.chance(0.5) ? ctx.townshipDesk(p.village.township) : ctx.countyDesk;
      const reason = rc?.reason ?? PENDING_RECALL.reason;
      return {
        stationing_id: stationOf.get(p.spec.id!)!,
        person_id: p.spec.id!,
        region_code: p.village.code,
        reason,
        note: rc ? RECALL_NOTES[reason] : '驻村期间多次无故不在岗，考勤严重不足，经乡镇党委约谈后仍未改进',
        effective_date: rc?.effective ?? PENDING_RECALL.effective,
        status: rc ? 'approved' : 'pending',
        requested_by: desk,
        requested_at: officeTime(r, rc?.requested ?? PENDING_RECALL.requested),
        decided_by: rc ? ctx.countyDesk : null,
        decided_at: rc ? officeTime(r, rc.decided) : null,
        decision_note: rc ? '经县委组织部研究，同意召回，由派出单位另行选派' : null,
      };
    });
  await insertRows(db, 'recall', recallRows, { stationing_id: INT, person_id: INT });

  // The command hierarchy follows: a replaced first secretary hands the command post over; in a
  // village without a team, the hierarchy's "first secretary" is the township's village cadre.
  for (const p of plans.filter((x) => x.recall)) {
    const successor = plans.find((x) => x.village === p.village && x.role === 'first_secretary' && !x.recall)!;
    await db
      .updateTable('command_unit')
      .set({ commander_id: successor.spec.id, updated_at: now })
      .where('commander_id', '=', p.spec.id)
      .where('kind', '=', 'command_post')
      .execute();
    await db
      .updateTable('command_member')
      .set({ person_id: successor.spec.id! })
      .where('person_id', '=', p.spec.id!)
      .execute();
  }
  for (const v of fsGaps) {
    const f = hierFirst.get(v.code);
    const m = hierMember.get(v.code);
    if (f) await db.updateTable('person').set({ post: '包村干部', updated_at: now }).where('id', '=', f.id).execute();
    if (m) await db.updateTable('person').set({ post: '村务工作者', updated_at: now }).where('id', '=', m.id).execute();
  }

  // --- pairings of villages: units (结对共建), enterprises (万企帮万村), advanced villages, Party members
  const pairings = await loadVillagePairings(db, r, {
    villages,
    teamVillages,
    unitOf,
    departments,
    enterprises: ctx.enterprises,
    withoutUnit: gaps.paired_unit,
    counts: {
      enterpriseVillages: scaled(SEED.enterpriseVillages, n),
      villagePairs: scaled(SEED.villagePairs, n),
      memberPairs: scaled(SEED.memberPairs, n),
    },
  });

  const stationed: Stationed[] = plans.map((p) => ({
    personId: p.spec.id!,
    name: p.spec.name,
    role: p.role,
    village: p.village,
    teamId: teamId.get(p.village.code)!,
    unitId: p.unit.id,
    start: p.start,
    end: p.end,
    endedOn: p.endedOn,
    recall: p.recall,
    pendingRecall: p.pendingRecall,
  }));
  return {
    stationed,
    teams: teamVillages.map((v) => ({ id: teamId.get(v.code)!, village: v, unitId: unitOf.get(v.code)!.id })),
    rows: {
      cadres: plans.length + links.length,
      work_team: teamRows.length,
      stationing: stationRows.length,
      recall: recallRows.length,
      pairing: pairings,
    },
  };
}

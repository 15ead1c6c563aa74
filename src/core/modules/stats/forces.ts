/**
 * Help-force statistics (帮扶力量统计) for a region: first secretaries and work-team cadres, teams per
 * village, the profile shares (aged ≤ 45, bachelor or higher), pairs of each kind, households per
 * pairing cadre, recalls and their reasons, the days-in-village distribution and the teams below the
 * minimum size. A handful of grouped queries over the region's scope; the figures are folded in
 * memory with the pure rules (forces-rules.ts, cadres/rules.ts).
 */
import { sql, type ExpressionBuilder } from 'kysely';
import {
  HIGHER_UNIT_LEVELS,
  PAIRING_KINDS,
  RECALL_REASONS,
  STATIONED_ROLES,
  TARGETED_START_YEAR,
  TEAM_ROLES,
} from '../../../shared/forces.ts';
import { NATION_CODE, subtreeRange } from '../../../shared/regions.ts';
import type { Scope, ScopeRegion } from '../../access/scope.ts';
import { todayInChina } from '../../clock.ts';
import type { Db } from '../../db/index.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { activeOn } from '../cadres/repo.ts';
import { teamBelowMinimum } from '../cadres/rules.ts';
import { stationedPace } from '../duty/pace.ts';
import { resolveParam } from '../policy/rules.ts';
import { loadParams } from '../policy/service.ts';
import { findRegion, listChildren } from '../regions/repo.ts';
import { dayDistribution, perCadreDistribution, profileShares, ratio } from './forces-rules.ts';
import { childPrefixLength } from './rules.ts';

/**
 * The region a statistic reports on and the Scope narrowed to it: the region the call named, else the first
 * region of the caller's scope (the nation for a global scope).
 */
export async function reportScope(db: Db, scope: Scope): Promise<{ region: ScopeRegion; scope: Scope }> {
  if (scope.region) return { region: scope.region, scope };
  const ranges = scope.codeRanges();
  const first = ranges === 'all' ? undefined : ranges[0];
  const code = !first || first.lo === subtreeRange(NATION_CODE).lo ? NATION_CODE : first.lo;
  const region = await findRegion(db, code);
  if (!region) throw notFound(msg(`区划不存在：${code}`, `Region not found: ${code}`));
  return { region, scope: scope.narrow(region) };
}

/** Policy parameters of the help forces for a region and year, read in one query. */
export async function forceParams(db: Db, region: string, year: number) {
  const rows = await loadParams(db);
  const province = region === NATION_CODE ? '' : region.slice(0, 2);
  const num = (key: string, fallback: number) => {
    const v = resolveParam(rows, key, year, province);
    return typeof v === 'number' ? v : fallback;
  };
  return {
    teamMinSize: num('team_min_size', 3),
    villageDaysMin: num('village_days_min', 200),
    youngAgeMax: num('cadre_young_age_max', 45),
  };
}

type Eb<T extends keyof DB, A extends string> = ExpressionBuilder<DB & Record<A, DB[T]>, A>;

/** Until its end date (inclusive) or open-ended. */
const activePairing = (today: string) => (eb: Eb<'pairing', 'p'>) =>
  eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', today)]);

/**
 * Active pairings of a region: pairs of each kind, households per pairing cadre, the paired households.
 * One active pairing per cadre and household (the pairings module refuses a duplicate), so a cadre's
 * pairings are its households and the cadre ↔ household pairs are Σ households × cadres; the other kinds
 * are few and counted along pairing_region_idx.
 */
export async function pairingFigures(db: Db, scope: Scope, today: string) {
  const scoped = () => db.selectFrom('pairing as p').$call(scope.where('p.region_code')).where(activePairing(today));
  const perCadre = scoped()
    .where('p.kind', '=', 'cadre_household')
    .where('p.person_id', 'is not', null)
    .select(['p.person_id', (eb) => eb.fn.countAll<number>().as('households')])
    .groupBy('p.person_id');
  const [others, distribution, households] = await Promise.all([
    // The few pairs of the other kinds, by kind; with them the distinct units above the county paired with
    // villages (国家、省、市单位对口帮扶) and the distinct enterprises and their villages (万企帮万村).
    scoped()
      .leftJoin('help_unit as u', 'u.id', 'p.unit_id')
      // an IN list (not !=) so that both databases range-scan pairing_region_idx for the few other kinds
      .where(
        'p.kind',
        'in',
        PAIRING_KINDS.map((k) => k.code).filter((k) => k !== 'cadre_household'),
      )
      .select((eb) => [
        'p.kind as kind',
        eb.fn.countAll<number>().as('n'),
        eb.fn
          .count<number>(
            eb
              .case()
              .when('u.level', 'in', HIGHER_UNIT_LEVELS as string[])
              .then(eb.ref('p.unit_id'))
              .end(),
          )
          .distinct()
          .as('higherUnits'),
        eb.fn.count<number>('p.partner_id').distinct().as('partners'),
        eb.fn.count<number>('p.region_code').distinct().as('villages'),
      ])
      .groupBy('p.kind')
      .execute(),
    db
      .selectFrom(perCadre.as('pc'))
      .select(['pc.households as households', (eb) => eb.fn.countAll<number>().as('cadres')])
      .groupBy('pc.households')
      .execute(),
    scoped()
      .where('p.kind', '=', 'cadre_household')
      .select((eb) => eb.fn.count<number>('p.household_id').distinct().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const ofKind = (kind: string) => others.find((r) => r.kind === kind);
  const enterprises = ofKind('enterprise_village');
  const perCadreCounts = perCadreDistribution(
    distribution.map((r) => ({ households: Number(r.households), cadres: Number(r.cadres) })),
  );
  const kinds = new Map(others.map((r) => [r.kind, Number(r.n)]));
  kinds.set(
    'cadre_household',
    perCadreCounts.reduce((a, r) => a + r.households * r.cadres, 0),
  );
  return {
    pairs: PAIRING_KINDS.map((k) => ({ kind: k.code, pairs: kinds.get(k.code) ?? 0 })),
    pairingCadres: perCadreCounts.reduce((a, r) => a + r.cadres, 0),
    pairedHouseholds: Number(households.n),
    householdsPerPairingCadre: perCadreCounts,
    higherUnits: Number(ofKind('unit_village')?.higherUnits ?? 0),
    enterprises: { partners: Number(enterprises?.partners ?? 0), villages: Number(enterprises?.villages ?? 0) },
  };
}

/** The help-force figures of a region: the one asked, else the caller's first scope (force.read). */
export async function cadreStats(db: Db, asked: Scope, opts: { since?: number } = {}) {
  const { region, scope } = await reportScope(db, asked);
  const today = todayInChina();
  const since = opts.since ?? TARGETED_START_YEAR;
  const sinceDay = `${String(since).padStart(4, '0')}-01-01`;
  const year = Number(today.slice(0, 4));
  const len = childPrefixLength(region.level);
  const childLen = typeof len === 'number' ? len : null;
  // Villages counted per child region (a constant cannot be grouped by on PostgreSQL: a village groups by itself).
  const villageKey = sql<string>`substr(r.code, 1, ${sql.lit(childLen ?? 12)})`;

  // All independent: on PostgreSQL they run side by side on the pool.
  const [params, children, stationRows, teamRows, villageRows, pairing, recallRows, pace, sent] = await Promise.all([
    forceParams(db, region.code, year),
    childLen === null ? Promise.resolve([]) : listChildren(db, region.code),
    db
      .selectFrom('stationing as s')
      .innerJoin('person as c', 'c.id', 's.person_id')
      .select([
        's.person_id as personId',
        's.region_code as regionCode',
        's.role as role',
        's.team_id as teamId',
        'c.birth_date as birthDate',
        'c.education as education',
      ])
      .$call(scope.where('s.region_code'))
      .where(activeOn('s', today))
      .where('s.role', 'in', STATIONED_ROLES as string[])
      .execute(),
    db
      .selectFrom('work_team as t')
      .select(['t.id', 't.region_code as regionCode'])
      .$call(scope.where('t.region_code'))
      .where((eb) => eb.or([eb('t.end_date', 'is', null), eb('t.end_date', '>=', today)]))
      .execute(),
    db
      .selectFrom('region as r')
      .select([villageKey.as('k'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('r.level', '=', 'village')
      .$call(scope.where('r.code'))
      .groupBy(villageKey)
      .execute(),
    pairingFigures(db, scope, today),
    db
      .selectFrom('recall as rc')
      .select(['rc.reason as reason', 'rc.status as status', (eb) => eb.fn.countAll<number>().as('n')])
      .$call(scope.where('rc.region_code'))
      .where('rc.status', 'in', ['approved', 'pending'])
      .groupBy(['rc.reason', 'rc.status'])
      .execute(),
    stationedPace(db, scope, year, today),
    // 选派驻村: stationings in a stationed role that began since the year (ended ones too), and their cadres.
    db
      .selectFrom('stationing as s')
      .$call(scope.where('s.region_code'))
      .where('s.role', 'in', STATIONED_ROLES as string[])
      .where('s.start_date', '>=', sinceDay)
      .where('s.start_date', '<=', today)
      .select((eb) => [
        eb.fn.countAll<number>().as('stationings'),
        eb.fn.count<number>('s.person_id').distinct().as('cadres'),
      ])
      .executeTakeFirstOrThrow(),
  ]);

  // Stations: counts by role (stations, not persons), the distinct cadres and their profile, team sizes.
  const childOf = (code: string) => (childLen === null ? '' : code.slice(0, childLen));
  const byChild = new Map<string, { firstSecretaries: number; teamCadres: number; teams: number; withTeam: number }>();
  const child = (code: string) => {
    const k = childOf(code);
    let c = byChild.get(k);
    if (!c) byChild.set(k, (c = { firstSecretaries: 0, teamCadres: 0, teams: 0, withTeam: 0 }));
    return c;
  };
  let firstSecretaries = 0;
  let teamCadres = 0;
  const cadres = new Map<number, { birthDate: string | null; education: string | null }>();
  const secretaries = new Map<number, { birthDate: string | null; education: string | null }>();
  const teamMembers = new Map<number, Set<number>>();
  for (const s of stationRows) {
    if (s.role === 'first_secretary') {
      firstSecretaries++;
      child(s.regionCode).firstSecretaries++;
      secretaries.set(s.personId, { birthDate: s.birthDate, education: s.education });
    } else {
      teamCadres++;
      child(s.regionCode).teamCadres++;
    }
    if (!cadres.has(s.personId)) cadres.set(s.personId, { birthDate: s.birthDate, education: s.education });
    if (s.teamId !== null && (TEAM_ROLES as string[]).includes(s.role)) {
      let m = teamMembers.get(s.teamId);
      if (!m) teamMembers.set(s.teamId, (m = new Set()));
      m.add(s.personId);
    }
  }
  const profile = profileShares([...cadres.values()], today, params.youngAgeMax);
  const secretaryProfile = profileShares([...secretaries.values()], today, params.youngAgeMax);

  // Teams: current teams, villages with a team, teams below the minimum size.
  const teamVillages = new Set<string>();
  let smallTeams = 0;
  for (const t of teamRows) {
    child(t.regionCode).teams++;
    if (!teamVillages.has(t.regionCode)) {
      teamVillages.add(t.regionCode);
      child(t.regionCode).withTeam++;
    }
    if (teamBelowMinimum(teamMembers.get(t.id)?.size ?? 0, params.teamMinSize)) smallTeams++;
  }
  const villagesByChild = new Map(villageRows.map((v) => [v.k, Number(v.n)]));
  const villages = [...villagesByChild.values()].reduce((a, n) => a + n, 0);

  // Days in the village this year, per stationed cadre, against the prorated minimum: the days summary's own rows
  // (duty/pace.ts), so 在村天数落后 here is the length of the list it links to.
  const behind = pace.filter((p) => p.behind).length;

  const recallCount = (reason: string | null, status: string) =>
    recallRows
      .filter((r) => r.status === status && (reason === null || r.reason === reason))
      .reduce((a, r) => a + Number(r.n), 0);
  const stationedCadres = firstSecretaries + teamCadres;

  return {
    region: { code: region.code, name: region.name, level: region.level },
    today,
    firstSecretaries,
    teamCadres,
    teams: teamRows.length,
    villages,
    villagesWithTeam: teamVillages.size,
    cadresPerVillage: ratio(stationedCadres, teamVillages.size),
    teamsPerVillage: ratio(teamRows.length, teamVillages.size),
    stationed: pace.length,
    youngAgeMax: params.youngAgeMax,
    aged45OrUnder: profile.aged45OrUnder,
    bachelorOrHigher: profile.bachelorOrHigher,
    firstSecretaryShares: {
      total: secretaryProfile.total,
      aged45OrUnder: secretaryProfile.aged45OrUnder,
      bachelorOrHigher: secretaryProfile.bachelorOrHigher,
    },
    byChild: children.map((c) => {
      const k = childOf(c.code);
      const b = byChild.get(k);
      return {
        code: c.code,
        name: c.name,
        villages: villagesByChild.get(k) ?? 0,
        villagesWithTeam: b?.withTeam ?? 0,
        firstSecretaries: b?.firstSecretaries ?? 0,
        teamCadres: b?.teamCadres ?? 0,
        teams: b?.teams ?? 0,
      };
    }),
    ...pairing,
    recalls: {
      total: recallCount(null, 'approved'),
      pending: recallCount(null, 'pending'),
      byReason: RECALL_REASONS.map((r) => ({ reason: r.code, count: recallCount(r.code, 'approved') })),
    },
    days: {
      year,
      minimum: params.villageDaysMin,
      behind,
      distribution: dayDistribution(pace.map((p) => p.days)),
    },
    smallTeams,
    teamMinSize: params.teamMinSize,
    sent: { since, cadres: Number(sent.cadres), stationings: Number(sent.stationings) },
  };
}

export type CadreStats = Awaited<ReturnType<typeof cadreStats>>;

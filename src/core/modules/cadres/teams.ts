/**
 * Work teams (驻村工作队) of a village. A team's size is the number of cadres stationed in it now
 * (stationed roles with its team_id, in force today); teams below the policy minimum (team_min_size)
 * are flagged.
 */
import { sql } from 'kysely';
import type { TeamInput, TeamListQuery, TeamPage, TeamPatch, TeamView } from '../../../shared/contracts/teams.ts';
import { STATIONED_ROLES } from '../../../shared/forces.ts';
import type { Scope } from '../../access/scope.ts';
import { todayInChina } from '../../clock.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { listPage } from '../../db/list.ts';
import { bumpVersion } from '../../db/rows.ts';
import { conflict } from '../../errors.ts';
import { msg, type Msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { requireRegion } from '../regions/service.ts';
import { numberParam, refuse, scopeCode, teamMissing } from './common.ts';
import { activeOn, unitRef } from './repo.ts';
import { isIsoDate, teamBelowMinimum } from './rules.ts';

/** Current members of a team, as a correlated count (distinct cadres). */
const sizeOf = (today: string) =>
  sql<number>`(select count(distinct m.person_id) from stationing m where m.team_id = t.id and m.role in (${sql.join(
    STATIONED_ROLES,
  )}) and ${activeOn('m', today)})`;

function teamQuery(db: Db, today: string) {
  return db
    .selectFrom('work_team as t')
    .leftJoin('region as r', 'r.code', 't.region_code')
    .leftJoin('help_unit as u', 'u.id', 't.unit_id')
    .select([
      't.id',
      't.name',
      't.region_code',
      'r.name as region_name',
      't.unit_id',
      'u.name as unit_name',
      'u.level as unit_level',
      't.start_date',
      't.end_date',
      't.version',
    ])
    .select(sizeOf(today).as('size'));
}

async function teamMembers(db: Db, teamIds: readonly number[], today: string) {
  const out = new Map<number, TeamView['members']>();
  if (teamIds.length === 0) return out;
  const rows = await db
    .selectFrom('stationing as s')
    .innerJoin('person as p', 'p.id', 's.person_id')
    .select(['s.id', 's.team_id', 's.person_id', 'p.name', 's.role'])
    .where('s.team_id', 'in', teamIds)
    .where('s.role', 'in', [...STATIONED_ROLES])
    .where(activeOn('s', today))
    .orderBy('s.team_id')
    .orderBy('s.role')
    .orderBy('s.id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.team_id!) ?? [];
    list.push({ stationId: r.id, personId: r.person_id, name: r.name, role: r.role });
    out.set(r.team_id!, list);
  }
  return out;
}

type TeamRow = Awaited<ReturnType<ReturnType<typeof teamQuery>['executeTakeFirstOrThrow']>>;

const toTeam = (r: TeamRow, minimum: number, members: TeamView['members']): TeamView => {
  const size = Number(r.size ?? 0);
  return {
    id: r.id,
    name: r.name,
    regionCode: r.region_code,
    regionName: r.region_name ?? r.region_code,
    unit: unitRef(r.unit_id, r.unit_name, r.unit_level),
    startDate: r.start_date,
    endDate: r.end_date,
    size,
    minimum,
    belowMinimum: teamBelowMinimum(size, minimum),
    members,
    version: r.version,
  };
};

/**
 * Teams of the scope (by default those not ended: end date open or not past). `belowMinimum` in the
 * answer counts the teams of the whole filter below the minimum, not only the page's.
 */
export async function teamList(db: Db, scope: Scope, q: Omit<TeamListQuery, 'region'>): Promise<TeamPage> {
  const today = todayInChina();
  const minimum = await numberParam(db, 'team_min_size', Number(today.slice(0, 4)), scopeCode(scope));
  const base = db
    .selectFrom('work_team as t')
    .$if(q.active ?? true, (qb) => qb.where(sql<boolean>`coalesce(t.end_date, '9999-12-31') >= ${today}`));
  const small = base.where(sql<boolean>`${sizeOf(today)} < ${minimum}`);
  const [{ total, rows }, { n }] = await Promise.all([
    listPage({
      scope,
      base: q.belowMinimum ? small : base,
      scopeColumn: 't.region_code',
      order: (qb) => qb.orderBy('t.region_code').orderBy('t.id'),
      page: q,
      id: 't.id',
      details: async (ids) => {
        const [rows, members] = await Promise.all([
          teamQuery(db, today).where('t.id', 'in', ids).execute(),
          teamMembers(db, ids, today),
        ]);
        return rows.map((r) => toTeam(r, minimum, members.get(r.id) ?? []));
      },
    }),
    small
      .$call(scope.where('t.region_code'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { total, belowMinimum: Number(n), items: rows };
}

/** One team with its current members (in the scope: force.read in its village). */
export async function teamDetail(db: Db, scope: Scope, id: number): Promise<TeamView> {
  const team = await getTeam(db, id);
  scope.authorize(team.regionCode);
  return team;
}

async function getTeam(db: Db, id: number): Promise<TeamView> {
  const today = todayInChina();
  const row = await teamQuery(db, today).where('t.id', '=', id).executeTakeFirst();
  if (!row) throw teamMissing(id);
  const minimum = await numberParam(db, 'team_min_size', Number(today.slice(0, 4)), row.region_code);
  return toTeam(row, minimum, (await teamMembers(db, [id], today)).get(id) ?? []);
}

async function checkTeam(db: Db, scope: Scope, input: TeamInput) {
  const region = await requireRegion(db, input.regionCode, 'regionCode');
  scope.authorize(region.code);
  const problems: [string, Msg][] = [];
  if (region.level !== 'village') problems.push(['regionCode', msg('工作队应驻在村', 'A work team is in a village')]);
  if (!isIsoDate(input.startDate)) problems.push(['startDate', msg('日期不存在', 'Not a real date')]);
  if (input.endDate && !isIsoDate(input.endDate)) problems.push(['endDate', msg('日期不存在', 'Not a real date')]);
  else if (input.endDate && input.endDate < input.startDate)
    problems.push(['endDate', msg('结束日期早于开始日期', 'The team ends before it starts')]);
  if (input.unitId !== null && input.unitId !== undefined) {
    const unit = await db.selectFrom('help_unit').select('id').where('id', '=', input.unitId).executeTakeFirst();
    if (!unit) problems.push(['unitId', msg(`帮扶单位不存在：${input.unitId}`, `Unknown help unit: ${input.unitId}`)]);
  }
  refuse(problems);
  return {
    region_code: region.code,
    name: input.name,
    unit_id: input.unitId ?? null,
    start_date: input.startDate,
    end_date: input.endDate ?? null,
  };
}

/** Forms a team in a village of the scope (force.station there). */
export async function createTeam(db: Db, scope: Scope, input: TeamInput): Promise<TeamView> {
  const values = await checkTeam(db, scope, input);
  const id = await db.transaction().execute(async (trx) => {
    const now = nowIso();
    const { id } = await trx
      .insertInto('work_team')
      .values({ ...values, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, scope.actor, {
      action: 'create',
      entity: 'work_team',
      entityId: id,
      regionCode: values.region_code,
      after: values,
    });
    return id;
  });
  return getTeam(db, id);
}

/** Changes a team; a team with stationed cadres stays in its village. 409 when `version` is stale. */
export async function updateTeam(
  db: Db,
  scope: Scope,
  id: number,
  patch: Omit<TeamPatch, 'version'>,
  version: number | undefined,
): Promise<TeamView> {
  const before = await db.selectFrom('work_team').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw teamMissing(id);
  scope.authorize(before.region_code);
  const values = await checkTeam(db, scope, {
    regionCode: patch.regionCode ?? before.region_code,
    name: patch.name ?? before.name,
    unitId: patch.unitId === undefined ? before.unit_id : patch.unitId,
    startDate: patch.startDate ?? before.start_date,
    endDate: patch.endDate === undefined ? before.end_date : patch.endDate,
  });
  await db.transaction().execute(async (trx) => {
    await bumpVersion(trx, 'work_team', id, version, () => getTeam(trx, id));
    if (values.region_code !== before.region_code) {
      const member = await trx.selectFrom('stationing').select('id').where('team_id', '=', id).executeTakeFirst();
      if (member)
        throw conflict(
          msg('工作队已有驻村干部，不能改到其他村', 'The team has stationed cadres; it cannot move to another village'),
        );
    }
    await trx
      .updateTable('work_team')
      .set({ ...values, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, scope.actor, {
      action: 'update',
      entity: 'work_team',
      entityId: id,
      regionCode: values.region_code,
      before,
      after: values,
    });
  });
  return getTeam(db, id);
}

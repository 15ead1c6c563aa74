/**
 * Work teams (驻村工作队) of a village. A team's size is the number of cadres stationed in it now
 * (stationed roles with its team_id, in force today); teams below the policy minimum (team_min_size)
 * are flagged.
 */
import { sql } from 'kysely';
import { STATIONED_ROLES, type StationRole } from '../../../shared/forces.ts';
import type { Actor } from '../../access/permissions.ts';
import { authorize, withinScope } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { conflict } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { requireRegion } from '../regions/service.ts';
import { listRange, numberParam, refuse, teamMissing } from './common.ts';
import { todayInChina } from '../../clock.ts';
import { activeOn, unitRef } from './repo.ts';
import { isIsoDate, teamBelowMinimum } from './rules.ts';

export interface TeamInput {
  regionCode: string;
  name: string;
  unitId?: number | null;
  startDate: string;
  endDate?: string | null;
}

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
    ])
    .select(sizeOf(today).as('size'));
}

async function teamMembers(db: Db, teamIds: readonly number[], today: string) {
  const out = new Map<number, { stationId: number; personId: number; name: string; role: StationRole }[]>();
  if (teamIds.length === 0) return out;
  const rows = await db
    .selectFrom('stationing as s')
    .innerJoin('person as p', 'p.id', 's.person_id')
    .select(['s.id', 's.team_id', 's.person_id', 'p.name', 's.role'])
    .where('s.team_id', 'in', teamIds)
    .where('s.role', 'in', STATIONED_ROLES)
    .where(activeOn('s', today))
    .orderBy('s.team_id')
    .orderBy('s.role')
    .orderBy('s.id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.team_id!) ?? [];
    list.push({ stationId: r.id, personId: r.person_id, name: r.name, role: r.role as StationRole });
    out.set(r.team_id!, list);
  }
  return out;
}

type TeamRow = Awaited<ReturnType<ReturnType<typeof teamQuery>['executeTakeFirstOrThrow']>>;

const toTeam = (
  r: TeamRow,
  minimum: number,
  members: { stationId: number; personId: number; name: string; role: StationRole }[],
) => {
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
  };
};

/**
 * Teams of a region (by default those not ended: end date open or not past). `belowMinimum` in the
 * answer counts the teams of the whole filter below the minimum, not only the page's.
 */
export async function teamList(
  db: Db,
  actor: Actor,
  q: { region?: string; belowMinimum?: boolean; active?: boolean; page: number; pageSize: number },
) {
  const range = await listRange(db, actor, 'force.read', q.region);
  const today = todayInChina();
  const minimum = await numberParam(db, 'team_min_size', Number(today.slice(0, 4)), range.code);
  const active = q.active ?? true;
  const base = db
    .selectFrom('work_team as t')
    .where('t.region_code', '>=', range.lo)
    .where('t.region_code', '<', range.hi)
    .$if(active, (qb) => qb.where(sql<boolean>`coalesce(t.end_date, '9999-12-31') >= ${today}`))
    .$call(withinScope(actor, 'force.read', 't.region_code'));
  const small = base.where(sql<boolean>`${sizeOf(today)} < ${minimum}`);
  const filtered = q.belowMinimum ? small : base;
  const [{ total }, { n }, ids] = await Promise.all([
    filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    small.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    filtered
      .select('t.id')
      .orderBy('t.region_code')
      .orderBy('t.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  const pageIds = ids.map((r) => r.id);
  const [rows, members] = await Promise.all([
    pageIds.length ? teamQuery(db, today).where('t.id', 'in', pageIds).execute() : Promise.resolve([]),
    teamMembers(db, pageIds, today),
  ]);
  const order = new Map(pageIds.map((id, i) => [id, i]));
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return {
    total: Number(total),
    belowMinimum: Number(n),
    items: rows.map((r) => toTeam(r, minimum, members.get(r.id) ?? [])),
  };
}

/** One team with its current members (force.read in its village). */
export async function teamDetail(db: Db, actor: Actor, id: number) {
  const team = await getTeam(db, id);
  authorize(actor, 'force.read', team.regionCode);
  return team;
}

async function getTeam(db: Db, id: number) {
  const today = todayInChina();
  const row = await teamQuery(db, today).where('t.id', '=', id).executeTakeFirst();
  if (!row) throw teamMissing(id);
  const minimum = await numberParam(db, 'team_min_size', Number(today.slice(0, 4)), row.region_code);
  return toTeam(row, minimum, (await teamMembers(db, [id], today)).get(id) ?? []);
}

async function checkTeam(db: Db, actor: Actor, input: TeamInput) {
  const region = await requireRegion(db, input.regionCode, 'regionCode');
  authorize(actor, 'force.station', region.code);
  const problems: [string, ReturnType<typeof msg>][] = [];
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

export async function createTeam(db: Db, actor: Actor, input: TeamInput) {
  const values = await checkTeam(db, actor, input);
  const id = await db.transaction().execute(async (trx) => {
    const now = nowIso();
    const { id } = await trx
      .insertInto('work_team')
      .values({ ...values, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
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

export async function updateTeam(db: Db, actor: Actor, id: number, patch: Partial<TeamInput>) {
  const before = await db.selectFrom('work_team').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw teamMissing(id);
  authorize(actor, 'force.station', before.region_code);
  const values = await checkTeam(db, actor, {
    regionCode: patch.regionCode ?? before.region_code,
    name: patch.name ?? before.name,
    unitId: patch.unitId === undefined ? before.unit_id : patch.unitId,
    startDate: patch.startDate ?? before.start_date,
    endDate: patch.endDate === undefined ? before.end_date : patch.endDate,
  });
  await db.transaction().execute(async (trx) => {
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
    await writeAudit(trx, actor, {
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

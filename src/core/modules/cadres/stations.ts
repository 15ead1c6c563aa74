/**
 * Stationing (驻村/包联): a cadre's role for a village over a term. Stationed roles (first secretary,
 * work-team leader and member) hold one village at a time for at least the policy term; links (county
 * and township leaders, Party-building instructors) may cover several villages. Writes need
 * force.station in the village (county users and admin).
 */
import type { StationEndReason, StationRole } from '../../../shared/forces.ts';
import type { Actor } from '../../access/permissions.ts';
import { authorize, can } from '../../access/scope.ts';
import { isPostgres } from '../../db/bulk.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { conflict } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { requireRegion } from '../regions/service.ts';
import { listRange, numberParam, refuse, stationMissing } from './common.ts';
import { todayInChina } from '../../clock.ts';
import { cadreRegions, findStation, listStations } from './repo.ts';
import { endProblems, isIsoDate, stationProblems, type OtherStation } from './rules.ts';

export interface StationInput {
  personId: number;
  regionCode: string;
  role: StationRole;
  teamId?: number | null;
  unitId?: number | null;
  startDate: string;
  endDate?: string | null;
}

export async function stationList(
  db: Db,
  actor: Actor,
  q: {
    region?: string;
    role?: StationRole;
    active?: boolean;
    personId?: number;
    teamId?: number;
    page: number;
    pageSize: number;
  },
) {
  const range = await listRange(db, actor, 'force.read', q.region);
  return listStations(db, actor, { ...q, ...range, today: todayInChina() });
}

/** One stationing (force.read in its village). */
export async function stationDetail(db: Db, actor: Actor, id: number) {
  const station = await findStation(db, id, todayInChina());
  if (!station) throw stationMissing(id);
  authorize(actor, 'force.read', station.regionCode);
  return station;
}

export async function createStation(db: Db, actor: Actor, input: StationInput) {
  const region = await requireRegion(db, input.regionCode, 'regionCode');
  authorize(actor, 'force.station', region.code);
  const today = todayInChina();
  const person = await db
    .selectFrom('person')
    .select(['id', 'region_code', 'unit_id'])
    .where('id', '=', input.personId)
    .executeTakeFirst();
  const visible = !!person && (await cadreRegions(db, person)).some((code) => can(actor, 'force.read', code));
  if (!visible)
    refuse([
      [
        'personId',
        msg(`干部不存在或不在管辖范围内：${input.personId}`, `Unknown cadre or outside your scope: ${input.personId}`),
      ],
    ]);
  const team =
    input.teamId === null || input.teamId === undefined
      ? undefined
      : await db
          .selectFrom('work_team')
          .select(['id', 'region_code'])
          .where('id', '=', input.teamId)
          .executeTakeFirst();
  if (input.teamId && !team)
    refuse([['teamId', msg(`工作队不存在：${input.teamId}`, `Unknown work team: ${input.teamId}`)]]);
  const unitId = input.unitId === undefined ? (person!.unit_id ?? null) : input.unitId;
  if (unitId !== null) {
    const unit = await db.selectFrom('help_unit').select('id').where('id', '=', unitId).executeTakeFirst();
    if (!unit) refuse([['unitId', msg(`帮扶单位不存在：${unitId}`, `Unknown help unit: ${unitId}`)]]);
  }
  const dateProblems: [string, ReturnType<typeof msg>][] = [];
  for (const f of ['startDate', 'endDate'] as const) {
    const v = input[f];
    if (v !== null && v !== undefined && !isIsoDate(v))
      dateProblems.push([f, msg(`日期不存在：${v}`, `Not a real date: ${v}`)]);
  }
  refuse(dateProblems);
  const minMonths = await numberParam(db, 'term_min_months', Number(input.startDate.slice(0, 4)), region.code);

  return db.transaction().execute(async (trx) => {
    // The cadre's other terms, read in the transaction that writes the new one (on PostgreSQL the
    // cadre's row is locked first, so two concurrent stationings of one cadre are checked in turn).
    if (isPostgres(trx))
      await trx.selectFrom('person').select('id').where('id', '=', input.personId).forUpdate().execute();
    const others = await trx
      .selectFrom('stationing')
      .select(['role', 'region_code', 'start_date', 'end_date', 'ended_on'])
      .where('person_id', '=', input.personId)
      .execute();
    refuse(
      stationProblems(
        {
          role: input.role,
          villageCode: region.code,
          regionLevel: region.level,
          startDate: input.startDate,
          endDate: input.endDate ?? null,
          teamVillage: team?.region_code,
        },
        others.map((o): OtherStation => ({
          role: o.role as StationRole,
          regionCode: o.region_code,
          startDate: o.start_date,
          endDate: o.end_date,
          endedOn: o.ended_on,
        })),
        minMonths,
      ),
    );
    const now = nowIso();
    const values = {
      person_id: input.personId,
      region_code: region.code,
      role: input.role,
      team_id: team?.id ?? null,
      unit_id: unitId,
      start_date: input.startDate,
      end_date: input.endDate ?? null,
      ended_on: null,
      end_reason: null,
    };
    const { id } = await trx
      .insertInto('stationing')
      .values({ ...values, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'create',
      entity: 'stationing',
      entityId: id,
      regionCode: region.code,
      after: values,
    });
    return (await findStation(trx, id, today))!;
  });
}

/**
 * Ends a stationing (rotation, completed term, other) on `endedOn`. A pending recall of it is
 * cancelled in the same transaction (its history stays).
 */
export async function endStation(
  db: Db,
  actor: Actor,
  id: number,
  input: { endedOn: string; reason: Exclude<StationEndReason, 'recall'> },
) {
  const today = todayInChina();
  const before = await findStation(db, id, today);
  if (!before) throw stationMissing(id);
  authorize(actor, 'force.station', before.regionCode);
  if (before.endedOn !== null)
    throw conflict(msg(`该驻村任职已于 ${before.endedOn} 结束`, `The stationing already ended on ${before.endedOn}`));
  refuse(
    isIsoDate(input.endedOn) ? endProblems(before, input.endedOn) : [['endedOn', msg('日期不存在', 'Not a real date')]],
  );
  return db.transaction().execute(async (trx) => {
    const changed = await trx
      .updateTable('stationing')
      .set({ ended_on: input.endedOn, end_reason: input.reason, updated_at: nowIso() })
      .where('id', '=', id)
      .where('ended_on', 'is', null)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1)
      throw conflict(msg('该驻村任职已结束', 'The stationing has already ended'));
    const cancelled = await trx
      .updateTable('recall')
      .set({
        status: 'cancelled',
        decided_by: actor.kind === 'user' ? actor.username : actor.name,
        decided_at: nowIso(),
        decision_note: `stationing ended: ${input.reason}`,
      })
      .where('stationing_id', '=', id)
      .where('status', '=', 'pending')
      .returning('id')
      .execute();
    const after = (await findStation(trx, id, today))!;
    await writeAudit(trx, actor, {
      action: 'end',
      entity: 'stationing',
      entityId: id,
      regionCode: before.regionCode,
      before,
      after: { ...after, cancelledRecalls: cancelled.map((c) => c.id) },
    });
    return after;
  });
}

/**
 * Stationing (驻村/包联): a cadre's role for a village over a term. Stationed roles (first secretary,
 * work-team leader and member) hold one village at a time for at least the policy term; links (county
 * and township leaders, Party-building instructors) may cover several villages. Writes need
 * force.station in the village (county users and admin).
 */
import { sql } from 'kysely';
import type { StationView } from '../../../shared/contracts/cadres.ts';
import type { StationEndInput, StationInput, StationListQuery } from '../../../shared/contracts/teams.ts';
import type { StationRole } from '../../../shared/forces.ts';
import type { Scope } from '../../access/scope.ts';
import { todayInChina } from '../../clock.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { bumpVersion, lockForUpdate } from '../../db/rows.ts';
import { conflict } from '../../errors.ts';
import { msg, type Msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { requireRegion } from '../regions/service.ts';
import { cadreRegions } from './cadre-repo.ts';
import { actorName, numberParam, refuse, stationMissing } from './common.ts';
import { findStation, listStations } from './repo.ts';
import { endProblems, isIsoDate, stationProblems, type OtherStation } from './rules.ts';

export async function stationList(db: Db, scope: Scope, q: Omit<StationListQuery, 'region'>) {
  const { total, rows } = await listStations(db, scope, { ...q, today: todayInChina() });
  return { total, items: rows };
}

/** One stationing (force.read in its village). */
export async function stationDetail(db: Db, scope: Scope, id: number): Promise<StationView> {
  const station = await findStation(db, id, todayInChina());
  if (!station) throw stationMissing(id);
  scope.authorize(station.regionCode);
  return station;
}

/** Stations a cadre visible to the caller in a village of the scope (force.station there). */
export async function createStation(db: Db, scope: Scope, input: StationInput): Promise<StationView> {
  const region = await requireRegion(db, input.regionCode, 'regionCode');
  scope.authorize(region.code);
  const today = todayInChina();
  const person = await db
    .selectFrom('person')
    .select(['id', 'region_code', 'unit_id'])
    .where('id', '=', input.personId)
    .executeTakeFirst();
  const visible = !!person && (await cadreRegions(db, person)).some((code) => scope.can('force.read', code));
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
  const dateProblems: [string, Msg][] = [];
  for (const f of ['startDate', 'endDate'] as const) {
    const v = input[f];
    if (v !== null && v !== undefined && !isIsoDate(v))
      dateProblems.push([f, msg(`日期不存在：${v}`, `Not a real date: ${v}`)]);
  }
  refuse(dateProblems);
  const minMonths = await numberParam(db, 'term_min_months', Number(input.startDate.slice(0, 4)), region.code);

  return db.transaction().execute(async (trx) => {
    // The cadre's other terms, read in the transaction that writes the new one (the cadre's row is locked
    // first, so two concurrent stationings of one cadre are checked in turn).
    await lockForUpdate(trx, 'person', input.personId);
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
    await writeAudit(trx, scope.actor, {
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
 * Ends a stationing (rotation, completed term, other) on `endedOn`. A pending recall of it is cancelled in the
 * same transaction (its history stays). `version` is the stationing's as the caller read it (409 when stale).
 */
export async function endStation(
  db: Db,
  scope: Scope,
  id: number,
  input: StationEndInput,
  version: number | undefined,
): Promise<StationView> {
  const today = todayInChina();
  const before = await findStation(db, id, today);
  if (!before) throw stationMissing(id);
  scope.authorize(before.regionCode);
  refuse(
    isIsoDate(input.endedOn) ? endProblems(before, input.endedOn) : [['endedOn', msg('日期不存在', 'Not a real date')]],
  );
  const reader = scope.withPermission('force.read');
  return db.transaction().execute(async (trx) => {
    // A stale caller sees the stationing as it is now (409 VERSION_CONFLICT); a current one may not end it twice.
    await bumpVersion(trx, 'stationing', id, version, () => stationDetail(trx, reader, id));
    if (before.endedOn !== null)
      throw conflict(msg(`该驻村任职已于 ${before.endedOn} 结束`, `The stationing already ended on ${before.endedOn}`));
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
        decided_by: actorName(scope.actor),
        decided_at: nowIso(),
        decision_note: `stationing ended: ${input.reason}`,
        version: sql<number>`version + 1`,
      })
      .where('stationing_id', '=', id)
      .where('status', '=', 'pending')
      .returning('id')
      .execute();
    const after = (await findStation(trx, id, today))!;
    await writeAudit(trx, scope.actor, {
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

/**
 * Recalls (召回): a county or township asks to recall a stationed cadre (recall.request), the county
 * decides (recall.approve). Approval ends the stationing on the effective date in the same
 * transaction; rejection leaves it. Recall rows are never deleted (history). A decision names the version it
 * read: of two approvers at once, one wins and the other gets 409 with the recall as decided.
 */
import { sql } from 'kysely';
import type { ApprovalStatus, StationRole } from '../../../shared/forces.ts';
import type { RecallDecision, RecallInput, RecallListQuery } from '../../../shared/contracts/teams.ts';
import type { RecallView } from '../../../shared/contracts/cadres.ts';
import type { Scope } from '../../access/scope.ts';
import { todayInChina } from '../../clock.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { listPage } from '../../db/list.ts';
import { bumpVersion, lockForUpdate } from '../../db/rows.ts';
import { conflict } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { actorName, recallMissing, refuse, stationMissing } from './common.ts';
import { findRecall, findStation, recallQuery, toRecall, type Recall } from './repo.ts';
import { isIsoDate, recallProblems } from './rules.ts';

/** A recall with whether the scope's actor may decide it now. */
export const withDecide = (scope: Scope, r: Recall): RecallView => ({
  ...r,
  canDecide: r.status === 'pending' && scope.can('recall.approve', r.regionCode),
});

export async function recallList(db: Db, scope: Scope, q: Omit<RecallListQuery, 'region'>) {
  const base = db
    .selectFrom('recall as c')
    .$if(!!q.status, (qb) => qb.where('c.status', '=', q.status!))
    .$if(q.personId !== undefined, (qb) => qb.where('c.person_id', '=', q.personId!));
  const { total, rows } = await listPage({
    scope,
    base,
    scopeColumn: 'c.region_code',
    order: (qb) => qb.orderBy('c.requested_at', 'desc').orderBy('c.id', 'desc'),
    page: q,
    id: 'c.id',
    details: async (ids) => (await recallQuery(db).where('c.id', 'in', ids).execute()).map(toRecall),
  });
  return { total, items: rows.map((r) => withDecide(scope, r)) };
}

/** Asks to recall a stationed cadre (recall.request in the village); one pending request per stationing. */
export async function requestRecall(db: Db, scope: Scope, input: RecallInput): Promise<RecallView> {
  const today = todayInChina();
  const station = await findStation(db, input.stationId, today);
  if (!station) throw stationMissing(input.stationId);
  scope.authorize(station.regionCode);
  refuse(
    isIsoDate(input.effectiveDate)
      ? recallProblems({ ...station, role: station.role as StationRole }, input.effectiveDate, today)
      : [['effectiveDate', msg('日期不存在', 'Not a real date')]],
  );
  return db.transaction().execute(async (trx) => {
    // One pending recall per stationing: the stationing row is locked while checking.
    await lockForUpdate(trx, 'stationing', station.id);
    const pending = await trx
      .selectFrom('recall')
      .select('id')
      .where('stationing_id', '=', station.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (pending)
      throw conflict(
        msg(
          `该干部已有待审批的召回申请（编号 ${pending.id}）`,
          `A recall of this stationing is pending (id ${pending.id})`,
        ),
      );
    const values = {
      stationing_id: station.id,
      person_id: station.personId,
      region_code: station.regionCode,
      reason: input.reason,
      note: input.note ?? null,
      effective_date: input.effectiveDate,
      status: 'pending',
      requested_by: actorName(scope.actor),
      requested_at: nowIso(),
    };
    const { id } = await trx.insertInto('recall').values(values).returning('id').executeTakeFirstOrThrow();
    await writeAudit(trx, scope.actor, {
      action: 'create',
      entity: 'recall',
      entityId: id,
      regionCode: station.regionCode,
      after: values,
    });
    return withDecide(scope, (await findRecall(trx, id))!);
  });
}

/**
 * Approves or rejects a pending recall (recall.approve in its village); approval ends the stationing (ended_on =
 * effective date, reason recall). `version` is the recall's as the approver read it.
 */
export async function decideRecall(
  db: Db,
  scope: Scope,
  id: number,
  input: Omit<RecallDecision, 'version'>,
  version: number | undefined,
): Promise<RecallView> {
  const before = await findRecall(db, id);
  if (!before) throw recallMissing(id);
  scope.authorize(before.regionCode);
  const today = todayInChina();
  return db.transaction().execute(async (trx) => {
    await bumpVersion(trx, 'recall', id, version, async () => withDecide(scope, (await findRecall(trx, id))!));
    const status: ApprovalStatus = input.approve ? 'approved' : 'rejected';
    const decided = await trx
      .updateTable('recall')
      .set({ status, decided_by: actorName(scope.actor), decided_at: nowIso(), decision_note: input.note ?? null })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(decided.numUpdatedRows) !== 1)
      throw conflict(msg('该召回申请已处理', 'This recall has already been decided'));
    if (input.approve) {
      const station = (await findStation(trx, before.stationId, today))!;
      if (station.endedOn !== null)
        throw conflict(
          msg(`该驻村任职已于 ${station.endedOn} 结束`, `The stationing already ended on ${station.endedOn}`),
        );
      await trx
        .updateTable('stationing')
        .set({
          ended_on: before.effectiveDate,
          end_reason: 'recall',
          updated_at: nowIso(),
          version: sql<number>`version + 1`,
        })
        .where('id', '=', station.id)
        .execute();
      await writeAudit(trx, scope.actor, {
        action: 'end',
        entity: 'stationing',
        entityId: station.id,
        regionCode: station.regionCode,
        before: station,
        after: { endedOn: before.effectiveDate, endReason: 'recall', recallId: id },
      });
    }
    const after = (await findRecall(trx, id))!;
    await writeAudit(trx, scope.actor, {
      action: input.approve ? 'approve' : 'reject',
      entity: 'recall',
      entityId: id,
      regionCode: before.regionCode,
      before,
      after,
    });
    return withDecide(scope, after);
  });
}

/**
 * Recalls (召回): a county or township asks to recall a stationed cadre (recall.request), the county
 * decides (recall.approve). Approval ends the stationing on the effective date in the same
 * transaction; rejection leaves it. Recall rows are never deleted (history).
 */
import type { ApprovalStatus, RecallReason } from '../../../shared/forces.ts';
import type { Actor } from '../../access/permissions.ts';
import { authorize, can, withinScope } from '../../access/scope.ts';
import { isPostgres } from '../../db/bulk.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { conflict } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { listRange, recallMissing, refuse, stationMissing } from './common.ts';
import { todayInChina } from '../../clock.ts';
import { findRecall, findStation, recallQuery, toRecall, type Recall } from './repo.ts';
import { isIsoDate, recallProblems } from './rules.ts';

const actorName = (actor: Actor) => (actor.kind === 'user' ? actor.username : `(${actor.name})`);

/** A recall with whether the actor may decide it now. */
export const withDecide = (actor: Actor, r: Recall) => ({
  ...r,
  canDecide: r.status === 'pending' && can(actor, 'recall.approve', r.regionCode),
});

export async function recallList(
  db: Db,
  actor: Actor,
  q: { region?: string; status?: ApprovalStatus; personId?: number; page: number; pageSize: number },
) {
  const range = await listRange(db, actor, 'force.read', q.region);
  const base = db
    .selectFrom('recall as c')
    .where('c.region_code', '>=', range.lo)
    .where('c.region_code', '<', range.hi)
    .$if(!!q.status, (qb) => qb.where('c.status', '=', q.status!))
    .$if(q.personId !== undefined, (qb) => qb.where('c.person_id', '=', q.personId!))
    .$call(withinScope(actor, 'force.read', 'c.region_code'));
  const [{ total }, ids] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .select('c.id')
      .orderBy('c.requested_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  const order = new Map(ids.map((r, i) => [r.id, i]));
  const rows = ids.length
    ? await recallQuery(db)
        .where(
          'c.id',
          'in',
          ids.map((r) => r.id),
        )
        .execute()
    : [];
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { total: Number(total), items: rows.map((r) => withDecide(actor, toRecall(r))) };
}

export async function requestRecall(
  db: Db,
  actor: Actor,
  input: { stationId: number; reason: RecallReason; note?: string | null; effectiveDate: string },
) {
  const today = todayInChina();
  const station = await findStation(db, input.stationId, today);
  if (!station) throw stationMissing(input.stationId);
  authorize(actor, 'recall.request', station.regionCode);
  refuse(
    isIsoDate(input.effectiveDate)
      ? recallProblems(station, input.effectiveDate, today)
      : [['effectiveDate', msg('日期不存在', 'Not a real date')]],
  );
  return db.transaction().execute(async (trx) => {
    // One pending recall per stationing: on PostgreSQL the stationing row is locked while checking.
    if (isPostgres(trx))
      await trx.selectFrom('stationing').select('id').where('id', '=', station.id).forUpdate().execute();
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
      requested_by: actorName(actor),
      requested_at: nowIso(),
    };
    const { id } = await trx.insertInto('recall').values(values).returning('id').executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'create',
      entity: 'recall',
      entityId: id,
      regionCode: station.regionCode,
      after: values,
    });
    return withDecide(actor, (await findRecall(trx, id))!);
  });
}

/** Approves or rejects a pending recall; approval ends the stationing (ended_on = effective date, reason recall). */
export async function decideRecall(
  db: Db,
  actor: Actor,
  id: number,
  input: { approve: boolean; note?: string | null },
) {
  const before = await findRecall(db, id);
  if (!before) throw recallMissing(id);
  authorize(actor, 'recall.approve', before.regionCode);
  if (before.status !== 'pending') throw conflict(msg('该召回申请已处理', 'This recall has already been decided'));
  const today = todayInChina();
  return db.transaction().execute(async (trx) => {
    const status: ApprovalStatus = input.approve ? 'approved' : 'rejected';
    const decided = await trx
      .updateTable('recall')
      .set({ status, decided_by: actorName(actor), decided_at: nowIso(), decision_note: input.note ?? null })
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
        .set({ ended_on: before.effectiveDate, end_reason: 'recall', updated_at: nowIso() })
        .where('id', '=', station.id)
        .execute();
      await writeAudit(trx, actor, {
        action: 'end',
        entity: 'stationing',
        entityId: station.id,
        regionCode: station.regionCode,
        before: station,
        after: { endedOn: before.effectiveDate, endReason: 'recall', recallId: id },
      });
    }
    const after = (await findRecall(trx, id))!;
    await writeAudit(trx, actor, {
      action: input.approve ? 'approve' : 'reject',
      entity: 'recall',
      entityId: id,
      regionCode: before.regionCode,
      before,
      after,
    });
    return withDecide(actor, after);
  });
}

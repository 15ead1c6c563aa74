/**
 * Leave requests (请销假) and their approval chain: a leave up to the township limit (policy
 * parameter leave_township_max_days) is decided by the township, a longer one by the county
 * organisation department. The inbox lists the pending leaves the caller may decide, oldest first.
 */
import { sql } from 'kysely';
import type { ApprovalStatus, LeaveApprover } from '../../../shared/forces.ts';
import type { Actor } from '../../access/permissions.ts';
import { authorize, withinScope } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { conflict, forbidden, notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { daysBetween, leaveApprover } from '../cadres/rules.ts';
import { subtreeRange } from '../../../shared/regions.ts';
import {
  authorizeCadre,
  loadCadre,
  numberParam,
  regionRange,
  rejectProblems,
  requireStationOn,
  usernameOf,
} from './context.ts';
import { isIsoDay, leaveHitsRecall, mayDecideLeave, termCovers, type Problem } from './rules.ts';

export interface LeaveInput {
  personId: number;
  startDate: string;
  endDate: string;
  reason: string;
}

function leaveQuery(db: Db) {
  return db
    .selectFrom('leave_request as l')
    .innerJoin('person as p', 'p.id', 'l.person_id')
    .leftJoin('region as r', 'r.code', 'l.region_code')
    .select([
      'l.id',
      'l.person_id',
      'p.name as person_name',
      'l.region_code',
      'r.name as region_name',
      'l.start_date',
      'l.end_date',
      'l.days',
      'l.reason',
      'l.approver',
      'l.status',
      'l.requested_by',
      'l.requested_at',
      'l.decided_by',
      'l.decided_at',
      'l.decision_note',
    ]);
}

type LeaveRow = Awaited<ReturnType<ReturnType<typeof leaveQuery>['executeTakeFirstOrThrow']>>;

/** May the actor decide this leave now (pending, and its grants cover the leave's level and village)? */
export function canDecideLeave(actor: Actor, l: { status: string; approver: string; regionCode: string }): boolean {
  if (l.status !== 'pending') return false;
  return actor.kind === 'system' || mayDecideLeave(actor.grants, l);
}

const leaveView = (actor: Actor, r: LeaveRow) => ({
  id: r.id,
  personId: r.person_id,
  personName: r.person_name,
  regionCode: r.region_code,
  regionName: r.region_name ?? r.region_code,
  startDate: r.start_date,
  endDate: r.end_date,
  days: Number(r.days),
  reason: r.reason,
  approver: r.approver as LeaveApprover,
  status: r.status as ApprovalStatus,
  requestedBy: r.requested_by,
  requestedAt: r.requested_at,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  decisionNote: r.decision_note,
  canDecide: canDecideLeave(actor, { status: r.status, approver: r.approver, regionCode: r.region_code }),
});

export type Leave = ReturnType<typeof leaveView>;

const leaveMissing = (id: number) => notFound(msg(`请假申请不存在：${id}`, `Leave request not found: ${id}`));

async function findLeave(db: Db, id: number) {
  const row = await leaveQuery(db).where('l.id', '=', id).executeTakeFirst();
  if (!row) throw leaveMissing(id);
  return row;
}

/**
 * Requests leave for a stationed cadre. Refused (400, naming the field, nothing written): end before
 * start, the cadre not stationed on the first day, an overlap with another pending or approved leave,
 * an overlap with a recall (pending or approved, effective on or before the last day).
 */
export async function requestLeave(db: Db, actor: Actor, input: LeaveInput): Promise<Leave> {
  const c = await loadCadre(db, input.personId);
  authorizeCadre(actor, 'force.write', c);
  const bad: Problem[] = [];
  for (const f of ['startDate', 'endDate'] as const)
    if (!isIsoDay(input[f])) bad.push([f, msg(`日期格式不正确：${input[f]}`, `Malformed date: ${input[f]}`)]);
  rejectProblems(bad);
  if (input.endDate < input.startDate)
    rejectProblems([['endDate', msg('请假结束日期早于开始日期', 'The leave ends before it starts')]]);
  const station = requireStationOn(actor, 'force.write', c, input.startDate, 'startDate');
  const days = daysBetween(input.startDate, input.endDate);
  const limit = await numberParam(
    db,
    'leave_township_max_days',
    Number(input.startDate.slice(0, 4)),
    station.regionCode,
  );
  const approver = leaveApprover(days, limit);
  const currentStations = c.stations.filter((s) => termCovers(s, input.startDate)).map((s) => s.id);

  return db.transaction().execute(async (trx) => {
    const other = await trx
      .selectFrom('leave_request')
      .select(['start_date', 'end_date', 'status'])
      .where('person_id', '=', c.id)
      .where('status', 'in', ['pending', 'approved'])
      .where('start_date', '<=', input.endDate)
      .where('end_date', '>=', input.startDate)
      .orderBy('start_date')
      .executeTakeFirst();
    if (other)
      rejectProblems([
        [
          'startDate',
          msg(
            `与已有请假（${other.start_date} 至 ${other.end_date}）时间重叠`,
            `Overlaps another leave (${other.start_date} to ${other.end_date})`,
          ),
        ],
      ]);
    const recalls = await trx
      .selectFrom('recall')
      .select(['effective_date', 'status'])
      .where('person_id', '=', c.id)
      .where('stationing_id', 'in', currentStations.length ? currentStations : [0])
      .where('status', 'in', ['pending', 'approved'])
      .orderBy('effective_date')
      .execute();
    const hit = recalls.find((r) => leaveHitsRecall(input.endDate, r.effective_date));
    if (hit)
      rejectProblems([
        [
          'endDate',
          msg(
            `该干部有召回（${hit.effective_date} 生效），请假不能与召回重叠`,
            `The cadre has a recall effective ${hit.effective_date}; a leave cannot overlap a recall`,
          ),
        ],
      ]);
    const { id } = await trx
      .insertInto('leave_request')
      .values({
        person_id: c.id,
        region_code: station.regionCode,
        start_date: input.startDate,
        end_date: input.endDate,
        days,
        reason: input.reason,
        approver,
        status: 'pending',
        requested_by: usernameOf(actor),
        requested_at: nowIso(),
        decided_by: null,
        decided_at: null,
        decision_note: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = leaveView(actor, await findLeave(trx, id));
    await writeAudit(trx, actor, {
      action: 'create',
      entity: 'leave_request',
      entityId: id,
      regionCode: station.regionCode,
      after,
    });
    return after;
  });
}

/** Approves or rejects a pending leave (403 when the actor's grants do not cover it, 409 when not pending). */
export async function decideLeave(
  db: Db,
  actor: Actor,
  id: number,
  input: { approve: boolean; note?: string | null },
): Promise<Leave> {
  const before = await findLeave(db, id);
  const target = { status: 'pending', approver: before.approver, regionCode: before.region_code };
  if (!canDecideLeave(actor, target))
    throw forbidden(
      before.approver === 'county'
        ? msg(
            '该请假超过乡镇审批天数，须由县委组织部审批（或超出您的管辖范围）',
            'This leave exceeds the township limit and needs the county organisation department (or is outside your scope)',
          )
        : msg('该请假超出您的审批范围', 'This leave is outside the region you may approve for'),
    );
  if (before.status !== 'pending')
    throw conflict(msg('该请假申请已处理，不能再审批', 'This leave request has already been decided'));
  return db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('leave_request')
      .set({
        status: input.approve ? 'approved' : 'rejected',
        decided_by: usernameOf(actor),
        decided_at: nowIso(),
        decision_note: input.note ?? null,
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1)
      throw conflict(msg('该请假申请已处理，不能再审批', 'This leave request has already been decided'));
    const after = leaveView(actor, await findLeave(trx, id));
    await writeAudit(trx, actor, {
      action: input.approve ? 'approve' : 'reject',
      entity: 'leave_request',
      entityId: id,
      regionCode: before.region_code,
      before: leaveView(actor, before),
      after,
    });
    return after;
  });
}

/** Cancels a pending or approved leave (by a writer of the leave's village). */
export async function cancelLeave(db: Db, actor: Actor, id: number): Promise<Leave> {
  const before = await findLeave(db, id);
  authorize(actor, 'force.write', before.region_code);
  if (before.status !== 'pending' && before.status !== 'approved')
    throw conflict(msg('该请假申请已驳回或撤销', 'This leave request is already rejected or cancelled'));
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('leave_request')
      .set({ status: 'cancelled' })
      .where('id', '=', id)
      .where('status', 'in', ['pending', 'approved'])
      .execute();
    const after = leaveView(actor, await findLeave(trx, id));
    await writeAudit(trx, actor, {
      action: 'cancel',
      entity: 'leave_request',
      entityId: id,
      regionCode: before.region_code,
      before: leaveView(actor, before),
      after,
    });
    return after;
  });
}

export async function leaveDetail(db: Db, actor: Actor, id: number): Promise<Leave> {
  const row = await findLeave(db, id);
  authorize(actor, 'force.read', row.region_code);
  return leaveView(actor, row);
}

async function page(
  db: Db,
  actor: Actor,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  base: any,
  order: 'asc' | 'desc',
  p: { page: number; pageSize: number },
) {
  const [{ total }, ids] = (await Promise.all([
    base.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow(),
    base
      .select('l.id')
      .orderBy('l.requested_at', order)
      .orderBy('l.id', order)
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize)
      .execute(),
  ])) as [{ total: number | string }, { id: number }[]];
  const rows = ids.length
    ? await leaveQuery(db)
        .where(
          'l.id',
          'in',
          ids.map((r) => r.id),
        )
        .orderBy('l.requested_at', order)
        .orderBy('l.id', order)
        .execute()
    : [];
  return { total: Number(total), items: rows.map((r) => leaveView(actor, r)) };
}

/** Leave requests in scope, newest first. */
export async function listLeaves(
  db: Db,
  actor: Actor,
  q: { region?: string; status?: ApprovalStatus; personId?: number; page: number; pageSize: number },
) {
  const range = await regionRange(db, actor, 'force.read', q.region);
  const base = db
    .selectFrom('leave_request as l')
    .where('l.region_code', '>=', range.lo)
    .where('l.region_code', '<', range.hi)
    .$call(withinScope(actor, 'force.read', 'l.region_code'))
    .$if(!!q.status, (qb) => qb.where('l.status', '=', q.status!))
    .$if(q.personId !== undefined, (qb) => qb.where('l.person_id', '=', q.personId!));
  return page(db, actor, base, 'desc', q);
}

/**
 * The approval inbox: pending leaves the actor may decide, oldest first. One range condition per
 * grant (county/admin: any level; township: township-level only) over leave_region_idx
 * (region_code, status, approver).
 */
export async function leaveInbox(db: Db, actor: Actor, q: { page: number; pageSize: number }) {
  const deciders =
    actor.kind === 'system'
      ? 'all'
      : actor.grants.filter((g) => g.role === 'admin' || g.role === 'county' || g.role === 'township');
  if (deciders !== 'all' && deciders.length === 0) return { total: 0, items: [] as Leave[] };
  const base = db
    .selectFrom('leave_request as l')
    .where('l.status', '=', 'pending')
    .$if(deciders !== 'all', (qb) =>
      qb.where((eb) =>
        eb.or(
          (deciders as { role: string; scopeCode: string }[]).map((g) => {
            const r = subtreeRange(g.scopeCode);
            const inRange = [eb('l.region_code', '>=', r.lo), eb('l.region_code', '<', r.hi)];
            return g.role === 'township' ? eb.and([...inRange, eb('l.approver', '=', 'township')]) : eb.and(inRange);
          }),
        ),
      ),
    );
  return page(db, actor, base, 'asc', q);
}

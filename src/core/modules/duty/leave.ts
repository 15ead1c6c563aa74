/**
 * Leave requests (请销假) and their approval chain: a leave up to the township limit (policy
 * parameter leave_township_max_days) is decided by the township, a longer one by the county
 * organisation department. Decisions and cancellations move the request's version on: of two at
 * once, one wins and the other gets 409 with the request as it is now. Reads are in leave-lists.ts.
 */
import type { DecideBody, Leave, LeaveBody } from '../../../shared/contracts/leave.ts';
import type { ApprovalStatus, LeaveApprover } from '../../../shared/forces.ts';
import type { Scope } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { bumpVersion } from '../../db/rows.ts';
import { conflict, forbidden } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { daysBetween, leaveApprover } from '../cadres/rules.ts';
import { authorizeCadre, loadCadre, numberParam, rejectProblems, requireStationOn, usernameOf } from './context.ts';
import { findLeave, leaveView } from './leave-view.ts';
import { approverRegion, isIsoDay, leaveHitsRecall, termCovers, type Problem } from './rules.ts';

/**
 * Requests leave for a stationed cadre. Refused (400, naming the field, nothing written): end before
 * start, the cadre not stationed on the first day, an overlap with another pending or approved leave,
 * an overlap with a recall (pending or approved, effective on or before the last day).
 */
export async function requestLeave(db: Db, scope: Scope, input: LeaveBody): Promise<Leave> {
  const c = await loadCadre(db, input.personId);
  authorizeCadre(scope, c);
  const bad: Problem[] = [];
  for (const f of ['startDate', 'endDate'] as const)
    if (!isIsoDay(input[f])) bad.push([f, msg(`日期格式不正确：${input[f]}`, `Malformed date: ${input[f]}`)]);
  rejectProblems(bad);
  if (input.endDate < input.startDate)
    rejectProblems([['endDate', msg('请假结束日期早于开始日期', 'The leave ends before it starts')]]);
  const station = requireStationOn(scope, c, input.startDate, 'startDate');
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
        requested_by: usernameOf(scope.actor),
        requested_at: nowIso(),
        decided_by: null,
        decided_at: null,
        decision_note: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = leaveView(scope, await findLeave(trx, id));
    await writeAudit(trx, scope.actor, {
      action: 'create',
      entity: 'leave_request',
      entityId: id,
      regionCode: station.regionCode,
      after,
    });
    return after;
  });
}

const alreadyDecided = () =>
  conflict(msg('该请假申请已处理，不能再审批', 'This leave request has already been decided'));

/**
 * Approves or rejects a pending leave, with the version read (the scope is the caller's leave.approve): 403 when
 * the caller's scope does not hold the leave's deciding region; 409 VERSION_CONFLICT with the request as it is now
 * when it moved on (decided or cancelled meanwhile); 409 when it is no longer pending.
 */
export async function decideLeave(
  db: Db,
  scope: Scope,
  id: number,
  input: DecideBody,
  version: number | undefined,
): Promise<Leave> {
  const leave = await findLeave(db, id);
  if (!scope.covers(approverRegion(leave.region_code, leave.approver as LeaveApprover)))
    throw forbidden(
      leave.approver === 'county'
        ? msg(
            '该请假超过乡镇审批天数，须由县委组织部审批（或超出您的管辖范围）',
            'This leave exceeds the township limit and needs the county organisation department (or is outside your scope)',
          )
        : msg('该请假超出您的审批范围', 'This leave is outside the region you may approve for'),
    );
  return changeStatus(db, scope, id, version, ['pending'], alreadyDecided, {
    action: input.approve ? 'approve' : 'reject',
    set: {
      status: input.approve ? 'approved' : 'rejected',
      decided_by: usernameOf(scope.actor),
      decided_at: nowIso(),
      decision_note: input.note ?? null,
    },
  });
}

/** Cancels a pending or approved leave (by a writer of the leave's village), with the version read. */
export async function cancelLeave(db: Db, scope: Scope, id: number, version: number | undefined): Promise<Leave> {
  const leave = await findLeave(db, id);
  scope.authorize(leave.region_code);
  const closed = () => conflict(msg('该请假申请已驳回或撤销', 'This leave request is already rejected or cancelled'));
  return changeStatus(db, scope, id, version, ['pending', 'approved'], closed, {
    action: 'cancel',
    set: { status: 'cancelled' },
  });
}

/**
 * One transaction of a status change: the version first (428 / 409 with the current request), then the change
 * while the status is one of `from` (else `refused()`), then the audit with the request before and after.
 */
async function changeStatus(
  db: Db,
  scope: Scope,
  id: number,
  version: number | undefined,
  from: readonly ApprovalStatus[],
  refused: () => Error,
  change: {
    action: string;
    set: { status: ApprovalStatus; decided_by?: string; decided_at?: string; decision_note?: string | null };
  },
): Promise<Leave> {
  return db.transaction().execute(async (trx) => {
    const next = await bumpVersion(trx, 'leave_request', id, version, async () =>
      leaveView(scope, await findLeave(trx, id)),
    );
    const row = await findLeave(trx, id);
    if (!from.includes(row.status as ApprovalStatus)) throw refused();
    await trx.updateTable('leave_request').set(change.set).where('id', '=', id).execute();
    const after = leaveView(scope, await findLeave(trx, id));
    await writeAudit(trx, scope.actor, {
      action: change.action,
      entity: 'leave_request',
      entityId: id,
      regionCode: row.region_code,
      before: { ...leaveView(scope, row), version: next - 1 },
      after,
    });
    return after;
  });
}

/**
 * A leave request (请假申请) as every reader and writer shows it: the row with the cadre's and village's names, and
 * whether the caller may decide it now.
 */
import type { ApprovalStatus, LeaveApprover } from '../../../shared/forces.ts';
import type { Leave } from '../../../shared/contracts/leave.ts';
import type { Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { approverRegion } from './rules.ts';

export function leaveQuery(db: Db) {
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
      'l.version',
    ]);
}

export type LeaveRow = Awaited<ReturnType<ReturnType<typeof leaveQuery>['executeTakeFirstOrThrow']>>;

/**
 * May the scope's actor decide this leave now: pending, and leave.approve held where its level decides (the
 * leave's township for a township-level leave, its county for a county-level one)?
 */
export function canDecideLeave(scope: Scope, l: { status: string; approver: string; region_code: string }): boolean {
  return (
    l.status === 'pending' && scope.can('leave.approve', approverRegion(l.region_code, l.approver as LeaveApprover))
  );
}

export const leaveView = (scope: Scope, r: LeaveRow): Leave => ({
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
  canDecide: canDecideLeave(scope, r),
  version: r.version,
});

const leaveMissing = (id: number) => notFound(msg(`请假申请不存在：${id}`, `Leave request not found: ${id}`));

/** The leave's row (404 when unknown); the caller authorizes it. */
export async function findLeave(db: Db, id: number): Promise<LeaveRow> {
  const row = await leaveQuery(db).where('l.id', '=', id).executeTakeFirst();
  if (!row) throw leaveMissing(id);
  return row;
}

/**
 * 请销假 — leave requests of stationed cadres and their approval chain: a leave up to the township limit (policy
 * parameter leave_township_max_days) is decided by the township, a longer one by the county organisation
 * department. Decisions and cancellations carry the version read: of two at once, one wins and the other gets 409.
 */
import { z } from 'zod';
import { codesOf } from '../codes.ts';
import { APPROVAL_STATUSES, LEAVE_APPROVERS } from '../forces.ts';
import { contract } from './contract.ts';
import { Day } from './duty.ts';
import {
  DecisionBody,
  ForcePaging,
  Id,
  IdParam,
  listOf,
  QueryFlag,
  QueryId,
  RegionCode,
  text,
  VersionField,
} from './fields.ts';

const tags = ['duty'];

export const ApprovalStatusSchema = z.enum(codesOf(APPROVAL_STATUSES));
export const LeaveApproverSchema = z.enum(codesOf(LEAVE_APPROVERS));

export const LeaveBody = z.object({ personId: Id, startDate: Day, endDate: Day, reason: text(500) });
export type LeaveBody = z.output<typeof LeaveBody>;

export const LeaveQuery = z.object({
  region: RegionCode.optional(),
  status: ApprovalStatusSchema.optional(),
  personId: QueryId.optional(),
  ...ForcePaging,
});
export type LeaveQuery = z.output<typeof LeaveQuery>;

export const InboxQuery = z.object({
  /** Only the requests still undecided on or after their first day (the workbench's overdue approvals). */
  overdue: QueryFlag,
  ...ForcePaging,
});
export type InboxQuery = z.output<typeof InboxQuery>;

export const Leave = z.object({
  id: z.number(),
  personId: z.number(),
  personName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  days: z.number(),
  reason: z.string(),
  approver: LeaveApproverSchema,
  status: ApprovalStatusSchema,
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** Pending, and the caller holds leave.approve where the leave's level decides (its township or county). */
  canDecide: z.boolean(),
  version: z.number(),
});
export type Leave = z.output<typeof Leave>;

export const DecideBody = DecisionBody.extend(VersionField);
export type DecideBody = z.output<typeof DecideBody>;

/** A cancellation sends only the version read (or If-Match). */
export const CancelBody = z.object(VersionField).nullish();

export const leave = {
  list: contract({
    method: 'GET',
    path: '/api/leaves',
    summary: '请假申请 Leave requests (newest first)',
    tags,
    query: LeaveQuery,
    response: listOf(Leave),
    permission: 'force.read',
    scope: { region: 'query', key: 'region' },
  }),
  inbox: contract({
    method: 'GET',
    path: '/api/leaves/inbox',
    summary:
      '待我审批的请假 Leave approval inbox: the pending leaves the caller’s level decides in its scope, oldest first',
    tags,
    query: InboxQuery,
    response: listOf(Leave),
    permission: 'leave.approve',
    // The caller's whole leave.approve scope: the level of each of its regions says which leaves it decides.
    scope: 'row',
  }),
  detail: contract({
    method: 'GET',
    path: '/api/leaves/:id',
    summary: '请假申请 Leave request',
    tags,
    params: IdParam,
    response: Leave,
    permission: 'force.read',
    scope: 'row',
  }),
  request: contract({
    method: 'POST',
    path: '/api/leaves',
    summary: '申请请假 Request leave',
    tags,
    body: LeaveBody,
    response: Leave,
    status: 201,
    permission: 'force.write',
    scope: 'row',
  }),
  decide: contract({
    method: 'POST',
    path: '/api/leaves/:id/decide',
    summary: '审批请假 Approve or reject leave (send the version read; 409 when someone decided or cancelled first)',
    tags,
    params: IdParam,
    body: DecideBody,
    response: Leave,
    permission: 'leave.approve',
    scope: 'row',
    versioned: true,
  }),
  cancel: contract({
    method: 'POST',
    path: '/api/leaves/:id/cancel',
    summary: '撤销请假 Cancel leave (send the version read; 409 when it was decided or cancelled first)',
    tags,
    params: IdParam,
    body: CancelBody,
    response: Leave,
    permission: 'force.write',
    scope: 'row',
    versioned: true,
  }),
};

/**
 * 考勤与请假 — the daily management of stationed cadres: attendance and days in the village, work logs, leave and
 * its approval inbox, insurance, work funds. Contracts in shared/contracts/duty.ts and leave.ts.
 */
import { duty } from '../../shared/contracts/duty.ts';
import { leave } from '../../shared/contracts/leave.ts';
import { attendanceList, attendanceSummary, cadreDays, recordAttendance } from '../../core/modules/duty/attendance.ts';
import { addSpending, teamFunds } from '../../core/modules/duty/funds.ts';
import { createInsurance, listInsurance } from '../../core/modules/duty/insurance.ts';
import { cancelLeave, decideLeave, requestLeave } from '../../core/modules/duty/leave.ts';
import { leaveDetail, leaveInbox, listLeaves } from '../../core/modules/duty/leave-lists.ts';
import { createWorkLog, listWorkLogs } from '../../core/modules/duty/logs.ts';
import { bind } from '../registrar.ts';
import type { Deps } from './deps.ts';

export const dutyBindings = ({ database: { db } }: Deps) => [
  bind(duty.checkIn, ({ body }, { scope }) => recordAttendance(db, scope, body)),
  bind(duty.attendance, ({ query }, { scope }) => attendanceList(db, scope, query)),
  bind(duty.summary, ({ query }, { scope }) => attendanceSummary(db, scope, query)),
  bind(duty.cadreDays, ({ params, query }, { scope }) => cadreDays(db, scope, params.id, query.year)),
  bind(duty.workLogs, ({ query }, { scope }) => listWorkLogs(db, scope, query)),
  bind(duty.addWorkLog, ({ body }, { scope }) => createWorkLog(db, scope, body)),
  bind(leave.list, ({ query }, { scope }) => listLeaves(db, scope, query)),
  bind(leave.inbox, ({ query }, { scope }) => leaveInbox(db, scope, query)),
  bind(leave.detail, ({ params }, { scope }) => leaveDetail(db, scope, params.id)),
  bind(leave.request, ({ body }, { scope }) => requestLeave(db, scope, body)),
  bind(leave.decide, ({ params, body }, { scope, version }) => decideLeave(db, scope, params.id, body, version)),
  bind(leave.cancel, ({ params }, { scope, version }) => cancelLeave(db, scope, params.id, version)),
  bind(duty.insurance, ({ query }, { scope }) => listInsurance(db, scope, query)),
  bind(duty.addInsurance, ({ body }, { scope }) => createInsurance(db, scope, body)),
  bind(duty.funds, ({ params, query }, { scope }) => teamFunds(db, scope, params.id, query)),
  bind(duty.spend, ({ params, body }, { scope }) => addSpending(db, scope, params.id, body)),
];

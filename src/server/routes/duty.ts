/** 考勤与请假 — daily management of stationed cadres: attendance and days in the village, work logs, leave, insurance, work funds. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { codesOf } from '../../shared/codes.ts';
import { APPROVAL_STATUSES, AWAY_REASONS, LEAVE_APPROVERS, STATION_ROLES } from '../../shared/forces.ts';
import { localized } from '../../core/i18n.ts';
import { isIsoDay } from '../../core/modules/duty/rules.ts';
import { attendanceList, attendanceSummary, cadreDays, recordAttendance } from '../../core/modules/duty/attendance.ts';
import { addSpending, teamFunds } from '../../core/modules/duty/funds.ts';
import { createInsurance, listInsurance } from '../../core/modules/duty/insurance.ts';
import { createWorkLog, listWorkLogs } from '../../core/modules/duty/logs.ts';
import {
  cancelLeave,
  decideLeave,
  leaveDetail,
  leaveInbox,
  listLeaves,
  requestLeave,
} from '../../core/modules/duty/leave.ts';
import { actorOf } from '../plugins/auth.ts';
import {
  DecisionBody,
  ForcePaging as Paging,
  IdParam,
  listOf,
  optionalText,
  QueryFlag as Flag,
  QueryId,
  QueryYear,
} from '../schemas.ts';
import type { Deps } from './deps.ts';

/** Lists of this module: page, pageSize up to 200. */

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, localized('日期格式应为 YYYY-MM-DD', 'A date looks like YYYY-MM-DD'))
  .refine(isIsoDay, localized('日期不存在', 'No such date'));
const Id = QueryId;
const Year = QueryYear;
const Region = z.string().max(20).optional();
const text = (max: number) => z.string().trim().min(1).max(max);

const DayRecord = z.object({
  personId: z.number(),
  regionCode: z.string(),
  day: z.string(),
  present: z.boolean(),
  awayReason: z.enum(codesOf(AWAY_REASONS)).nullable(),
  note: z.string().nullable(),
});

const DaysFigures = {
  checkInDays: z.number(),
  approvedLeaveDays: z.number(),
  awayDays: z.number(),
  unapprovedAwayDays: z.number(),
  days: z.number(),
  expected: z.number(),
  minimum: z.number(),
  behind: z.boolean(),
};

const SummaryItem = z.object({
  personId: z.number(),
  name: z.string(),
  role: z.enum(codesOf(STATION_ROLES)),
  regionCode: z.string(),
  regionName: z.string(),
  ...DaysFigures,
});

const WorkLog = z.object({
  id: z.number(),
  personId: z.number(),
  personName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  day: z.string(),
  content: z.string(),
});

const Leave = z.object({
  id: z.number(),
  personId: z.number(),
  personName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  days: z.number(),
  reason: z.string(),
  approver: z.enum(codesOf(LEAVE_APPROVERS)),
  status: z.enum(codesOf(APPROVAL_STATUSES)),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  canDecide: z.boolean(),
});

const Insurance = z.object({
  id: z.number(),
  personId: z.number(),
  personName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  insurer: z.string(),
  policyNo: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  expired: z.boolean(),
  expiresInDays: z.number(),
});

export const dutyRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps.database;
    const tags = ['duty'];

    // ---- attendance and days in the village ----

    app.post(
      '/api/attendance',
      {
        schema: {
          tags,
          summary: '驻村考勤 Check in (one record per cadre and day)',
          body: z.object({
            personId: Id,
            day: Day,
            present: z.boolean(),
            awayReason: z.enum(codesOf(AWAY_REASONS)).nullable().optional(),
            note: optionalText(200),
          }),
          response: { 200: DayRecord },
        },
      },
      async (req) => recordAttendance(db, actorOf(req), req.body),
    );

    app.get(
      '/api/attendance',
      {
        schema: {
          tags,
          summary: '干部考勤记录 Attendance of a cadre',
          querystring: z.object({ personId: Id, from: Day.optional(), to: Day.optional() }),
          response: {
            200: z.object({
              personId: z.number(),
              from: z.string(),
              to: z.string(),
              items: z.array(DayRecord),
              total: z.number(),
            }),
          },
        },
      },
      async (req) => attendanceList(db, actorOf(req), req.query),
    );

    app.get(
      '/api/attendance/summary',
      {
        schema: {
          tags,
          summary: '在村天数汇总 Days in the village by cadre',
          querystring: z.object({ region: Region, year: Year.optional(), behind: Flag, ...Paging }),
          response: { 200: listOf(SummaryItem).extend({ year: z.number(), behind: z.number() }) },
        },
      },
      async (req) => attendanceSummary(db, actorOf(req), req.query),
    );

    app.get(
      '/api/cadres/:id/days',
      {
        schema: {
          tags,
          summary: '干部在村天数 Days in the village of a cadre',
          params: IdParam,
          querystring: z.object({ year: Year.optional() }),
          response: { 200: z.object({ personId: z.number(), year: z.number(), ...DaysFigures }) },
        },
      },
      async (req) => cadreDays(db, actorOf(req), req.params.id, req.query.year),
    );

    // ---- work logs ----

    app.get(
      '/api/work-logs',
      {
        schema: {
          tags,
          summary: '驻村日志 Work logs',
          querystring: z.object({
            region: Region,
            personId: Id.optional(),
            from: Day.optional(),
            to: Day.optional(),
            ...Paging,
          }),
          response: { 200: listOf(WorkLog) },
        },
      },
      async (req) => listWorkLogs(db, actorOf(req), req.query),
    );

    app.post(
      '/api/work-logs',
      {
        schema: {
          tags,
          summary: '写驻村日志 Add a work log',
          body: z.object({ personId: Id, day: Day, content: text(5000) }),
          response: { 201: WorkLog },
        },
      },
      async (req, reply) => reply.status(201).send(await createWorkLog(db, actorOf(req), req.body)),
    );

    // ---- leave ----

    app.get(
      '/api/leaves',
      {
        schema: {
          tags,
          summary: '请假申请 Leave requests',
          querystring: z.object({
            region: Region,
            status: z.enum(codesOf(APPROVAL_STATUSES)).optional(),
            personId: Id.optional(),
            ...Paging,
          }),
          response: { 200: listOf(Leave) },
        },
      },
      async (req) => listLeaves(db, actorOf(req), req.query),
    );

    app.get(
      '/api/leaves/inbox',
      {
        schema: {
          tags,
          summary: '待我审批的请假 Leave approval inbox (oldest first)',
          querystring: z.object({ ...Paging }),
          response: { 200: listOf(Leave) },
        },
      },
      async (req) => leaveInbox(db, actorOf(req), req.query),
    );

    app.get(
      '/api/leaves/:id',
      { schema: { tags, summary: '请假申请 Leave request', params: IdParam, response: { 200: Leave } } },
      async (req) => leaveDetail(db, actorOf(req), req.params.id),
    );

    app.post(
      '/api/leaves',
      {
        schema: {
          tags,
          summary: '申请请假 Request leave',
          body: z.object({ personId: Id, startDate: Day, endDate: Day, reason: text(500) }),
          response: { 201: Leave },
        },
      },
      async (req, reply) => reply.status(201).send(await requestLeave(db, actorOf(req), req.body)),
    );

    app.post(
      '/api/leaves/:id/decide',
      {
        schema: {
          tags,
          summary: '审批请假 Approve or reject leave',
          params: IdParam,
          body: DecisionBody,
          response: { 200: Leave },
        },
      },
      async (req) => decideLeave(db, actorOf(req), req.params.id, req.body),
    );

    app.post(
      '/api/leaves/:id/cancel',
      { schema: { tags, summary: '撤销请假 Cancel leave', params: IdParam, response: { 200: Leave } } },
      async (req) => cancelLeave(db, actorOf(req), req.params.id),
    );

    // ---- insurance ----

    app.get(
      '/api/insurance',
      {
        schema: {
          tags,
          summary: '意外伤害保险 Accident insurance',
          querystring: z.object({
            region: Region,
            personId: Id.optional(),
            expiringWithin: z.coerce.number().int().min(0).max(3660).optional(),
            expired: Flag,
            ...Paging,
          }),
          response: { 200: listOf(Insurance) },
        },
      },
      async (req) => listInsurance(db, actorOf(req), req.query),
    );

    app.post(
      '/api/insurance',
      {
        schema: {
          tags,
          summary: '登记保险 Record insurance',
          body: z.object({
            personId: Id,
            insurer: text(100),
            policyNo: optionalText(50),
            startDate: Day,
            endDate: Day,
          }),
          response: { 201: Insurance },
        },
      },
      async (req, reply) => reply.status(201).send(await createInsurance(db, actorOf(req), req.body)),
    );

    // ---- team work funds ----

    const FundEntry = z.object({ id: z.number(), spentOn: z.string(), amount: z.number(), purpose: z.string() });

    app.get(
      '/api/teams/:id/funds',
      {
        schema: {
          tags,
          summary: '工作队经费 Work funds of a team',
          params: IdParam,
          querystring: z.object({ year: Year.optional() }),
          response: {
            200: z.object({
              teamId: z.number(),
              teamName: z.string(),
              regionCode: z.string(),
              regionName: z.string(),
              year: z.number(),
              budget: z.number(),
              spent: z.number(),
              balance: z.number(),
              entries: z.array(FundEntry),
            }),
          },
        },
      },
      async (req) => teamFunds(db, actorOf(req), req.params.id, req.query.year),
    );

    app.post(
      '/api/teams/:id/funds',
      {
        schema: {
          tags,
          summary: '登记经费支出 Add a spending entry',
          params: IdParam,
          body: z.object({
            spentOn: Day,
            amount: z.number().positive(localized('支出金额应大于 0', 'The amount must be greater than 0')).max(1e9),
            purpose: text(200),
          }),
          response: {
            201: FundEntry.extend({ teamId: z.number(), year: z.number(), balance: z.number() }),
          },
        },
      },
      async (req, reply) => reply.status(201).send(await addSpending(db, actorOf(req), req.params.id, req.body)),
    );
  };

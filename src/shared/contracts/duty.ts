/**
 * 考勤与日常管理 — the daily management of stationed cadres: attendance (考勤) and days in the village (在村天数),
 * work logs (驻村日志), accident insurance (意外伤害保险) and team work funds (工作经费). Leave is in ./leave.ts,
 * assessments and honours in ./assessments.ts.
 */
import { z } from 'zod';
import { codesOf } from '../codes.ts';
import { AWAY_REASONS, STATION_ROLES } from '../forces.ts';
import { localized } from '../lang.ts';
import { contract } from './contract.ts';
import {
  DateString,
  ForcePaging,
  Id,
  IdParam,
  listOf,
  optionalText,
  Paging,
  QueryFlag,
  QueryId,
  QueryYear,
  RegionCode,
  text,
} from './fields.ts';

const tags = ['duty'];

/** A real calendar day 'YYYY-MM-DD' (not 2026-02-30). */
export function isIsoDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A day of the calendar, YYYY-MM-DD, that exists. */
export const Day = DateString.refine(isIsoDay, localized('日期不存在', 'No such date'));

const Region = RegionCode.optional();

// ---- attendance and days in the village ----

export const AwayReasonSchema = z.enum(codesOf(AWAY_REASONS));
export const StationRoleSchema = z.enum(codesOf(STATION_ROLES));

export const CheckInBody = z.object({
  personId: Id,
  day: Day,
  present: z.boolean(),
  awayReason: AwayReasonSchema.nullable().optional(),
  note: optionalText(200),
});
export type CheckInBody = z.output<typeof CheckInBody>;

export const DayRecord = z.object({
  personId: z.number(),
  regionCode: z.string(),
  day: z.string(),
  present: z.boolean(),
  awayReason: AwayReasonSchema.nullable(),
  note: z.string().nullable(),
});
export type DayRecord = z.output<typeof DayRecord>;

/** A cadre's days from `from` to `to`; a year of days fits one page. */
export const AttendanceQuery = z.object({
  personId: QueryId,
  from: Day.optional(),
  to: Day.optional(),
  page: Paging.page,
  pageSize: z.coerce.number<number | string>().int().min(1).max(366).default(366),
});
export type AttendanceQuery = z.output<typeof AttendanceQuery>;

export const AttendancePage = listOf(DayRecord).extend({ personId: z.number(), from: z.string(), to: z.string() });

export const DaysFigures = z.object({
  checkInDays: z.number(),
  approvedLeaveDays: z.number(),
  awayDays: z.number(),
  unapprovedAwayDays: z.number(),
  days: z.number(),
  expected: z.number(),
  minimum: z.number(),
  behind: z.boolean(),
});
export type DaysFigures = z.output<typeof DaysFigures>;

export const CadreDays = DaysFigures.extend({ personId: z.number(), year: z.number() });
export type CadreDays = z.output<typeof CadreDays>;

export const SummaryQuery = z.object({ region: Region, year: QueryYear.optional(), behind: QueryFlag, ...ForcePaging });
export type SummaryQuery = z.output<typeof SummaryQuery>;

export const SummaryRow = DaysFigures.extend({
  personId: z.number(),
  name: z.string(),
  role: StationRoleSchema,
  regionCode: z.string(),
  regionName: z.string(),
});
export type SummaryRow = z.output<typeof SummaryRow>;

/** The page, the year, and how many cadres of the whole list are behind the pace. */
export const SummaryPage = listOf(SummaryRow).extend({ year: z.number(), behind: z.number() });

// ---- work logs ----

export const WorkLogBody = z.object({ personId: Id, day: Day, content: text(5000) });
export type WorkLogBody = z.output<typeof WorkLogBody>;

export const WorkLogQuery = z.object({
  region: Region,
  personId: QueryId.optional(),
  from: Day.optional(),
  to: Day.optional(),
  ...ForcePaging,
});
export type WorkLogQuery = z.output<typeof WorkLogQuery>;

export const WorkLog = z.object({
  id: z.number(),
  personId: z.number(),
  personName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  day: z.string(),
  content: z.string(),
  version: z.number(),
});
export type WorkLog = z.output<typeof WorkLog>;

// ---- accident insurance ----

export const InsuranceBody = z.object({
  personId: Id,
  insurer: text(100),
  policyNo: optionalText(50),
  startDate: Day,
  endDate: Day,
});
export type InsuranceBody = z.output<typeof InsuranceBody>;

export const InsuranceQuery = z.object({
  region: Region,
  personId: QueryId.optional(),
  /** Policies still running that end within so many days. */
  expiringWithin: z.coerce.number<number | string>().int().min(0).max(3660).optional(),
  expired: QueryFlag,
  ...ForcePaging,
});
export type InsuranceQuery = z.output<typeof InsuranceQuery>;

export const Insurance = z.object({
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
  version: z.number(),
});
export type Insurance = z.output<typeof Insurance>;

// ---- team work funds ----

export const FundsQuery = z.object({ year: QueryYear.optional(), ...ForcePaging });
export type FundsQuery = z.output<typeof FundsQuery>;

export const FundEntry = z.object({
  id: z.number(),
  spentOn: z.string(),
  amount: z.number(),
  purpose: z.string(),
  version: z.number(),
});
export type FundEntry = z.output<typeof FundEntry>;

/** A team's year: budget, spent and balance (yuan), and a page of its spending entries (`total` of them). */
export const Funds = z.object({
  teamId: z.number(),
  teamName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  year: z.number(),
  budget: z.number(),
  spent: z.number(),
  balance: z.number(),
  entries: z.array(FundEntry),
  total: z.number(),
});
export type Funds = z.output<typeof Funds>;

export const SpendingBody = z.object({
  spentOn: Day,
  amount: z.number().positive(localized('支出金额应大于 0', 'The amount must be greater than 0')).max(1e9),
  purpose: text(200),
});
export type SpendingBody = z.output<typeof SpendingBody>;

export const Spending = FundEntry.extend({ teamId: z.number(), year: z.number(), balance: z.number() });
export type Spending = z.output<typeof Spending>;

export const duty = {
  checkIn: contract({
    method: 'POST',
    path: '/api/attendance',
    summary: '驻村考勤 Check in (one record per cadre and day; a second one corrects it)',
    tags,
    body: CheckInBody,
    response: DayRecord,
    permission: 'force.write',
    scope: 'row',
  }),
  attendance: contract({
    method: 'GET',
    path: '/api/attendance',
    summary: '干部考勤记录 Attendance of a cadre (the days in the caller’s scope)',
    tags,
    query: AttendanceQuery,
    response: AttendancePage,
    permission: 'force.read',
    scope: 'row',
  }),
  summary: contract({
    method: 'GET',
    path: '/api/attendance/summary',
    summary: '在村天数汇总 Days in the village by cadre',
    tags,
    query: SummaryQuery,
    response: SummaryPage,
    permission: 'force.read',
    scope: { region: 'query', key: 'region' },
  }),
  cadreDays: contract({
    method: 'GET',
    path: '/api/cadres/:id/days',
    summary: '干部在村天数 Days in the village of a cadre',
    tags,
    params: IdParam,
    query: z.object({ year: QueryYear.optional() }),
    response: CadreDays,
    permission: 'force.read',
    scope: 'row',
  }),
  workLogs: contract({
    method: 'GET',
    path: '/api/work-logs',
    summary: '驻村日志 Work logs',
    tags,
    query: WorkLogQuery,
    response: listOf(WorkLog),
    permission: 'force.read',
    scope: { region: 'query', key: 'region' },
  }),
  addWorkLog: contract({
    method: 'POST',
    path: '/api/work-logs',
    summary: '写驻村日志 Add a work log',
    tags,
    body: WorkLogBody,
    response: WorkLog,
    status: 201,
    permission: 'force.write',
    scope: 'row',
  }),
  insurance: contract({
    method: 'GET',
    path: '/api/insurance',
    summary: '意外伤害保险 Accident insurance',
    tags,
    query: InsuranceQuery,
    response: listOf(Insurance),
    permission: 'force.read',
    scope: { region: 'query', key: 'region' },
  }),
  addInsurance: contract({
    method: 'POST',
    path: '/api/insurance',
    summary: '登记保险 Record insurance',
    tags,
    body: InsuranceBody,
    response: Insurance,
    status: 201,
    permission: 'force.write',
    scope: 'row',
  }),
  funds: contract({
    method: 'GET',
    path: '/api/teams/:id/funds',
    summary: '工作队经费 Work funds of a team (budget, spent, balance, a page of entries)',
    tags,
    params: IdParam,
    query: FundsQuery,
    response: Funds,
    permission: 'force.read',
    scope: 'row',
  }),
  spend: contract({
    method: 'POST',
    path: '/api/teams/:id/funds',
    summary: '登记经费支出 Add a spending entry (never beyond the balance)',
    tags,
    params: IdParam,
    body: SpendingBody,
    response: Spending,
    status: 201,
    permission: 'force.write',
    scope: 'row',
  }),
};

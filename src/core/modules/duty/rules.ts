/**
 * Daily management rules (日常管理), pure: assessment periods, the window of a cadre's yearly pace,
 * check-in problems, leave overlaps, which region decides a leave, insurance expiry, work-fund balance.
 * No I/O and no clock: "today" is always passed in.
 */
import type { AssessmentKind, LeaveApprover, StationRole } from '../../../shared/forces.ts';
import { STATIONED_ROLES } from '../../../shared/forces.ts';
import { msg, type Msg } from '../../i18n.ts';
import type { CodeRange } from '../../../shared/regions.ts';
import { daysBetween } from '../cadres/rules.ts';

/** A real calendar day 'YYYY-MM-DD' (not 2026-02-30); the contracts' Day field checks the same. */
export { isIsoDay } from '../../../shared/contracts/duty.ts';

export type Problem = [field: string, message: Msg];

/** The day `n` days after `iso` (n may be negative). */
export function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The date range of an assessment period: half_year '2026H1' (Jan–Jun) / '2026H2' (Jul–Dec), annual
 * '2026'. Null when the period does not fit the kind.
 */
export function periodRange(kind: AssessmentKind, period: string): { from: string; to: string } | null {
  if (kind === 'annual') {
    if (!/^\d{4}$/.test(period)) return null;
    return { from: `${period}-01-01`, to: `${period}-12-31` };
  }
  const m = /^(\d{4})H([12])$/.exec(period);
  if (!m) return null;
  return m[2] === '1' ? { from: `${m[1]}-01-01`, to: `${m[1]}-06-30` } : { from: `${m[1]}-07-01`, to: `${m[1]}-12-31` };
}

/** The kind a period string denotes ('2026H1' → half_year, '2026' → annual), or null. */
export function kindOfPeriod(period: string): AssessmentKind | null {
  if (/^\d{4}$/.test(period)) return 'annual';
  if (/^\d{4}H[12]$/.test(period)) return 'half_year';
  return null;
}

/** Problems of an assessment's kind, period and score; a period that has not begun yet is refused. */
export function assessmentProblems(a: {
  kind: AssessmentKind;
  period: string;
  score?: number | null;
  today: string;
}): Problem[] {
  const out: Problem[] = [];
  const range = periodRange(a.kind, a.period);
  if (!range)
    out.push([
      'period',
      a.kind === 'annual'
        ? msg('年度考核的期间应为 4 位年份，如 2026', 'An annual period is a year, e.g. 2026')
        : msg('半年考核的期间应为 2026H1 或 2026H2 的形式', 'A half-year period looks like 2026H1 or 2026H2'),
    ]);
  else if (range.from > a.today)
    out.push(['period', msg(`考核期间 ${a.period} 尚未开始`, `The period ${a.period} has not begun yet`)]);
  if (a.score !== undefined && a.score !== null && !(Number.isInteger(a.score) && a.score >= 0 && a.score <= 100))
    out.push(['score', msg('分数应为 0–100 的整数', 'The score is a whole number from 0 to 100')]);
  return out;
}

/** A stationing term as stored: planned end is ignored, the actual end (ended_on) closes it. */
export interface StationTerm {
  role: string;
  start: string;
  endedOn: string | null;
}

export const isStationedRole = (role: string) => (STATIONED_ROLES as readonly string[]).includes(role as StationRole);

/** Is the term current on `day` (started, not ended before)? */
export const termCovers = (t: { start: string; endedOn: string | null }, day: string) =>
  t.start <= day && (t.endedOn === null || t.endedOn >= day);

/**
 * The window of `year` over which a cadre's pace is measured: from the first day stationed in the
 * year to the earliest of today, the year's end and the end of the last stationed term. Null when the
 * cadre is not stationed in the year up to today (nothing is expected then).
 */
export function paceWindow(
  year: number,
  today: string,
  terms: readonly StationTerm[],
): { since: string; until: string } | null {
  const y0 = `${year}-01-01`;
  const y1 = `${year}-12-31`;
  const stationed = terms.filter((t) => isStationedRole(t.role) && t.start <= y1 && (t.endedOn ?? y1) >= y0);
  if (stationed.length === 0) return null;
  const first = stationed.reduce((a, t) => (t.start < a ? t.start : a), y1);
  const since = first > y0 ? first : y0;
  const lastEnd = stationed.some((t) => t.endedOn === null)
    ? y1
    : stationed.reduce((a, t) => (t.endedOn! > a ? t.endedOn! : a), y0);
  const until = [today, y1, lastEnd].reduce((a, b) => (b < a ? b : a));
  return until >= since ? { since, until } : null;
}

/** Number of distinct days covered by inclusive [start, end] intervals, clipped to [from, to]. */
export function unionDays(intervals: readonly { start: string; end: string }[], from: string, to: string): number {
  const clipped = intervals
    .map((i) => ({ start: i.start > from ? i.start : from, end: i.end < to ? i.end : to }))
    .filter((i) => i.start <= i.end)
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  let total = 0;
  let curStart: string | null = null;
  let curEnd = '';
  for (const i of clipped) {
    if (curStart !== null && i.start <= addDays(curEnd, 1)) {
      if (i.end > curEnd) curEnd = i.end;
      continue;
    }
    if (curStart !== null) total += daysBetween(curStart, curEnd);
    curStart = i.start;
    curEnd = i.end;
  }
  if (curStart !== null) total += daysBetween(curStart, curEnd);
  return total;
}

/** Problems of a check-in: a future day, away without a reason. */
export function checkInProblems(c: { day: string; today: string; present: boolean; awayReason?: string | null }) {
  const out: Problem[] = [];
  if (c.day > c.today)
    out.push(['day', msg(`不能为未来日期 ${c.day} 考勤`, `Cannot check in for a future day (${c.day})`)]);
  if (!c.present && !c.awayReason)
    out.push(['awayReason', msg('不在村时须填写原因', 'A reason is required when away from the village')]);
  return out;
}

/** Do the inclusive day ranges [aStart, aEnd] and [bStart, bEnd] share a day? */
export const rangesOverlap = (aStart: string, aEnd: string, bStart: string, bEnd: string) =>
  aStart <= bEnd && bStart <= aEnd;

/**
 * A leave overlaps a recall when the recall (pending or approved) takes effect on or before the
 * leave's last day: the cadre would be on leave while (or after) being recalled.
 */
export const leaveHitsRecall = (leaveEnd: string, recallEffective: string) => recallEffective <= leaveEnd;

/**
 * The region whose approver decides a leave of level `approver` in village `regionCode`: its township for a
 * township-level (short) leave, its county for a county-level one. A holder of leave.approve decides the leave
 * when that region lies in its scope: a township approver decides the short leaves of its township, a county
 * approver every leave of its county.
 */
export function approverRegion(regionCode: string, approver: LeaveApprover): string {
  return approver === 'township' ? regionCode.slice(0, 9).padEnd(12, '0') : regionCode.slice(0, 6).padEnd(12, '0');
}

const LEAVE_APPROVER_LEVELS: readonly LeaveApprover[] = ['township', 'county'];

/**
 * The approver levels whose leaves inside `range` (a subtree of leave.approve) its holder decides: those whose
 * deciding region (approverRegion) of a leave in the range lies in the range too — both for a county or wider,
 * the township level for a township, none below.
 */
export function decidedLevels(range: CodeRange): LeaveApprover[] {
  const inRange = (code: string) => code >= range.lo && code < range.hi;
  return LEAVE_APPROVER_LEVELS.filter((level) => inRange(approverRegion(range.lo, level)));
}

/** Days from `today` to the policy's last day (0 = ends today, negative = expired). */
export const expiresInDays = (endDate: string, today: string) => daysBetween(today, endDate) - 1;

/** Integer cents of an amount in yuan (amounts are kept with 2 decimals). */
export const toCents = (yuan: number) => Math.round(yuan * 100);

/** A spending entry must be positive and within the remaining balance (both in cents). */
export function spendingProblems(amountCents: number, balanceCents: number): Problem[] {
  if (amountCents <= 0) return [['amount', msg('支出金额应大于 0', 'The amount must be greater than 0')]];
  if (amountCents > balanceCents) {
    const b = (balanceCents / 100).toFixed(2);
    return [
      [
        'amount',
        msg(
          `支出超出工作经费余额（余额 ${b} 元）`,
          `The spending exceeds the remaining work funds (balance ${b} yuan)`,
        ),
      ],
    ];
  }
  return [];
}

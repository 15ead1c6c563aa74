/**
 * A year of daily management of the stationed cadres, up to the demo day: attendance (check-ins, away
 * days with reasons), leave requests (mostly approved; pending ones in the inboxes of 擂鼓镇 and the
 * county, some longer than the township may grant; a few rejected), weekly work logs, accident
 * insurance (a few expiring within 30 days), work-fund spending per team, the 2025 and 2026H1
 * assessments and the 2025 honours. Most cadres keep the 200-day pace; a few fall behind.
 */
import { refreshAttendanceYears } from '../../duty/days.ts';
import type { AssessmentGrade, AwayReason } from '../../../../shared/forces.ts';
import type { Db } from '../../../db/index.ts';
import { leaveApprover } from '../../cadres/rules.ts';
import { seedOf, rng, type Rng } from '../random.ts';
import { ASSESSMENT_COMMENTS, FUND_PURPOSES, INSURERS, logContent } from './catalogue.ts';
import {
  addDays,
  addWorkdays,
  addYears,
  at,
  DEMO_TODAY,
  DEMO_YEAR,
  diffDays,
  insertRows,
  INT,
  isWorkday,
  maxDay,
  minDay,
  NUMERIC,
  officeTime,
  quota,
  shuffle,
  weekday,
  workdayBetween,
  workdayUntil,
  yuan,
} from './common.ts';
import type { Stationed, Team } from './stations.ts';

export interface DutyContext {
  seed: string;
  countyName: string;
  /** Townships whose users' inboxes get pending leaves (short ones for the township, long ones for the county). */
  inboxTownships: string[];
  leaveTownshipMaxDays: number;
  fundPerTeam: number;
  townshipDesk: (township: string) => string;
  countyDesk: string;
  onProgress: (done: number, total: number) => void;
}

type LeaveStatus = 'approved' | 'pending' | 'rejected';
interface Leave {
  start: string;
  end: string;
  status: LeaveStatus;
}

const LEAVE_REASONS = [
  '家中老人生病住院需陪护',
  '子女升学事宜',
  '本人身体不适就医',
  '回派出单位参加年度考核',
  '处理家庭事务',
  '配偶生育陪护',
  '参加职称考试',
];
const APPROVE_NOTES = [
  '同意',
  '同意，请安排好村内工作，按时销假',
  '同意。请假期间工作由工作队其他队员代管',
  '准假，注意安全，返岗后及时销假',
  '同意，请提前做好工作交接',
];
const REJECT_NOTES = [
  '驻村工作任务重，暂不批准，请合理安排时间',
  '近期迎检任务重，暂缓请假',
  '本月在村天数不足，暂不批准',
];
const leaveReason = (r: Rng, start: string) =>
  start.slice(5, 7) <= '02' && r.chance(0.5) ? '春节假期轮休' : r.pick(LEAVE_REASONS);
const AWAY_NOTES: Record<AwayReason, string[]> = {
  leave: [],
  meeting: ['参加县乡驻村工作会议', '参加县委组织部驻村干部座谈会'],
  training: ['参加驻村干部轮训', '参加乡村振兴专题培训班'],
  business: ['赴派出单位汇报帮扶项目', '到县直部门办理项目手续', '赴县城对接农产品销售'],
  other: ['家中有事', '未请假离村'],
};
const AWAY_REASON_POOL: AwayReason[] = ['meeting', 'meeting', 'training', 'business', 'business', 'business', 'other'];

/**
 * The pending and rejected leaves: [township code or null (anywhere), length in days, start, status].
 * Past pending ones have away days already (approving them raises the days in the village); future ones
 * none yet. Short = the township approves, long = the county.
 */
function specialLeaves(
  inbox: string[],
): { township: string | null; start: string; days: number; status: LeaveStatus }[] {
  const [first, second] = inbox;
  return [
    { township: first ?? null, start: '2026-11-17', days: 3, status: 'pending' },
    { township: first ?? null, start: '2026-11-18', days: 2, status: 'pending' },
    { township: first ?? null, start: '2026-11-24', days: 2, status: 'pending' },
    { township: first ?? null, start: '2026-11-13', days: 6, status: 'pending' },
    { township: first ?? null, start: '2026-11-26', days: 5, status: 'pending' },
    { township: second ?? null, start: '2026-11-25', days: 2, status: 'pending' },
    { township: null, start: '2026-11-10', days: 5, status: 'pending' },
    { township: null, start: '2026-12-01', days: 5, status: 'pending' },
    { township: null, start: '2026-10-12', days: 5, status: 'rejected' },
    { township: null, start: '2026-09-03', days: 2, status: 'rejected' },
    { township: null, start: '2026-06-22', days: 2, status: 'rejected' },
  ];
}

const overlapsAny = (list: Leave[], start: string, end: string) => list.some((l) => l.start <= end && start <= l.end);

/** Regular leaves inside [from, to]: 0–3 of them, mostly 1–3 days, some 4–7 (the county approves those). */
function plannedLeaves(r: Rng, from: string, to: string): Leave[] {
  const out: Leave[] = [];
  const count = [0, 1, 1, 1, 2, 2, 3][r.int(0, 6)]!;
  for (let i = 0, tries = 0; i < count && tries < 20; tries++) {
    const days = r.chance(0.8) ? r.int(1, 3) : r.int(4, 7);
    const span = diffDays(from, to) - days;
    if (span < 0) break;
    const start = addDays(from, r.int(0, span));
    const end = addDays(start, days - 1);
    if (overlapsAny(out, addDays(start, -2), addDays(end, 2))) continue;
    out.push({ start, end, status: 'approved' });
    i++;
  }
  return out;
}

const grade = (r: Rng): AssessmentGrade => {
  const x = r.next();
  return x < 0.2 ? 'excellent' : x < 0.9 ? 'competent' : 'basic';
};
const SCORES: Record<AssessmentGrade, [number, number]> = {
  excellent: [90, 98],
  competent: [75, 89],
  basic: [62, 74],
  incompetent: [45, 59],
};

export async function loadDuty(
  db: Db,
  stationed: Stationed[],
  teams: Team[],
  ctx: DutyContext,
): Promise<Record<string, number>> {
  const r = rng(seedOf(`duty:${ctx.seed}`));
  const yearStart = `${DEMO_YEAR}-01-01`;
  const windowOf = (s: Stationed) => ({
    from: maxDay(s.start, yearStart),
    to: minDay(s.endedOn ?? DEMO_TODAY, DEMO_TODAY),
  });

  // Who falls behind the pace: about 5% of the current cadres, and those recalled for their work.
  const current = stationed.filter((s) => !s.endedOn);
  const behind = new Set<number>(
    shuffle(
      r,
      current.filter((s) => s.start <= yearStart && !s.pendingRecall && s.village.code !== '420323104211'),
    )
      .slice(0, Math.round(current.length * 0.05))
      .map((s) => s.personId),
  );
  for (const s of stationed)
    if (s.pendingRecall || s.recall === 'ineffective' || s.recall === 'discipline') behind.add(s.personId);

  // Leaves: regular ones for everyone, then the pending and rejected ones on cadres free at those dates.
  const leaves = new Map<number, Leave[]>();
  for (const s of stationed) {
    const w = windowOf(s);
    // a recalled cadre's leaves end before the recall takes effect
    const to = s.endedOn ? addDays(w.to, -1) : w.to;
    leaves.set(s.personId, w.from <= to ? plannedLeaves(r, w.from, to) : []);
  }
  const specialOwners = new Set<number>();
  for (const sp of specialLeaves(ctx.inboxTownships)) {
    const end = addDays(sp.start, sp.days - 1);
    const fits = shuffle(
      r,
      current.filter(
        (s) =>
          (sp.township === null || s.village.township === sp.township) &&
          !specialOwners.has(s.personId) &&
          !behind.has(s.personId) &&
          s.start <= addDays(sp.start, -30) &&
          !overlapsAny(leaves.get(s.personId)!, addDays(sp.start, -2), addDays(end, 2)),
      ),
    );
    const owner = fits[0];
    if (!owner) continue;
    specialOwners.add(owner.personId);
    leaves.get(owner.personId)!.push({ start: sp.start, end, status: sp.status });
  }

  // Check-ins and away days are written apart: a check-in has no reason or note (fewer values to bind).
  const checkIns: Record<string, unknown>[] = [];
  const away: Record<string, unknown>[] = [];
  const logs: Record<string, unknown>[] = [];
  const rows = { attendance: 0, work_log: 0 };
  const flush = async (force: boolean) => {
    for (const list of [checkIns, away])
      if (list.length >= 20_000 || (force && list.length)) {
        rows.attendance += list.length;
        await insertRows(db, 'attendance', list.splice(0), { person_id: INT, present: INT });
      }
    if (logs.length >= 20_000 || (force && logs.length)) {
      rows.work_log += logs.length;
      await insertRows(db, 'work_log', logs.splice(0), { person_id: INT });
    }
  };
  for (const [i, s] of stationed.entries()) {
    const w = windowOf(s);
    const lag = behind.has(s.personId);
    const weekdayP = lag ? 0.45 + 0.2 * r.next() : 0.75 + 0.19 * r.next();
    const weekendP = lag ? 0.1 : 0.3 + 0.3 * r.next();
    const mine = leaves.get(s.personId)!;
    let week: string[] = [];
    const closeWeek = () => {
      if (week.length && r.chance(lag ? 0.5 : 0.92)) {
        // the week's log tells of visits and meetings: a working day when there is one, written up that evening
        const workdays = week.filter(isWorkday);
        const day = r.pick(workdays.length ? workdays : week);
        logs.push({
          person_id: s.personId,
          region_code: s.village.code,
          day,
          content: logContent(r.pick, r.int),
          created_at: at(day, r.int(19, 22), r.int(0, 59)),
        });
      }
      week = [];
    };
    for (let day = w.from; day <= w.to; day = addDays(day, 1)) {
      const wd = weekday(day);
      if (wd === 1) closeWeek();
      const leave = mine.find((l) => l.start <= day && day <= l.end);
      let present: boolean | null;
      let reason: AwayReason | null = null;
      if (leave && leave.status !== 'rejected') {
        present = false;
        reason = 'leave';
      } else if (leave) present = true;
      // weekends and public holidays: no meetings, trainings or trips to the county, only whoever stays in the village
      else if (!isWorkday(day)) present = r.chance(weekendP) ? true : null;
      else if (r.chance(weekdayP)) present = true;
      else if (r.chance(lag ? 0.8 : 0.5)) {
        present = false;
        reason = lag && r.chance(0.6) ? 'other' : r.pick(AWAY_REASON_POOL);
      } else present = null;
      if (present === null) continue;
      if (present) {
        week.push(day);
        checkIns.push({
          person_id: s.personId,
          region_code: s.village.code,
          day,
          present: 1,
          created_at: at(day, 8, r.int(0, 59)),
        });
      } else
        away.push({
          person_id: s.personId,
          region_code: s.village.code,
          day,
          present: 0,
          away_reason: reason,
          note: reason !== 'leave' ? r.pick(AWAY_NOTES[reason!]) : null,
          created_at: at(day, 8, r.int(0, 59)),
        });
    }
    closeWeek();
    await flush(false);
    if (i % 50 === 0) ctx.onProgress(i, stationed.length);
  }
  await flush(true);
  await refreshAttendanceYears(db, [...new Set(stationed.map((s) => s.personId))]);
  ctx.onProgress(stationed.length, stationed.length);

  // Leave requests.
  const leaveRows = stationed.flatMap((s) =>
    leaves.get(s.personId)!.map((l) => {
      const days = diffDays(l.start, l.end) + 1;
      const approver = leaveApprover(days, ctx.leaveTownshipMaxDays);
      // asked for on a working day before the leave, decided within a working day or two
      const requested = workdayUntil(minDay(addWorkdays(l.start, -r.int(1, 5)), DEMO_TODAY));
      const decided =
        l.status === 'pending' ? null : workdayUntil(minDay(addWorkdays(requested, r.int(0, 2)), DEMO_TODAY));
      const requestedAt = officeTime(r, requested);
      let decidedAt = decided ? officeTime(r, decided) : null;
      if (decidedAt && decidedAt <= requestedAt) decidedAt = officeTime(r, addWorkdays(decided!, 1));
      return {
        person_id: s.personId,
        region_code: s.village.code,
        start_date: l.start,
        end_date: l.end,
        days,
        reason: leaveReason(r, l.start),
        approver,
        status: l.status,
        requested_by: s.name,
        requested_at: requestedAt,
        decided_by: decided ? (approver === 'township' ? ctx.townshipDesk(s.village.township) : ctx.countyDesk) : null,
        decided_at: decidedAt,
        decision_note:
          l.status === 'rejected' ? r.pick(REJECT_NOTES) : l.status === 'approved' ? r.pick(APPROVE_NOTES) : null,
      };
    }),
  );
  await insertRows(db, 'leave_request', leaveRows, { person_id: INT, days: INT });

  // Accident insurance: a year from March (or from the station start); a few policies run out within 30 days.
  const expiring = new Set(
    shuffle(r, [...current])
      .slice(0, 12)
      .map((s) => s.personId),
  );
  const insurer = (i: number) => INSURERS[i % INSURERS.length]!.replace('{C}', ctx.countyName);
  const insurance = stationed.map((s, i) => {
    const start = expiring.has(s.personId)
      ? addDays(DEMO_TODAY, -365 + r.int(3, 25))
      : s.start > `${DEMO_YEAR}-03-01`
        ? s.start
        : `${DEMO_YEAR}-03-01`;
    return {
      person_id: s.personId,
      region_code: s.village.code,
      insurer: insurer(r.int(0, 2)),
      policy_no: `YW${start.replaceAll('-', '').slice(0, 6)}${String(i + 1).padStart(5, '0')}`,
      start_date: start,
      end_date: addDays(addYears(start, 1), -1),
      created_at: officeTime(r, workdayUntil(start)),
    };
  });
  await insertRows(db, 'insurance', insurance, { person_id: INT });

  // Work funds of 2026: entries through the year, 35–92% of the budget spent by the demo day.
  const funds: Record<string, unknown>[] = [];
  for (const t of teams) {
    const target = ctx.fundPerTeam * (0.35 + 0.57 * r.next());
    const count = r.int(4, 10);
    const weights = Array.from({ length: count }, () => 0.5 + r.next());
    const sum = weights.reduce((a, b) => a + b, 0);
    const days = Array.from({ length: count }, () => workdayBetween(r, `${DEMO_YEAR}-01-12`, DEMO_TODAY)).sort();
    days.forEach((day, k) =>
      funds.push({
        team_id: t.id,
        region_code: t.village.code,
        year: DEMO_YEAR,
        spent_on: day,
        amount: yuan(Math.floor((target * weights[k]!) / sum / 10) * 10),
        purpose: r.pick(FUND_PURPOSES),
        created_at: officeTime(r, day),
      }),
    );
  }
  await insertRows(db, 'fund_spending', funds, { team_id: INT, year: INT, amount: NUMERIC });

  // Assessments: 2025 annual for those stationed then, 2026H1 for those stationed through the half year.
  const assessments: Record<string, unknown>[] = [];
  const assess = (s: Stationed, kind: 'annual' | 'half_year', period: string, g: AssessmentGrade, day: string) => {
    const [lo, hi] = SCORES[g];
    const when = at(day, r.int(9, 16), r.int(0, 59));
    assessments.push({
      person_id: s.personId,
      region_code: s.village.code,
      kind,
      period,
      grade: g,
      score: r.int(lo, hi),
      comments: r.pick(ASSESSMENT_COMMENTS[g]),
      assessed_by: ctx.countyDesk,
      created_at: when,
      updated_at: when,
    });
  };
  const grades2025 = new Map<number, AssessmentGrade>();
  for (const s of stationed) {
    if (s.start > '2025-09-30') continue;
    const g = s.recall === 'ineffective' || behind.has(s.personId) ? 'basic' : grade(r);
    grades2025.set(s.personId, g);
    assess(s, 'annual', '2025', g, '2026-01-20');
  }
  for (const s of stationed) {
    if (s.start > `${DEMO_YEAR}-03-31` || (s.endedOn && s.endedOn < `${DEMO_YEAR}-06-30`)) continue;
    const g: AssessmentGrade =
      s.recall === 'ineffective' || s.pendingRecall ? 'incompetent' : behind.has(s.personId) ? 'basic' : grade(r);
    assess(s, 'half_year', `${DEMO_YEAR}H1`, g, `${DEMO_YEAR}-07-15`);
  }
  await insertRows(db, 'assessment', assessments, { person_id: INT, score: INT });

  // Honours of 2025 for about half of the cadres graded excellent.
  const excellent = stationed.filter((s) => grades2025.get(s.personId) === 'excellent');
  const honoured = shuffle(r, [...excellent]).slice(0, Math.round(excellent.length / 2));
  const titles = quota(r, honoured.length, [
    ['civil_servant', 35],
    ['advanced_worker', 30],
    ['pioneer', 25],
    ['first_secretary', 10],
  ] as const);
  const honours = honoured.map((s, i) => {
    const title = titles[i] === 'first_secretary' && s.role !== 'first_secretary' ? 'pioneer' : titles[i]!;
    return {
      person_id: s.personId,
      region_code: s.village.code,
      title,
      year: 2025,
      awarded_by:
        title === 'civil_servant' ? `中共${ctx.countyName}委 ${ctx.countyName}人民政府` : `中共${ctx.countyName}委`,
      note: '2025年度驻村帮扶工作表彰',
      created_at: at('2026-02-10', 10),
    };
  });
  await insertRows(db, 'honour', honours, { person_id: INT, year: INT });

  return {
    ...rows,
    leave_request: leaveRows.length,
    insurance: insurance.length,
    fund_spending: funds.length,
    assessment: assessments.length,
    honour: honours.length,
  };
}

/**
 * The workflow history of a demo household (household_event), read from its timeline: the identification
 * (两评议、两公示、一比对、一公告, the steps of shared/workflow.ts in order) in its identification year, each exit
 * (评议、核实、认可、公示、公告、销号) in its exit year, each return, a rejected application; and the steps done so
 * far of an identification or exit in progress. Dates are working days in the seasons the county did the work
 * (the 2014 registration from April, the dynamic adjustments in summer, the exits in autumn), actors are the
 * bodies that act, notes carry the figures of the yearly record. Cross-check hits (crosscheck_hit) go with
 * the cross-checks that found something.
 */
import { labelOf } from '../../../../shared/register.ts';
import { EXIT_STEPS, IDENTIFICATION_STEPS, type Workflow, type WorkflowStep } from '../../../../shared/workflow.ts';
import type { MemberInput, YearInput } from '../../households/types.ts';
import type { CrosscheckSource } from '../../workflow/crosscheck.ts';
import { addDays, addWorkdays, DEMO_TODAY, DEMO_YEAR, officeTime, workdayBetween, workdayUntil } from '../calendar.ts';
import type { Rng } from '../random.ts';
import { CROSSCHECK_CLEAN, DISASTERS, DISEASES, HIT_DETAILS, OTHER_APPLY, VERIFY_NOTES } from './notes.ts';
import { CLEARED_YEAR } from './tables.ts';
import { exitInProgress, type Timeline } from './timeline.ts';

export interface EventSpec {
  workflow: Workflow;
  step: WorkflowStep;
  date: string;
  actor: string;
  note: string | null;
  /** When it was entered (an office hour of its day, as an ISO timestamp). */
  at: string;
}

export interface HitSpec {
  /** The member (position in the household) whose record the department's data matched. */
  memberSeq: number;
  source: CrosscheckSource;
  detail: string;
  status: 'open' | 'cleared' | 'confirmed';
  at: string;
  resolvedAt: string | null;
}

/** Names of the bodies that act on a household. */
export interface Places {
  county: string;
  township: string;
  village: string;
}

export interface History {
  events: EventSpec[];
  hits: HitSpec[];
}

/** Working days between consecutive identification steps (application → first appraisal → …). */
const IDENTIFICATION_GAPS: readonly [number, number][] = [
  [5, 15],
  [5, 12],
  [3, 10],
  [1, 3],
  [6, 8], // the village notice runs seven days
  [6, 9], // and so does the township's
  [2, 8],
];
const EXIT_GAPS: readonly [number, number][] = [
  [2, 6],
  [1, 4],
  [1, 3],
  [6, 8], // the notice runs seven days
  [3, 10],
];

const SOURCES = Object.keys(HIT_DETAILS) as CrosscheckSource[];

const votes = (r: Rng) => {
  const n = r.int(25, 45);
  const present = r.int(Math.ceil((2 * n) / 3), n);
  return `应到村民代表${n}人，实到${present}人，同意${r.int(Math.ceil(present * 0.75), present)}人`;
};
const cn = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** The poverty office: 扶贫办 until 2020, 乡村振兴局 after. */
const office = (p: Places, year: number) => (year <= 2020 ? `${p.county}扶贫开发办公室` : `${p.county}乡村振兴局`);

/** When applications of a year were taken: the 2014 registration from April, the dynamic adjustments of
 * 2015–2017 in summer; the recent ones after the illness or disaster of that year, done by the demo day. */
function season(y: number): [string, string] {
  if (y === 2014) return ['2014-04-08', '2014-05-25'];
  if (y <= CLEARED_YEAR) return [`${y}-07-01`, `${y}-08-31`];
  return [`${y}-03-02`, y === DEMO_YEAR ? `${y}-07-10` : `${y}-09-10`];
}

interface Household {
  members: MemberInput[];
  attribute: string | null;
  mainCause: string | null;
  years: YearInput[];
  lines: ReadonlyMap<number, number>;
}

type IdentificationHit = 'open' | 'cleared' | null;

/** Writes one household's history (a class, so that 100,000 households create no closures). */
class HistoryMaker {
  readonly out: History = { events: [], hits: [] };
  private readonly head: string;

  constructor(
    private readonly r: Rng,
    private readonly h: Household,
    private readonly p: Places,
  ) {
    this.head = h.members[0]!.name;
  }

  add(workflow: Workflow, step: WorkflowStep, date: string, actor: string, note: string | null) {
    this.out.events.push({ workflow, step, date, actor, note, at: officeTime(this.r, date) });
  }

  /** An adult member (born by 2000) and its position; the head when there is none. */
  adult(): readonly [MemberInput, number] {
    const m = this.h.members;
    const adults: number[] = [];
    for (let i = 0; i < m.length; i++) if (m[i]!.birthDate! <= '2000-12-31') adults.push(i);
    const i = adults.length ? this.r.pick(adults) : 0;
    return [m[i]!, i];
  }

  who(): string {
    const [m, i] = this.adult();
    return i === 0 ? `户主${m.name}` : `${(labelOf('relation', m.relation)?.zh ?? '').replace(/^之/, '')}${m.name}`;
  }

  income(y: number): number {
    const rec = this.h.years.find((x) => x.year === y)!;
    const net = rec.incomeWage! + rec.incomeBusiness! + rec.incomeTransfer! + rec.incomeProperty! - rec.productionCost!;
    return net / this.h.members.length;
  }

  hardship(cause: string, year: number, recent: boolean): string {
    const r = this.r;
    if (cause === 'illness')
      return recent
        ? `${this.who()}患${r.pick(DISEASES)}住院治疗，自付医疗费用${r.int(18, 95) * 1000}元，家庭收入骤降`
        : `${this.who()}患${r.pick(DISEASES)}，长期治疗开支大`;
    if (cause === 'disaster' && recent) return `${year}年${r.int(5, 9)}月${r.pick(DISASTERS)}，房屋受损、农作物绝收`;
    return r.pick(OTHER_APPLY[cause] ?? OTHER_APPLY.other!);
  }

  /** A cross-check hit on `date`; for a cleared one, the note the cross-check step carries. */
  crosscheckHit(date: string, status: HitSpec['status']): string | null {
    const r = this.r;
    const [m, seq] = this.adult();
    const source = r.pick(SOURCES);
    const d = HIT_DETAILS[source];
    const found = r.pick(d.found);
    const resolved = status === 'open' ? null : addWorkdays(date, r.int(1, 4));
    this.out.hits.push({
      memberSeq: seq,
      source,
      detail: status === 'confirmed' ? `${m.name}${d.confirmed}` : `${m.name}${found}`,
      status,
      at: officeTime(r, date),
      resolvedAt: resolved && officeTime(r, resolved),
    });
    return status === 'cleared' ? `比对发现${m.name}${found}，${d.cleared}` : null;
  }

  /** Identification steps 1…dates.length on the given dates (the first is the application). */
  identification(dates: string[], year: number, cause: string, recent: boolean, hit: IdentificationHit) {
    const { r, p } = this;
    for (let i = 0; i < dates.length; i++) {
      const date = dates[i]!;
      const step = IDENTIFICATION_STEPS[i]!;
      switch (step) {
        case 'application':
          this.add('identification', step, date, this.head, `申请纳入建档立卡：${this.hardship(cause, year, recent)}`);
          break;
        case 'first_appraisal':
          this.add('identification', step, date, `${p.village}村民代表大会`, `第一次民主评议：${votes(r)}`);
          if (hit === 'open' && i === dates.length - 1) this.crosscheckHit(date, 'open');
          break;
        case 'crosscheck': {
          const found = hit === 'cleared' ? this.crosscheckHit(addWorkdays(date, -2), 'cleared') : null;
          this.add('identification', step, date, office(p, year), found ?? r.pick(CROSSCHECK_CLEAN));
          break;
        }
        case 'second_appraisal':
          this.add('identification', step, date, `${p.village}村民代表大会`, `第二次民主评议：${votes(r)}`);
          break;
        case 'village_notice':
          this.add(
            'identification',
            step,
            date,
            `${p.village}村民委员会`,
            `在村务公开栏公示7天（${cn(date)}至${cn(addDays(date, 6))}）`,
          );
          break;
        case 'township_notice':
          this.add(
            'identification',
            step,
            date,
            `${p.township}人民政府`,
            `村内公示无异议；在${p.township}政务公开栏公示7天（${cn(date)}至${cn(addDays(date, 6))}）`,
          );
          break;
        case 'county_announcement':
          this.add('identification', step, date, `${p.county}人民政府`, `乡镇公示无异议；${year}年贫困户识别结果公告`);
          break;
        case 'registered': {
          const attr = labelOf('attribute', this.h.attribute)?.zh ?? '';
          const c = labelOf('cause', this.h.mainCause)?.zh ?? '';
          this.add('identification', step, date, office(p, year), `纳入${year}年建档立卡：${attr}，主要致贫原因${c}`);
          break;
        }
      }
    }
  }

  /** Exit steps 1…dates.length of the exit in `year` (the eligibility note reads the year's record). */
  exit(dates: string[], year: number) {
    const { r, p } = this;
    for (let i = 0; i < dates.length; i++) {
      const date = dates[i]!;
      const step = EXIT_STEPS[i]!;
      switch (step) {
        case 'village_appraisal': {
          const pc = Math.round(this.income(year));
          const line = this.h.lines.get(year)!;
          this.add(
            'exit',
            step,
            date,
            `${p.village}两委`,
            `${year}年人均纯收入${pc}元，高于当年扶贫标准${line}元，两不愁三保障及饮水安全达标，评议同意退出`,
          );
          break;
        }
        case 'team_verification':
          this.add('exit', step, date, `${p.village}驻村工作队`, r.pick(VERIFY_NOTES));
          break;
        case 'household_consent':
          this.add('exit', step, date, this.head, `户主${this.head}认可脱贫并签字`);
          break;
        case 'notice':
          this.add(
            'exit',
            step,
            date,
            `${p.village}村民委员会`,
            `拟退出名单在村务公开栏公示7天（${cn(date)}至${cn(addDays(date, 6))}）`,
          );
          break;
        case 'announcement':
          this.add('exit', step, date, `${p.county}人民政府`, `公示无异议；${year}年脱贫退出户公告`);
          break;
        case 'removed_from_list':
          this.add('exit', step, date, office(p, year), `${year}年度脱贫，在扶贫开发信息系统中标注脱贫（销号）`);
          break;
      }
    }
  }

  forward(start: string, gaps: readonly [number, number][], steps: number): string[] {
    const dates = [start];
    for (let i = 1; i < steps; i++)
      dates.push(addWorkdays(dates[i - 1]!, this.r.int(gaps[i - 1]![0], gaps[i - 1]![1])));
    return dates;
  }

  /** `steps` dates ending a few days before the demo day (an identification or exit in progress). */
  backward(gaps: readonly [number, number][], steps: number): string[] {
    const dates = [workdayUntil(addDays(DEMO_TODAY, -this.r.int(0, 6)))];
    for (let i = steps - 1; i > 0; i--)
      dates.unshift(addWorkdays(dates[0]!, -this.r.int(gaps[i - 1]![0], gaps[i - 1]![1])));
    return dates;
  }

  returned(year: number, cause: string) {
    const last = year === DEMO_YEAR ? addDays(DEMO_TODAY, -45) : `${year}-11-30`;
    const date = workdayBetween(this.r, `${year}-03-01`, last);
    this.add(
      'return',
      'returned',
      date,
      `${this.p.village}两委`,
      `${this.hardship(cause, year, true)}，经评议认定返贫`,
    );
  }

  rejected(y: number) {
    const { r, p } = this;
    const [from, to] = season(y);
    const dates = this.forward(workdayBetween(r, from, to), IDENTIFICATION_GAPS, 3);
    this.add(
      'identification',
      'application',
      dates[0]!,
      this.head,
      `申请纳入建档立卡：${this.hardship('other', y, false)}`,
    );
    this.add('identification', 'first_appraisal', dates[1]!, `${p.village}村民代表大会`, `第一次民主评议：${votes(r)}`);
    if (r.chance(0.5)) {
      this.crosscheckHit(dates[1]!, 'confirmed');
      this.add(
        'identification',
        'rejected',
        dates[2]!,
        office(p, y),
        '部门信息比对发现不符合识别条件的情形，经核实属实，不予识别',
      );
    } else
      this.add(
        'identification',
        'rejected',
        dates[1]!,
        `${p.village}村民代表大会`,
        '民主评议认为家庭收入高于识别标准，不予识别',
      );
  }
}

export function makeHistory(r: Rng, t: Timeline, h: Household, p: Places): History {
  const m = new HistoryMaker(r, h, p);
  const present = t.present;
  if (present?.kind === 'applying') {
    const dates = m.backward(IDENTIFICATION_GAPS, present.steps);
    const hit = present.openHit ? (present.steps === 2 ? 'open' : present.steps > 2 ? 'cleared' : null) : null;
    m.identification(dates, DEMO_YEAR, present.cause, true, hit);
    return m.out;
  }
  if (t.rejected !== null) {
    m.rejected(t.rejected);
    return m.out;
  }
  if (t.identified === null) return m.out;

  const y = t.identified;
  const [from, to] = season(y);
  const recent = present !== null && present.kind === 'new_poor';
  m.identification(
    m.forward(workdayBetween(r, from, to), IDENTIFICATION_GAPS, IDENTIFICATION_STEPS.length),
    y,
    recent ? present.cause : (h.mainCause ?? 'other'),
    recent,
    r.chance(0.02) ? 'cleared' : null,
  );
  for (let i = 0; i < t.exits.length; i++) {
    const e = t.exits[i]!;
    m.exit(m.forward(workdayBetween(r, `${e}-09-01`, `${e}-10-26`), EXIT_GAPS, EXIT_STEPS.length), e);
    const back = t.returns[i];
    if (back !== undefined)
      m.returned(back, present?.kind === 'returned' ? present.cause : r.pick(['illness', 'disaster']));
  }
  const exiting = exitInProgress(t);
  if (exiting) m.exit(m.backward(EXIT_GAPS, exiting.exitSteps), DEMO_YEAR);
  return m.out;
}

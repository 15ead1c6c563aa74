import { HOUSEHOLD_STATUSES, type HouseholdStatus } from '../../../shared/register.ts';
import { msg, type Msg } from '../../i18n.ts';

/** 识别 — identification, 两评议、两公示、一比对、一公告, in order. */
export const IDENTIFICATION_STEPS = [
  'application',
  'first_appraisal',
  'crosscheck',
  'second_appraisal',
  'village_notice',
  'township_notice',
  'county_announcement',
  'registered',
] as const;
/** 退出 — household exit, in order; the last step is 销号 (removal from the poor list). */
export const EXIT_STEPS = [
  'village_appraisal',
  'team_verification',
  'household_consent',
  'notice',
  'announcement',
  'removed_from_list',
] as const;

/** Every step a workflow may record: its sequence plus the step that ends it early. 返贫 is one step. */
export const WORKFLOW_STEPS = {
  identification: [...IDENTIFICATION_STEPS, 'rejected'],
  exit: [...EXIT_STEPS, 'halted'],
  return: ['returned'],
} as const;
export type Workflow = keyof typeof WORKFLOW_STEPS;
export type WorkflowStep<W extends Workflow = Workflow> = (typeof WORKFLOW_STEPS)[W][number];
export const WORKFLOWS = Object.keys(WORKFLOW_STEPS) as Workflow[];

export const WORKFLOW_LABELS: Record<Workflow, Msg> = {
  identification: msg('贫困户识别', 'identification'),
  exit: msg('脱贫退出', 'exit'),
  return: msg('返贫', 'return to poverty'),
};
export const STEP_LABELS: Record<WorkflowStep, Msg> = {
  application: msg('农户申请', 'Household application'),
  first_appraisal: msg('村民主评议（第一次）', 'First village appraisal'),
  crosscheck: msg('部门信息比对', 'Cross-check with departments'),
  second_appraisal: msg('村民主评议（第二次）', 'Second village appraisal'),
  village_notice: msg('村内公示', 'Village notice'),
  township_notice: msg('乡镇公示', 'Township notice'),
  county_announcement: msg('县级公告', 'County announcement'),
  registered: msg('建档立卡', 'Registered as poor'),
  rejected: msg('不予识别', 'Not identified'),
  village_appraisal: msg('村两委评议', 'Village committees appraisal'),
  team_verification: msg('驻村工作队核实', 'Work-team verification'),
  household_consent: msg('贫困户认可签字', 'Household consent'),
  notice: msg('村内公示', 'Village notice'),
  announcement: msg('公告', 'Announcement'),
  removed_from_list: msg('销号', 'Removed from the poor list'),
  halted: msg('终止退出', 'Exit halted'),
  returned: msg('返贫', 'Returned to poverty'),
};

/** A recorded workflow event (household_event), oldest first. */
export interface FlowEvent {
  workflow: Workflow;
  step: string;
  date: string;
}
export interface StepRef {
  workflow: Workflow;
  step: WorkflowStep;
}

const TERMINAL = new Set<string>(['registered', 'rejected', 'removed_from_list', 'halted', 'returned']);
/** Identification may be refused while waiting for an appraisal, the cross-check or a notice (objection upheld). */
const REJECTABLE_AFTER = new Set<string>(IDENTIFICATION_STEPS.slice(0, 6));
/** Steps that must carry a reason. */
export const NEEDS_REASON = new Set<string>(['rejected', 'halted', 'returned']);

/** The workflow in progress (null when none) and the last event, derived from the events alone. */
export function positionOf(events: readonly FlowEvent[]): {
  active: 'identification' | 'exit' | null;
  last: FlowEvent | null;
} {
  const last = events.at(-1) ?? null;
  if (!last || TERMINAL.has(last.step) || last.workflow === 'return') return { active: null, last };
  return { active: last.workflow, last };
}

/** The steps that may be recorded next, given the household's status and its events. */
export function allowedSteps(status: HouseholdStatus, events: readonly FlowEvent[]): StepRef[] {
  const { active, last } = positionOf(events);
  if (active === 'identification') {
    if (status !== 'applicant') return [];
    const i = (IDENTIFICATION_STEPS as readonly string[]).indexOf(last!.step);
    const out: StepRef[] = [{ workflow: 'identification', step: IDENTIFICATION_STEPS[i + 1]! }];
    if (REJECTABLE_AFTER.has(last!.step)) out.push({ workflow: 'identification', step: 'rejected' });
    return out;
  }
  if (active === 'exit') {
    if (status !== 'poor' && status !== 'returned') return [];
    const i = (EXIT_STEPS as readonly string[]).indexOf(last!.step);
    return [
      { workflow: 'exit', step: EXIT_STEPS[i + 1]! },
      { workflow: 'exit', step: 'halted' },
    ];
  }
  switch (status) {
    case 'non_poor':
    case 'removed':
    case 'applicant':
      return [{ workflow: 'identification', step: 'application' }];
    case 'poor':
    case 'returned':
      return [{ workflow: 'exit', step: 'village_appraisal' }];
    case 'exited':
      return [{ workflow: 'return', step: 'returned' }];
    default:
      return []; // a status the workflows do not know
  }
}

/** The household status a step leaves behind (unchanged for intermediate steps). */
function statusAfter(step: WorkflowStep, status: HouseholdStatus): HouseholdStatus {
  switch (step) {
    case 'application':
      return 'applicant';
    case 'registered':
      return 'poor';
    case 'rejected':
      return 'non_poor';
    case 'removed_from_list':
      return 'exited';
    case 'returned':
      return 'returned';
    default:
      return status;
  }
}

export type StepResult =
  | { ok: true; status: HouseholdStatus; ends: boolean }
  | { ok: false; kind: 'conflict' | 'invalid'; reasons: StepProblem[] };

/** Why a step was refused, with the request field it concerns ('note' carries the reason). */
export interface StepProblem {
  path: 'step' | 'date' | 'note';
  message: Msg;
}

const statusLabel = (s: string) => HOUSEHOLD_STATUSES.find((x) => x.code === s) ?? { zh: s, en: s };
const stepLabel = (s: string) => STEP_LABELS[s as WorkflowStep] ?? msg(s, s);
const join = (refs: StepRef[], lang: 'zh' | 'en') =>
  refs.map((r) => stepLabel(r.step)[lang]).join(lang === 'zh' ? '、' : ', ');

/**
 * The state machine: may `req` be recorded after `events` for a household in `status`? Returns the
 * status it leaves behind, or a refusal — 'conflict' when the step does not fit the current state,
 * 'invalid' when the request itself is incomplete (no reason, a date before the previous step).
 */
export function applyStep(
  status: HouseholdStatus,
  events: readonly FlowEvent[],
  req: { workflow: Workflow; step: string; date: string; reason?: string | null },
): StepResult {
  const allowed = allowedSteps(status, events);
  const step = req.step as WorkflowStep;
  if (!allowed.some((a) => a.workflow === req.workflow && a.step === step)) {
    const { active, last } = positionOf(events);
    const what = stepLabel(step);
    const st = statusLabel(status);
    const reason =
      active && allowed.length
        ? msg(
            `不能办理「${what.zh}」：${WORKFLOW_LABELS[active].zh}流程已到「${stepLabel(last!.step).zh}」，下一步为「${join(allowed, 'zh')}」`,
            `Cannot record "${what.en}": the ${WORKFLOW_LABELS[active].en} is at "${stepLabel(last!.step).en}"; next: ${join(allowed, 'en')}`,
          )
        : allowed.length
          ? msg(
              `不能办理「${what.zh}」：该户状态为「${st.zh}」，可办理「${join(allowed, 'zh')}」`,
              `Cannot record "${what.en}": the household is "${st.en}"; allowed: ${join(allowed, 'en')}`,
            )
          : msg(
              `不能办理「${what.zh}」：该户状态为「${st.zh}」，与进行中的流程不符`,
              `Cannot record "${what.en}": the household status "${st.en}" does not fit the workflow in progress`,
            );
    return { ok: false, kind: 'conflict', reasons: [{ path: 'step', message: reason }] };
  }
  const reasons: StepProblem[] = [];
  if (NEEDS_REASON.has(step) && !req.reason?.trim())
    reasons.push({
      path: 'note',
      message: msg(`办理「${stepLabel(step).zh}」须填写原因`, `"${stepLabel(step).en}" needs a reason`),
    });
  const prev = events.at(-1);
  if (prev && req.date < prev.date)
    reasons.push({
      path: 'date',
      message: msg(
        `日期 ${req.date} 早于上一步「${stepLabel(prev.step).zh}」的日期 ${prev.date}`,
        `The date ${req.date} is before the previous step "${stepLabel(prev.step).en}" (${prev.date})`,
      ),
    });
  if (reasons.length) return { ok: false, kind: 'invalid', reasons };
  return { ok: true, status: statusAfter(step, status), ends: TERMINAL.has(step) };
}

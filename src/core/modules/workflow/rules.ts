import { HOUSEHOLD_STATUSES, type HouseholdStatus } from '../../../shared/register.ts';
import type { RegionLevel } from '../../../shared/codes.ts';
import { msg, type Msg } from '../../i18n.ts';

export {
  EXIT_STEPS,
  IDENTIFICATION_STEPS,
  NEEDS_REASON,
  STEP_LABELS,
  WORKFLOW_LABELS,
  WORKFLOW_STEPS,
  WORKFLOWS,
  type Workflow,
  type WorkflowStep,
} from '../../../shared/workflow.ts';
import {
  STEP_DECIDER,
  type DecidingLevel,
  EXIT_STEPS,
  IDENTIFICATION_STEPS,
  NEEDS_REASON,
  STEP_LABELS,
  WORKFLOW_LABELS,
  type Workflow,
  type WorkflowStep,
} from '../../../shared/workflow.ts';

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

/**
 * The last recorded steps after which a household waits for `level` (its next step is one `level` decides), per
 * workflow in progress: e.g. the township waits on identifications at 村内公示 and exits at 村内公示 (notice).
 * A household with no workflow under way waits for nobody (an application starts one).
 */
export function awaitingSteps(
  level: DecidingLevel,
  decider: Readonly<Record<string, DecidingLevel>> = STEP_DECIDER,
): { identification: string[]; exit: string[] } {
  const waiting = (steps: readonly string[]) => steps.slice(0, -1).filter((_, i) => decider[steps[i + 1]!] === level);
  return { identification: waiting(IDENTIFICATION_STEPS), exit: waiting(EXIT_STEPS) };
}

/**
 * The level whose steps a caller decides, from the levels of the regions where it may write households: the
 * widest of them (a county or wider decides the county's steps, a township its own, a village or group the
 * village's); null when it writes nowhere.
 */
export function decidingLevelOf(levels: readonly RegionLevel[]): DecidingLevel | null {
  const of = (l: RegionLevel): DecidingLevel =>
    l === 'village' || l === 'group' ? 'village' : l === 'township' ? 'township' : 'county';
  const order: DecidingLevel[] = ['county', 'township', 'village'];
  return order.find((d) => levels.some((l) => of(l) === d)) ?? null;
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

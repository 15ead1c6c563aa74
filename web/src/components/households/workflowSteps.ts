/**
 * Labels of the identification (识别) and exit (退出) workflow steps. A copy of the server's STEP_LABELS
 * (src/core/modules/workflow/rules.ts) until those move to src/shared.
 */
import type { Bilingual } from '@shared/codes';
import type { AllowedStep } from '../../registerTypes';

export const WORKFLOW_LABELS: Record<string, Bilingual> = {
  identification: { zh: '贫困户识别', en: 'Identification' },
  exit: { zh: '脱贫退出', en: 'Exit' },
  return: { zh: '返贫', en: 'Return to poverty' },
};

export const STEP_LABELS: Record<string, Bilingual> = {
  application: { zh: '农户申请', en: 'Household application' },
  first_appraisal: { zh: '村民主评议（第一次）', en: 'First village appraisal' },
  crosscheck: { zh: '部门信息比对', en: 'Cross-check with departments' },
  second_appraisal: { zh: '村民主评议（第二次）', en: 'Second village appraisal' },
  village_notice: { zh: '村内公示', en: 'Village notice' },
  township_notice: { zh: '乡镇公示', en: 'Township notice' },
  county_announcement: { zh: '县级公告', en: 'County announcement' },
  registered: { zh: '建档立卡', en: 'Registered as poor' },
  rejected: { zh: '不予识别', en: 'Not identified' },
  village_appraisal: { zh: '村两委评议', en: 'Village committees appraisal' },
  team_verification: { zh: '驻村工作队核实', en: 'Work-team verification' },
  household_consent: { zh: '贫困户认可签字', en: 'Household consent' },
  notice: { zh: '村内公示', en: 'Village notice' },
  announcement: { zh: '公告', en: 'Announcement' },
  removed_from_list: { zh: '销号', en: 'Removed from the poor list' },
  halted: { zh: '终止退出', en: 'Exit halted' },
  returned: { zh: '返贫', en: 'Returned to poverty' },
};

const IDENTIFICATION = new Set([
  'application',
  'first_appraisal',
  'crosscheck',
  'second_appraisal',
  'village_notice',
  'township_notice',
  'county_announcement',
  'registered',
  'rejected',
]);

/** Steps that end a workflow early or mark a return and so need a reason. */
export const NEEDS_REASON = new Set(['rejected', 'halted', 'returned']);

export interface StepRef {
  workflow: 'identification' | 'exit' | 'return';
  step: string;
  label?: string | Bilingual;
}

/** Normalise an allowed step from GET /workflow (a bare name or an object). */
export function toStepRef(a: AllowedStep): StepRef {
  const step = typeof a === 'string' ? a : a.step;
  const given = typeof a === 'string' ? undefined : a.workflow;
  const workflow =
    given === 'identification' || given === 'exit' || given === 'return'
      ? given
      : step === 'returned'
        ? 'return'
        : IDENTIFICATION.has(step)
          ? 'identification'
          : 'exit';
  return { workflow, step, label: typeof a === 'string' ? undefined : a.label };
}

export function stepLabel(ref: { step: string; label?: string | Bilingual }, L: (b: Bilingual | undefined) => string) {
  // The local names follow the language switch; the server's label covers steps added later.
  const local = L(STEP_LABELS[ref.step]);
  if (local) return local;
  if (typeof ref.label === 'string') return ref.label;
  return (ref.label && L(ref.label)) || ref.step;
}

/**
 * Labels of the identification (识别) and exit (退出) workflow steps, from the shared definitions the
 * server's state machines use; plus helpers to read the server's allowed steps.
 */
import type { Bilingual } from '@shared/codes';
import { NEEDS_REASON, STEP_LABELS, WORKFLOW_LABELS, WORKFLOW_STEPS } from '@shared/workflow';
import type { AllowedStep } from '../../registerTypes';

export { NEEDS_REASON };
/** Looked up by the server's step and workflow names (plain strings). */
export const STEP_LABELS_BY_NAME: Record<string, Bilingual> = STEP_LABELS;
export const WORKFLOW_LABELS_BY_NAME: Record<string, Bilingual> = WORKFLOW_LABELS;

const IDENTIFICATION = new Set<string>(WORKFLOW_STEPS.identification);

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
  const local = L(STEP_LABELS_BY_NAME[ref.step]);
  if (local) return local;
  if (typeof ref.label === 'string') return ref.label;
  return (ref.label && L(ref.label)) || ref.step;
}

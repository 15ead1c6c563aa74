/**
 * Labels of the identification (识别) and exit (退出) workflow steps, from the shared definitions the
 * server's state machines use.
 */
import type { Bilingual } from '@shared/codes';
import type { AllowedStep } from '@shared/contracts/workflow';
import { NEEDS_REASON, STEP_LABELS, WORKFLOW_LABELS, WORKFLOW_STEPS } from '@shared/workflow';
import type { Workflow, WorkflowStep } from '@shared/workflow';

export { NEEDS_REASON };
/** Looked up by the server's step and workflow names (plain strings). */
export const STEP_LABELS_BY_NAME: Record<string, Bilingual> = STEP_LABELS;
export const WORKFLOW_LABELS_BY_NAME: Record<string, Bilingual> = WORKFLOW_LABELS;

/** A step to record: one the server allows next (with its label), or 返贫. */
export type StepRef = Pick<AllowedStep, 'workflow' | 'step'> & { label?: string };

export function stepLabel(ref: { step: string; label?: string }, L: (b: Bilingual | undefined) => string) {
  // The local names follow the language switch; the server's label covers steps added later.
  return L(STEP_LABELS_BY_NAME[ref.step]) || ref.label || ref.step;
}

/** `step` as a step of workflow `w` (null when it is not one). */
export function stepOf<W extends Workflow>(w: W, step: string): WorkflowStep<W> | null {
  return (WORKFLOW_STEPS[w] as readonly string[]).includes(step) ? (step as WorkflowStep<W>) : null;
}

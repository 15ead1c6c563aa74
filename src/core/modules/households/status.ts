/**
 * 状态只经流程变更 — after creation, a household's status, identification year and exit year change only through
 * the workflow: identification, exit and return (workflow/service.ts commitStep: event, status and audit in one
 * transaction, 两评议两公示 on record). An edit — the form, `PUT /api/households/{id}`, an import without
 * `allowStatus` — may send them only as they are stored; one left out keeps the stored value. Pure.
 */
import { labelOf, type HouseholdStatus } from '../../../shared/register.ts';
import { msg } from '../../i18n.ts';
import type { Problem } from './rules.ts';

export const WORKFLOW_FIELDS = ['status', 'identifiedYear', 'exitedYear'] as const;
export type WorkflowField = (typeof WORKFLOW_FIELDS)[number];

/** What the workflow owns of a stored household. */
export interface WorkflowState {
  status: HouseholdStatus;
  identifiedYear: number | null;
  exitedYear: number | null;
}

/** The same fields as an edit sends them: undefined = not sent (keep). */
export type WorkflowInput = { [K in WorkflowField]?: WorkflowState[K] | null };

export interface WorkflowChange {
  field: WorkflowField;
  from: string | number | null;
  to: string | number | null;
}

/** The workflow fields an edit would change (a field not sent changes nothing; null clears). */
export function workflowChanges(stored: WorkflowState, input: WorkflowInput): WorkflowChange[] {
  const out: WorkflowChange[] = [];
  for (const field of WORKFLOW_FIELDS) {
    const to = input[field];
    if (to === undefined) continue;
    const from = stored[field];
    if ((to ?? null) !== (from ?? null)) out.push({ field, from: from ?? null, to: to ?? null });
  }
  return out;
}

const statusName = (s: string | number | null) => {
  const l = typeof s === 'string' ? labelOf('household_status', s) : null;
  return { zh: l?.zh ?? String(s ?? '空'), en: l?.en ?? String(s ?? 'none') };
};
const yearName = (y: string | number | null) => ({
  zh: y === null ? '空' : String(y),
  en: y === null ? 'none' : String(y),
});

/** Each change refused, on its field, saying what the stored value is and where it changes. */
export function workflowChangeProblems(changes: readonly WorkflowChange[]): Problem[] {
  return changes.map(({ field, from }) => {
    if (field === 'status') {
      const now = statusName(from);
      return {
        path: field,
        message: msg(
          `户状态只能通过识别、退出、返贫流程变更（现为“${now.zh}”），请在农户的“识别与退出”中办理`,
          `The status changes only through identification, exit or return (now “${now.en}”): use the household’s workflow tab`,
        ),
      };
    }
    const now = yearName(from);
    return {
      path: field,
      message:
        field === 'identifiedYear'
          ? msg(
              `识别年度由识别流程记录（现为 ${now.zh}），不能直接修改`,
              `The identification year is recorded by the identification workflow (now ${now.en})`,
            )
          : msg(
              `脱贫年度由退出流程记录（现为 ${now.zh}），不能直接修改`,
              `The exit year is recorded by the exit workflow (now ${now.en})`,
            ),
    };
  });
}

/**
 * The workbench registry: every module's to-do entries and headline figures, one list per module (each declared
 * in `<module>/workbench.ts`). A new module (tasks, problems, monitoring leads…) adds its list here — the workbench
 * endpoints and the page render whatever these lists hold; nothing else changes.
 */
import { cadreHeadlines, cadreTodos } from '../cadres/workbench.ts';
import { dutyTodos } from '../duty/workbench.ts';
import { householdHeadlines, householdTodos } from '../households/workbench.ts';
import { pairingTodos } from '../pairings/workbench.ts';
import { statsHeadlines, statsTodos } from '../stats/workbench.ts';
import { workflowTodos } from '../workflow/workbench.ts';
import type { HeadlineFigure, TodoEntry } from './types.ts';

/** My to-do, in the order the page shows them within each group. */
export const TODO_ENTRIES: readonly TodoEntry[] = [
  ...dutyTodos,
  ...cadreTodos,
  ...workflowTodos,
  ...householdTodos,
  ...pairingTodos,
  ...statsTodos,
];

/** My region at a glance, ordered by each figure's `order`. */
export const HEADLINES: readonly HeadlineFigure[] = [...householdHeadlines, ...statsHeadlines, ...cadreHeadlines].sort(
  (a, b) => a.order - b.order,
);

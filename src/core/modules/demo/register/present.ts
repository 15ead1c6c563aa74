/**
 * The demo's present (as of DEMO_TODAY): the few households whose story is still moving. A few dozen across
 * the county are in identification (applied after an illness or a disaster) or in exit; a few are poor today —
 * identified in 2025 or 2026 after an illness or a disaster, or returned to poverty after one. The model
 * village (擂鼓镇董家沟村, seed 002) and the other villages of its township always have some, so the village
 * and township demo users see every list filled.
 */
import type { Rng } from '../random.ts';
import { table } from './tables.ts';

/** Seed 002's model village (擂鼓镇董家沟村): all five ones, a team, and every kind of present household. */
export const MODEL_VILLAGE = '420323104211';

export type PresentCause = 'illness' | 'disaster';

/** The identification steps done so far (1 = application … 7 = county announcement). */
export type IdentificationProgress = 1 | 2 | 3 | 4 | 5 | 6 | 7;
/** The exit steps done so far in the demo year (0 = not in exit; 1 = village appraisal … 5 = announcement). */
export type ExitProgress = 0 | 1 | 2 | 3 | 4 | 5;

export type PresentRole =
  /** 申请中 — a household that applied this year; identification in progress. */
  | { kind: 'applying'; cause: PresentCause; steps: IdentificationProgress; openHit: boolean }
  /** 新识别 — identified in `year` after an illness or disaster; poor now, in exit when `exitSteps` > 0. */
  | { kind: 'new_poor'; cause: PresentCause; year: number; exitSteps: ExitProgress }
  /** 返贫 — an exited household that returned in `year`; in exit again when `exitSteps` > 0. */
  | { kind: 'returned'; cause: PresentCause; year: number; exitSteps: ExitProgress };

/** The model village's present: an applicant on the notice list, one held at the cross-check, one household
 * in exit on the exit notice list, one identified this year and one returned this year. */
const MODEL_ROLES: PresentRole[] = [
  { kind: 'applying', cause: 'illness', steps: 5, openHit: false },
  { kind: 'applying', cause: 'disaster', steps: 2, openHit: true },
  { kind: 'new_poor', cause: 'illness', year: 2025, exitSteps: 3 },
  { kind: 'new_poor', cause: 'disaster', year: 2026, exitSteps: 0 },
  { kind: 'returned', cause: 'illness', year: 2026, exitSteps: 0 },
];

const pickKind = table<PresentRole['kind']>([
  ['applying', 50],
  ['new_poor', 25],
  ['returned', 25],
]);

function drawRole(r: Rng, year: number): PresentRole {
  const cause: PresentCause = r.chance(0.6) ? 'illness' : 'disaster';
  const kind = pickKind(r);
  if (kind === 'applying') return { kind, cause, steps: r.int(1, 7) as IdentificationProgress, openHit: r.chance(0.3) };
  // identified (or returned) last year: some are in exit this year, their income above the line again
  const last = r.chance(0.6);
  const exitSteps = (last && r.chance(0.6) ? r.int(1, 5) : 0) as ExitProgress;
  return { kind, cause, year: last ? year - 1 : year, exitSteps };
}

/**
 * The present households of a village (deterministic from its stream): the model village's fixed set; in its
 * township one household in most villages; elsewhere one in about one village in seven, now and then two.
 */
export function presentRoles(r: Rng, village: string, demoYear: number): PresentRole[] {
  if (village === MODEL_VILLAGE) return MODEL_ROLES;
  const near = village.slice(0, 9) === MODEL_VILLAGE.slice(0, 9);
  const out: PresentRole[] = [];
  if (r.chance(near ? 0.6 : 0.14)) out.push(drawRole(r, demoYear));
  if (out.length && r.chance(near ? 0.2 : 0.25)) out.push(drawRole(r, demoYear));
  return out;
}

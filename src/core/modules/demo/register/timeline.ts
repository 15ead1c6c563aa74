/**
 * What happens to a demo household over the years: identified (in 2014 or a dynamic adjustment), exited
 * (2015–2020), a rare return to poverty and a second exit by 2020, a rare removal (清退); or, for the
 * present's few households, an application, an identification or a return in the last years and an exit in
 * progress. The yearly records (years.ts) and the workflow events (events.ts) are both read from it.
 */
import type { HouseholdStatus } from '../../../../shared/register.ts';
import type { Rng } from '../random.ts';
import type { PresentRole } from './present.ts';
import {
  CLEARED_YEAR,
  EXIT_SHARES,
  LAST_YEAR,
  pickIdentifiedYear,
  REMOVED_SHARE,
  RETURN_SHARE,
  table,
} from './tables.ts';

export interface Timeline {
  /** Year registered as poor (the last identification); null: never. */
  identified: number | null;
  /** Years of exit (销号), ascending; a return comes between two exits. */
  exits: number[];
  /** Years of return to poverty (返贫): returns[i] follows exits[i]. */
  returns: number[];
  /** Year removed from the list as wrongly identified (清退). */
  removed: number | null;
  /** Applied, and was turned down, in this year (不予识别). */
  rejected: number | null;
  /** The present: an application or an exit in progress, a recent identification or return. */
  present: PresentRole | null;
  /** Housing unsafe (C/D) in the years [from, to); to = null: still unsafe. */
  unsafe: { from: number; to: number | null } | null;
  /** Safe drinking water reached the household in this year. */
  waterFixed: number | null;
}

/** Exit-year samplers by identification year: only years after identification. */
const exitAfter = new Map<number, (r: Rng) => number>();
function pickExit(r: Rng, identified: number): number {
  let pick = exitAfter.get(identified);
  if (!pick) {
    pick = table(EXIT_SHARES.filter(([y]) => y > identified));
    exitAfter.set(identified, pick);
  }
  return pick(r);
}

const empty = (): Timeline => ({
  identified: null,
  exits: [],
  returns: [],
  removed: null,
  rejected: null,
  present: null,
  unsafe: null,
  waterFixed: null,
});

/**
 * The course of a household: `identified` = chosen by the village's allocation; `present` = one of the
 * village's present households (a never-identified household for an application or a new identification,
 * an identified one for a return).
 */
export function makeTimeline(r: Rng, identified: boolean, present: PresentRole | null): Timeline {
  const t = empty();
  t.present = present;
  if (present?.kind === 'applying') return t;
  if (present?.kind === 'new_poor') {
    t.identified = present.year;
    return t;
  }
  if (!identified) {
    if (r.chance(0.012)) t.rejected = r.chance(0.8) ? 2014 : r.int(2015, 2017);
    return t;
  }
  const year = pickIdentifiedYear(r);
  t.identified = year;
  if (present?.kind !== 'returned' && r.chance(REMOVED_SHARE)) {
    t.removed = Math.min(CLEARED_YEAR, year + r.int(1, 2));
    return t;
  }
  const exit = pickExit(r, year);
  t.exits.push(exit);
  if (present?.kind === 'returned') t.returns.push(present.year);
  else if (exit <= CLEARED_YEAR - 2 && r.chance(RETURN_SHARE)) {
    const back = r.int(exit + 1, CLEARED_YEAR - 1);
    t.returns.push(back);
    t.exits.push(r.int(back + 1, CLEARED_YEAR));
  }
  return t;
}

/** The household's status in year `y` (its status now for the last year). */
export function statusIn(t: Timeline, y: number): HouseholdStatus {
  if (t.present?.kind === 'applying') return y === LAST_YEAR ? 'applicant' : 'non_poor';
  if (t.identified === null || y < t.identified) return 'non_poor';
  if (t.removed !== null && y >= t.removed) return 'removed';
  let s: HouseholdStatus = 'poor';
  t.exits.forEach((e, i) => {
    if (y >= e) s = 'exited';
    const back = t.returns[i];
    if (back !== undefined && y >= back) s = 'returned';
  });
  return s;
}

/** The present role of a household whose exit is in progress in the demo year (or null). */
export const exitInProgress = (t: Timeline) =>
  t.present && t.present.kind !== 'applying' && t.present.exitSteps > 0 ? t.present : null;

/** Is the housing unsafe in year `y`? */
export const unsafeIn = (t: Timeline, y: number) =>
  t.unsafe !== null && y >= t.unsafe.from && (t.unsafe.to === null || y < t.unsafe.to);

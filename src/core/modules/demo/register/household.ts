/**
 * One demo household: whether and when it was identified as poor, its attribute and causes, its exit,
 * return or removal, housing, members and yearly records.
 */
import type { HouseholdStatus } from '../../../../shared/register.ts';
import type { HouseholdInput } from '../../households/types.ts';
import type { Rng } from '../random.ts';
import type { IdRegistry } from './ids.ts';
import { makeMembers } from './persons.ts';
import {
  EXIT_SHARES,
  pickAttribute,
  pickIdentifiedYear,
  pickMainCause,
  pickOtherCause,
  pickOtherCount,
  pickSize,
  REF_YEAR,
  REMOVED_SHARE,
  RETURN_SHARE,
  table,
  type Attribute,
} from './tables.ts';
import { makeYears, type Timeline } from './years.ts';

export interface HouseholdSpot {
  code: string;
  villageCode: string;
  groupNo: number | null;
  address: string;
  /** Chosen by the village's allocation: this household was identified as poor at some point. */
  identified: boolean;
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

function timeline(r: Rng, identified: boolean): Timeline {
  const t: Timeline = {
    identified: null,
    exited: null,
    returned: null,
    removed: null,
    housingFixed: null,
    waterFixed: null,
  };
  if (!identified) return t;
  const year = pickIdentifiedYear(r);
  t.identified = year;
  if (r.chance(REMOVED_SHARE)) {
    t.removed = Math.min(REF_YEAR, year + r.int(1, 2));
    return t;
  }
  t.exited = pickExit(r, year);
  if (t.exited < REF_YEAR && r.chance(RETURN_SHARE)) t.returned = r.int(t.exited + 1, REF_YEAR);
  return t;
}

/** Makes a household for a spot in a village; `lines` = poverty line by year. */
export function makeHousehold(
  r: Rng,
  spot: HouseholdSpot,
  ids: IdRegistry,
  lines: ReadonlyMap<number, number>,
): HouseholdInput {
  const t = timeline(r, spot.identified);
  const registered = t.identified !== null;
  const attribute: Attribute | null = registered ? pickAttribute(r) : null;
  const mainCause = attribute ? pickMainCause[attribute](r) : null;
  const otherCauses: string[] = [];
  if (mainCause) {
    const want = pickOtherCount(r);
    for (let i = 0; i < 8 && otherCauses.length < want; i++) {
      const c = pickOtherCause(r);
      if (c !== mainCause && !otherCauses.includes(c)) otherCauses.push(c);
    }
  }
  let size = pickSize[attribute ?? 'none'](r);
  if (mainCause === 'schooling') while (size < 3) size = pickSize.general(r);
  const dibao = attribute === 'dibao' || attribute === 'tekun' || (!registered && r.chance(0.015));
  const members = makeMembers(r, { size, attribute, mainCause, dibao }, ids);

  // Housing: C/D among the poor until made safe (by the exit year at the latest); others mostly A/B.
  let housingGrade: string;
  let unsafeNow = false;
  if (registered && t.removed === null && r.chance(0.28)) {
    t.housingFixed = r.int(t.identified! + 1, t.exited!);
    housingGrade = r.chance(0.3) ? 'A' : 'B'; // relocated (易地搬迁) or renovated
  } else if (!registered && r.chance(0.012)) {
    housingGrade = 'C';
    unsafeNow = true;
  } else housingGrade = r.chance(registered ? 0.35 : 0.5) ? 'A' : 'B';
  if (registered && t.removed === null && r.chance(0.2)) t.waterFixed = r.int(t.identified! + 1, t.exited!);

  const status: HouseholdStatus = !registered
    ? 'non_poor'
    : t.removed !== null
      ? 'removed'
      : t.returned !== null
        ? 'returned'
        : 'exited';
  const head = members[0]!;
  return {
    code: spot.code,
    villageCode: spot.villageCode,
    groupNo: spot.groupNo,
    address: spot.address,
    phone: head.phone ?? null,
    housingGrade,
    attribute,
    mainCause,
    otherCauses,
    status,
    identifiedYear: t.identified,
    exitedYear: t.exited,
    members,
    years: makeYears(r, members, attribute, t, lines, t.housingFixed !== null || unsafeNow),
  };
}

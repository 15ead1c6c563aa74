/**
 * One demo household: its course over the years (timeline.ts), attribute and causes, housing, members,
 * yearly records and workflow history.
 */
import type { HouseholdInput } from '../../households/types.ts';
import type { Rng } from '../random.ts';
import { makeHistory, type History, type Places } from './events.ts';
import type { IdRegistry } from './ids.ts';
import { makeMembers } from './persons.ts';
import type { PresentRole } from './present.ts';
import {
  LAST_YEAR,
  pickAttribute,
  pickMainCause,
  pickOtherCause,
  pickOtherCount,
  pickSize,
  type Attribute,
} from './tables.ts';
import { exitInProgress, makeTimeline, statusIn } from './timeline.ts';
import { makeYears } from './years.ts';

export interface HouseholdSpot {
  code: string;
  villageCode: string;
  groupNo: number | null;
  address: string;
  /** Chosen by the village's allocation: this household was identified as poor at some point. */
  identified: boolean;
  /** One of the village's present households (see present.ts), or null. */
  present?: PresentRole | null;
  /** Register a spouse or daughter-in-law of an earlier household here again: a deliberate duplicate ID. */
  duplicate?: boolean;
  places: Places;
}

/** A generated household: what the register's write path takes, and its workflow history. */
export interface DemoHousehold {
  input: HouseholdInput;
  history: History;
  /** The deliberate duplicate ID was placed here. */
  duplicated: boolean;
}

/** An applicant has none yet; a household identified lately is a general or a 低保 one. */
function attributeOf(r: Rng, present: PresentRole | null, registered: boolean): Attribute | null {
  if (present?.kind === 'applying') return null;
  if (present?.kind === 'new_poor') return r.chance(0.7) ? 'general' : 'dibao';
  return registered ? pickAttribute(r) : null;
}

/** Makes a household for a spot in a village; `lines` = poverty line by year. */
export function makeHousehold(
  r: Rng,
  spot: HouseholdSpot,
  ids: IdRegistry,
  lines: ReadonlyMap<number, number>,
): DemoHousehold {
  const present = spot.present ?? null;
  const t = makeTimeline(r, spot.identified, present);
  const registered = t.identified !== null;
  const recent = present !== null && present.kind !== 'returned'; // applied or identified lately
  const attribute = attributeOf(r, present, registered);
  const mainCause = recent ? present.cause : attribute ? pickMainCause[attribute](r) : null;
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
  const dibao = attribute === 'dibao' || attribute === 'tekun' || (!registered && !recent && r.chance(0.015));
  const { members, duplicated } = makeMembers(r, { size, attribute, mainCause, dibao, duplicate: spot.duplicate }, ids);

  // Housing: C/D among the poor until made safe (by the first exit at the latest); others mostly A/B. A recent
  // disaster damaged the house: unsafe until repaired for the exit in progress.
  let housingGrade = r.chance(registered ? 0.35 : 0.5) ? 'A' : 'B';
  const firstExit = t.exits[0];
  if (recent && present.cause === 'disaster') {
    const hit = present.kind === 'applying' ? LAST_YEAR : present.year;
    const repaired = exitInProgress(t) !== null;
    t.unsafe = { from: hit, to: repaired ? LAST_YEAR : null };
    housingGrade = repaired ? 'B' : r.chance(0.6) ? 'C' : 'D';
  } else if (firstExit !== undefined && r.chance(0.28)) {
    t.unsafe = { from: 2014, to: r.int(t.identified! + 1, firstExit) };
    housingGrade = r.chance(0.3) ? 'A' : 'B'; // relocated (易地搬迁) or renovated
  } else if (!registered && !recent && r.chance(0.012)) {
    t.unsafe = { from: 2014, to: null };
    housingGrade = 'C';
  }
  if (firstExit !== undefined && r.chance(0.2)) t.waterFixed = r.int(t.identified! + 1, firstExit);

  const head = members[0]!;
  const years = makeYears(r, members, attribute, t, lines);
  const input: HouseholdInput = {
    code: spot.code,
    villageCode: spot.villageCode,
    groupNo: spot.groupNo,
    address: spot.address,
    phone: head.phone ?? null,
    housingGrade,
    attribute,
    mainCause,
    otherCauses,
    status: statusIn(t, LAST_YEAR),
    identifiedYear: t.identified,
    exitedYear: t.exits.at(-1) ?? null,
    members,
    years,
  };
  const history = makeHistory(r, t, { members, attribute, mainCause, years, lines }, spot.places);
  return { input, history, duplicated };
}

/**
 * Yearly records of a demo household: income by source and the 两不愁三保障 + water indicators for each
 * year from identification to 2020, consistent with the exit rule — below the line or some indicator
 * unmet while poor; above the line with everything met in the exit year and after.
 */
import type { HouseholdStatus } from '../../../../shared/register.ts';
import type { MemberInput, YearInput } from '../../households/types.ts';
import type { Rng } from '../random.ts';
import { dibaoPerYear, pensionPerYear, REF_YEAR, tekunPerYear, type Attribute } from './tables.ts';

/** What happened to a household over the years (null: did not happen). */
export interface Timeline {
  identified: number | null;
  exited: number | null;
  returned: number | null;
  removed: number | null;
  /** Dangerous housing (C/D) made safe in this year (renovated or relocated). */
  housingFixed: number | null;
  /** Safe drinking water reached the household in this year. */
  waterFixed: number | null;
}

const u = (r: Rng, lo: number, hi: number) => lo + r.next() * (hi - lo);

interface Indicators {
  foodClothing: boolean;
  education: boolean;
  medical: boolean;
  housing: boolean;
  water: boolean;
}
/** What the income split needs to know about the household. */
interface Household {
  attribute: Attribute | null;
  born: number[];
  dibaoMembers: number;
  workers: number;
}
const UNMET = ['housing', 'water', 'medical'] as const;
const WORKING = new Set(['migrant', 'county', 'local']);

function statusIn(t: Timeline, y: number): HouseholdStatus {
  if (t.removed !== null && y >= t.removed) return 'removed';
  if (t.returned !== null && y >= t.returned) return 'returned';
  if (t.exited !== null && y >= t.exited) return 'exited';
  return 'poor';
}

/** Splits a net income into sources: transfers and dividends first, then wages vs household business. */
function split(r: Rng, y: number, net: number, h: Household, status: HouseholdStatus, ind: Indicators): YearInput {
  let transfer = 0;
  for (let i = 0; i < h.born.length; i++) if (y - h.born[i]! >= 60) transfer += pensionPerYear(y);
  transfer += h.dibaoMembers * (h.attribute === 'tekun' ? tekunPerYear(y) : dibaoPerYear(y));
  transfer += r.int(60, 320); // 生态补偿, 耕地地力补贴
  transfer = Math.min(transfer, Math.floor(net * (h.attribute === 'dibao' || h.attribute === 'tekun' ? 0.9 : 0.6)));
  const dividend = h.attribute !== null && y >= 2016 ? r.int(150, 900) : r.chance(0.1) ? r.int(100, 2000) : 0;
  const property = Math.min(dividend, Math.floor((net - transfer) * 0.3));
  const rest = net - transfer - property;
  const wage = Math.round(rest * (h.workers > 0 ? u(r, 0.55, 0.92) : u(r, 0, 0.15)));
  const business = rest - wage;
  const costShare = u(r, 0.2, 0.4);
  const cost = Math.round((business * costShare) / (1 - costShare));
  return {
    year: y,
    status,
    incomeWage: wage,
    incomeBusiness: business + cost,
    incomeTransfer: transfer,
    incomeProperty: property,
    productionCost: cost,
    foodClothing: ind.foodClothing,
    education: ind.education,
    medical: ind.medical,
    housing: ind.housing,
    water: ind.water,
  };
}

/** Is there a child of compulsory-school age (6–15) in year `y`? */
const schoolChild = (born: number[], y: number) => born.some((b) => y - b >= 6 && y - b <= 15);

/**
 * One record per year. Registered households: identification year to 2020; others: 2020 only.
 * `lines` holds the poverty line of each year.
 */
export function makeYears(
  r: Rng,
  members: MemberInput[],
  attribute: Attribute | null,
  t: Timeline,
  lines: ReadonlyMap<number, number>,
  unsafeHousing: boolean,
): YearInput[] {
  const n = members.length;
  const line = (y: number) => lines.get(y)!;
  const h: Household = {
    attribute,
    born: members.map((m) => Number(m.birthDate!.slice(0, 4))),
    dibaoMembers: members.filter((m) => m.dibao).length,
    workers: members.filter((m) => WORKING.has(m.workStatus ?? '')).length,
  };
  if (t.identified === null) {
    // never poor: mostly well above the line (median ≈ 2.7× in 2020), a few close to it
    const factor = r.chance(0.04) ? u(r, 1.1, 1.5) : Math.max(1.2, Math.exp(Math.log(2.7) + 0.45 * gauss(r)));
    const net = Math.ceil(line(REF_YEAR) * factor * n);
    const all = { foodClothing: true, education: true, medical: true, housing: !unsafeHousing, water: true };
    return [split(r, REF_YEAR, net, h, 'non_poor', all)];
  }
  const out: YearInput[] = [];
  let level = u(r, 0.45, 0.9); // per-capita income as a share of the line at identification
  let pc = 0;
  for (let y = t.identified; y <= REF_YEAR; y++) {
    const status = statusIn(t, y);
    const schoolAge = schoolChild(h.born, y);
    let ind: Indicators = { foodClothing: true, education: true, medical: true, housing: true, water: true };
    let net: number;
    if (status === 'removed' || (t.removed !== null && status === 'poor')) {
      // wrongly identified: income was above the line all along
      net = Math.ceil(line(y) * u(r, 1.3, 2.2) * n);
    } else if (status === 'poor' || status === 'returned') {
      const early = Math.max(0, 2017 - y) / 3; // gaps close over the years
      ind = {
        foodClothing: !r.chance(0.02),
        education: !(schoolAge && r.chance(0.03 + 0.03 * early)),
        medical: !r.chance(status === 'returned' ? 0.4 : 0.02 + 0.08 * early),
        housing: !(unsafeHousing && (t.housingFixed === null || y < t.housingFixed)),
        water: !(t.waterFixed !== null && y < t.waterFixed),
      };
      const aboveLine = status === 'poor' && y > t.identified && r.chance(0.08);
      if (aboveLine) {
        net = Math.ceil(line(y) * u(r, 1.01, 1.12) * n);
        if (ind.foodClothing && ind.education && ind.medical && ind.housing && ind.water) ind[r.pick(UNMET)] = false;
      } else {
        const share = status === 'returned' ? u(r, 0.55, 0.95) : Math.min(0.97, level + u(r, -0.03, 0.07));
        level = share;
        net = Math.floor(line(y) * share * n);
      }
      pc = 0;
    } else {
      // exited: the exit year above the line with everything met, then growing
      pc = y === t.exited || pc === 0 ? line(y) * u(r, 1.1, 1.7) : Math.max(pc * u(r, 1.04, 1.18), line(y) * 1.08);
      net = Math.ceil(pc * n);
    }
    if (!schoolAge) ind.education = true;
    out.push(split(r, y, net, h, status, ind));
  }
  return out;
}

/** A standard normal draw (Box–Muller). */
function gauss(r: Rng): number {
  const a = Math.max(r.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * r.next());
}

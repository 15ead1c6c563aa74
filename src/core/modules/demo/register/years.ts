/**
 * Yearly records of a demo household: income by source and the 两不愁三保障 + water indicators for every year
 * from the 2014 registration to the demo year, consistent with the exit rule — below the line or some
 * indicator unmet while poor; above the line with everything met in the exit year and after (the
 * consolidation period keeps recording the income of exited households); above the line for households
 * never poor.
 */
import type { HouseholdStatus } from '../../../../shared/register.ts';
import type { MemberInput, YearInput } from '../../households/types.ts';
import type { Rng } from '../random.ts';
import { dibaoPerYear, FIRST_YEAR, LAST_YEAR, pensionPerYear, tekunPerYear, type Attribute } from './tables.ts';
import { exitInProgress, statusIn, unsafeIn, type Timeline } from './timeline.ts';

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

/** Splits a net income into sources: transfers and dividends first, then wages vs household business. */
function split(r: Rng, y: number, net: number, h: Household, status: HouseholdStatus, ind: Indicators): YearInput {
  let transfer = 0;
  for (let i = 0; i < h.born.length; i++) if (y - h.born[i]! >= 60) transfer += pensionPerYear(y);
  const registered = status === 'poor' || status === 'exited' || status === 'returned';
  // a registered household's 低保 / 特困 support came with its identification
  if (registered || h.attribute === null)
    transfer += h.dibaoMembers * (h.attribute === 'tekun' ? tekunPerYear(y) : dibaoPerYear(y));
  transfer += r.int(60, 320); // 生态补偿, 耕地地力补贴
  transfer = Math.min(transfer, Math.floor(net * (h.attribute === 'dibao' || h.attribute === 'tekun' ? 0.9 : 0.6)));
  // dividends of the poverty-alleviation cooperatives (入股分红) from 2016 for registered households
  const dividend = registered && y >= 2016 ? r.int(150, 900) : r.chance(0.1) ? r.int(100, 2000) : 0;
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
 * One record per year from FIRST_YEAR to LAST_YEAR. `lines` holds the poverty line of each year.
 */
export function makeYears(
  r: Rng,
  members: MemberInput[],
  attribute: Attribute | null,
  t: Timeline,
  lines: ReadonlyMap<number, number>,
): YearInput[] {
  const n = members.length;
  const line = (y: number) => lines.get(y)!;
  const h: Household = {
    attribute,
    born: members.map((m) => Number(m.birthDate!.slice(0, 4))),
    dibaoMembers: members.filter((m) => m.dibao).length,
    workers: members.filter((m) => WORKING.has(m.workStatus ?? '')).length,
  };
  // Never poor: mostly well above the line (median ≈ 2.7× in 2020), a few close to it, growing 5–9% a year.
  // Households that became poor (or applied) later lived a little above the line until then.
  const never = t.identified === null && t.present === null && t.rejected === null;
  const factor = !never
    ? u(r, 1.05, 1.35)
    : r.chance(0.04)
      ? u(r, 1.1, 1.5)
      : Math.max(1.2, Math.exp(Math.log(2.7) + 0.45 * gauss(r)));
  const growth = u(r, 1.05, 1.09);
  const exiting = exitInProgress(t);
  const out: YearInput[] = [];
  let level = u(r, 0.45, 0.9); // per-capita income as a share of the line while poor
  let pc = 0; // per-capita income of the last exited year
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    const status = statusIn(t, y);
    const schoolAge = schoolChild(h.born, y);
    let ind: Indicators = {
      foodClothing: true,
      education: true,
      medical: true,
      housing: !unsafeIn(t, y),
      water: !(t.waterFixed !== null && y < t.waterFixed),
    };
    let net: number;
    if (status === 'non_poor') {
      const f = never ? factor * growth ** (y - 2020) * (line(2020) / line(y)) : factor;
      net = Math.ceil(line(y) * Math.max(1.05, f * u(r, 0.97, 1.03)) * n);
    } else if (status === 'applicant') {
      // the illness or disaster of this year pushed the household below the line
      net = Math.floor(line(y) * u(r, 0.5, 0.85) * n);
    } else if (status === 'removed' || (t.removed !== null && status === 'poor')) {
      // wrongly identified: income was above the line all along
      net = Math.ceil(line(y) * u(r, 1.3, 2.2) * n);
    } else if ((status === 'poor' || status === 'returned') && exiting && y === LAST_YEAR) {
      // the exit in progress: this year's income is above the line and every indicator is met
      net = Math.ceil(line(y) * u(r, 1.08, 1.35) * n);
      ind = { foodClothing: true, education: true, medical: true, housing: true, water: true };
      pc = 0;
    } else if (status === 'poor' || status === 'returned') {
      const early = Math.max(0, 2017 - y) / 3; // gaps close over the years
      ind = {
        foodClothing: !r.chance(0.02),
        education: !(schoolAge && r.chance(0.03 + 0.03 * early)),
        medical: !r.chance(status === 'returned' ? 0.4 : 0.02 + 0.08 * early),
        housing: ind.housing,
        water: ind.water,
      };
      const aboveLine = status === 'poor' && y > t.identified! && y < LAST_YEAR && r.chance(0.08);
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
      // exited: the exit year above the line with everything met, then growing (more slowly after 2020)
      const step = y > 2020 ? u(r, 1.03, 1.12) : u(r, 1.04, 1.18);
      pc = pc === 0 ? line(y) * u(r, 1.1, 1.7) : Math.max(pc * step, line(y) * 1.08);
      net = Math.ceil(pc * n);
      ind = { foodClothing: true, education: true, medical: true, housing: true, water: true };
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

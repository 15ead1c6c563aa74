/**
 * Distributions of the demo register (竹山县-like mountain county: the 2014 registration, exits until 2020,
 * the consolidation period up to the demo year). Shares are weights, not percentages that must add up; each
 * table is turned into a cumulative sampler once.
 */
import { DEMO_YEAR } from '../calendar.ts';
import type { Rng } from '../random.ts';

export type Weighted<T> = readonly (readonly [T, number])[];

/** A sampler over weighted values (cumulative table, one rng draw per pick). */
export function table<T>(entries: Weighted<T>): (r: Rng) => T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  const cum = entries.map(([, w]) => (acc += w / total));
  return (r) => {
    const x = r.next();
    for (let i = 0; i < cum.length; i++) if (x < cum[i]!) return entries[i]![0];
    return entries[entries.length - 1]![0];
  };
}

/** Yearly records run from the registration year to the demo year for every household. */
export const FIRST_YEAR = 2014;
export const LAST_YEAR = DEMO_YEAR;
/** The last year of the campaign: every household identified until then had exited by its end. */
export const CLEARED_YEAR = 2020;

/** Share of households ever identified as poor (≈48,000 of 100,000 in 竹山县, seed 002), removed ones included. */
export const IDENTIFIED_SHARE = 0.4825;
/** Relative weight of identification in a poor village (flag poor_village) vs another village. */
export const POOR_VILLAGE_WEIGHT = 1.45;
export const OTHER_VILLAGE_WEIGHT = 0.75;

export type Attribute = 'general' | 'dibao' | 'tekun';
export const pickAttribute = table<Attribute>([
  ['general', 70],
  ['dibao', 25],
  ['tekun', 5],
]);

/** Year of identification: the 2014 registration, then the dynamic adjustments of 2015–2017. */
export const pickIdentifiedYear = table([
  [2014, 85],
  [2015, 6],
  [2016, 5],
  [2017, 4],
]);

/** Exit years (shares among households that could exit in them); 2020 is the last batch. */
export const EXIT_SHARES: Weighted<number> = [
  [2015, 5],
  [2016, 18],
  [2017, 22],
  [2018, 25],
  [2019, 22],
  [2020, 8],
];
export const RETURN_SHARE = 0.006; // 返贫 among households that exited by 2018, exited again by 2020
export const REMOVED_SHARE = 0.005; // 清退: wrongly identified, removed in a later review

/** Main cause by attribute — overall ≈ 因病 39%, 缺劳力 12%, 缺资金 12%, 缺技术 12%, 因残 9%, 因学 6%. */
export const pickMainCause: Record<Attribute, (r: Rng) => string> = {
  general: table([
    ['illness', 36],
    ['disability', 6],
    ['schooling', 8],
    ['disaster', 2.5],
    ['lack_land', 2.5],
    ['lack_water', 1.3],
    ['lack_skills', 16],
    ['lack_labour', 6],
    ['lack_funds', 16],
    ['poor_transport', 2.7],
    ['lack_motivation', 2],
    ['other', 1],
  ]),
  dibao: table([
    ['illness', 52],
    ['disability', 16],
    ['lack_labour', 22],
    ['schooling', 2],
    ['lack_skills', 2],
    ['lack_funds', 3],
    ['disaster', 1],
    ['other', 2],
  ]),
  tekun: table([
    ['lack_labour', 55],
    ['disability', 25],
    ['illness', 20],
  ]),
};
export const pickOtherCause = table([
  ['lack_funds', 30],
  ['lack_skills', 25],
  ['lack_labour', 12],
  ['illness', 10],
  ['schooling', 6],
  ['poor_transport', 5],
  ['disability', 4],
  ['lack_land', 3],
  ['disaster', 2],
  ['lack_water', 2],
  ['lack_motivation', 1],
]);
export const pickOtherCount = table([
  [0, 35],
  [1, 40],
  [2, 25],
]);

/** Household sizes 1–8: ≈3.7 for other households, 3.6 / 3.1 / 1.2 for general / 低保 / 特困 households. */
export const pickSize: Record<Attribute | 'none', (r: Rng) => number> = {
  none: table([
    [1, 7],
    [2, 17],
    [3, 23],
    [4, 25],
    [5, 16],
    [6, 8],
    [7, 3],
    [8, 1],
  ]),
  general: table([
    [1, 8],
    [2, 18],
    [3, 22],
    [4, 24],
    [5, 16],
    [6, 8],
    [7, 3],
    [8, 1],
  ]),
  dibao: table([
    [1, 15],
    [2, 25],
    [3, 22],
    [4, 20],
    [5, 11],
    [6, 5],
    [7, 2],
  ]),
  tekun: table([
    [1, 80],
    [2, 20],
  ]),
};

export const pickEthnicity = table([
  ['han', 97.6],
  ['tujia', 1.8],
  ['miao', 0.3],
  ['hui', 0.3],
]);

/** Education of adults by age band (as of the demo year); the poor shift one step down. */
export const pickEducation = {
  young: table([
    ['primary', 6],
    ['junior', 50],
    ['senior', 18],
    ['vocational', 14],
    ['college', 12],
  ]),
  middle: table([
    ['illiterate', 4],
    ['primary', 30],
    ['junior', 50],
    ['senior', 12],
    ['vocational', 2],
    ['college', 2],
  ]),
  old: table([
    ['illiterate', 35],
    ['primary', 45],
    ['junior', 17],
    ['senior', 3],
  ]),
};
export const LOWER: Record<string, string> = {
  college: 'senior',
  vocational: 'junior',
  senior: 'junior',
  junior: 'primary',
  primary: 'illiterate',
};

/** Where migrant workers go (外出务工地点). */
export const pickMigrantPlace = table([
  ['浙江宁波', 14],
  ['十堰市区', 14],
  ['广东东莞', 12],
  ['广东深圳', 8],
  ['湖北武汉', 7],
  ['浙江杭州', 6],
  ['江苏苏州', 6],
  ['浙江温州', 5],
  ['广东广州', 5],
  ['上海', 5],
  ['北京', 4],
  ['湖北襄阳', 3],
  ['河南郑州', 3],
  ['陕西西安', 3],
  ['福建厦门', 3],
  ['新疆', 2],
]);
export const pickMigrantMonths = table([
  [12, 30],
  [11, 20],
  [10, 20],
  [9, 10],
  [8, 8],
  [6, 7],
  [4, 5],
]);

/** Transfers (yuan per person per year): basic pension from 60, 低保 and 特困 support; year-dependent. */
export const pensionPerYear = (y: number) => 840 + 66 * (y - FIRST_YEAR);
export const dibaoPerYear = (y: number) => 1800 + 260 * (y - FIRST_YEAR);
export const tekunPerYear = (y: number) => 3000 + 450 * (y - FIRST_YEAR);

/**
 * Policy parameters (政策参数): poverty lines, thresholds and lists, by year and by province. Nothing
 * here is a constant of the rules: the rules take the resolved values as arguments.
 */
import type { ParamInput } from '../../../shared/contracts/policy.ts';
import { PARAM_DEFS, type ParamDef } from '../../../shared/policy.ts';

/** One value: key, province ('' national), year (0 any year), value — as the contract declares it. */
export type ParamRow = ParamInput;

/**
 * The most specific value for (key, year, province): province+year, then national+year, then
 * province (any year), then national (any year). Undefined when none is set.
 */
export function resolveParam(rows: readonly ParamRow[], key: string, year: number, province = ''): unknown {
  const order: [string, number][] = [
    [province, year],
    ['', year],
    [province, 0],
    ['', 0],
  ];
  for (const [p, y] of order) {
    const hit = rows.find((r) => r.key === key && r.province === p && r.year === y);
    if (hit) return hit.value;
  }
  return undefined;
}

/** The shipped defaults, seeded into policy_param when missing; an administrator may change any of them. */
export const POLICY_DEFAULTS: ParamRow[] = [
  // 国家扶贫标准（现价，元/人·年）
  ...(
    [
      [2014, 2800],
      [2015, 2855],
      [2016, 2952],
      [2017, 3335],
      [2018, 3535],
      [2019, 3747],
      [2020, 4000],
      [2021, 4100],
      [2022, 4300],
      [2023, 4500],
      [2024, 4700],
      [2025, 4900],
      [2026, 5000],
    ] as const
  ).map(([year, value]) => ({ key: 'poverty_line', province: '', year, value })),
  // 防返贫监测收入标准: about 1.5× the line unless a province sets its own (e.g. 湖北十堰 2022: 6900)
  { key: 'monitoring_threshold', province: '', year: 2021, value: 6000 },
  { key: 'monitoring_threshold', province: '', year: 2022, value: 6500 },
  { key: 'monitoring_threshold', province: '42', year: 2022, value: 6900 },
  { key: 'monitoring_threshold', province: '', year: 2023, value: 6900 },
  { key: 'monitoring_threshold', province: '', year: 2024, value: 7200 },
  { key: 'monitoring_threshold', province: '', year: 2025, value: 7500 },
  { key: 'monitoring_threshold', province: '', year: 2026, value: 7800 },
  { key: 'village_exit_incidence', province: '', year: 0, value: 0.02 },
  { key: 'village_exit_incidence_west', province: '', year: 0, value: 0.03 },
  { key: 'county_exit_incidence', province: '', year: 0, value: 0.02 },
  { key: 'county_exit_incidence_west', province: '', year: 0, value: 0.03 },
  { key: 'wrong_exit_rate_max', province: '', year: 0, value: 0.02 },
  { key: 'missed_rate_max', province: '', year: 0, value: 0.02 },
  { key: 'public_approval_min', province: '', year: 0, value: 0.9 },
  {
    key: 'western_provinces',
    province: '',
    year: 0,
    value: ['15', '45', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'],
  },
  { key: 'compulsory_education_ages', province: '', year: 0, value: [6, 15] },
  { key: 'max_other_causes', province: '', year: 0, value: 2 },
  // 帮扶力量 (help forces)
  { key: 'team_min_size', province: '', year: 0, value: 3 },
  { key: 'term_min_months', province: '', year: 0, value: 24 },
  { key: 'village_days_min', province: '', year: 0, value: 200 },
  { key: 'leave_township_max_days', province: '', year: 0, value: 3 },
  { key: 'work_fund_per_team', province: '', year: 0, value: 50000 },
  { key: 'pairing_household_cap', province: '', year: 0, value: 5 },
  { key: 'cadre_young_age_max', province: '', year: 0, value: 45 },
];

const fmt = (n: number) => n.toLocaleString('en-US');

/** The bounds of a number parameter (or of each end of a range); a ratio is 0–1 unless its key narrows it. */
export function paramBounds(def: ParamDef): { min: number; max: number; integer: boolean } {
  const ratio = def.kind === 'ratio';
  return {
    min: def.min ?? 0,
    max: def.max ?? (ratio ? 1 : Number.MAX_SAFE_INTEGER),
    integer: def.integer ?? false,
  };
}

/** Is `v` a number within the bounds (inclusive), and whole if it must be? */
const within = (v: unknown, b: ReturnType<typeof paramBounds>): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= b.min && v <= b.max && (!b.integer || Number.isInteger(v));

/** Checks a value against its key's kind and range; returns a problem (in Chinese and English) or null. */
export function paramProblem(key: string, value: unknown): { zh: string; en: string } | null {
  const def = PARAM_DEFS[key];
  if (!def) return { zh: `未知参数：${key}`, en: `Unknown parameter: ${key}` };
  const b = paramBounds(def);
  const unit = def.unit ? { zh: `（${def.unit.zh}）`, en: ` ${def.unit.en}` } : { zh: '', en: '' };
  const span = { zh: `${fmt(b.min)} 到 ${fmt(b.max)}`, en: `${fmt(b.min)} to ${fmt(b.max)}` };
  switch (def.kind) {
    case 'number':
      return within(value, b)
        ? null
        : {
            zh: `应为 ${span.zh} 之间的${b.integer ? '整数' : '数'}${unit.zh}`,
            en: `Must be ${b.integer ? 'a whole number' : 'a number'} from ${span.en}${unit.en}`,
          };
    case 'ratio':
      return within(value, b) ? null : { zh: `应为 ${span.zh} 之间的比例`, en: `Must be a ratio from ${span.en}` };
    case 'codes':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && /^\d{2}$/.test(v))
        ? null
        : { zh: '应为两位省级代码列表', en: 'Must be a list of 2-digit province codes' };
    case 'range': {
      const [lo, hi] = Array.isArray(value) && value.length === 2 ? (value as unknown[]) : [];
      return within(lo, b) && within(hi, b) && lo <= hi
        ? null
        : {
            zh: `应为 [下限, 上限]，两端为 ${span.zh} 之间的${b.integer ? '整数' : '数'}${unit.zh}，下限不大于上限`,
            en: `Must be [min, max], each ${b.integer ? 'a whole number' : 'a number'} from ${span.en}${unit.en}, min ≤ max`,
          };
    }
  }
}

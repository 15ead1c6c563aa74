/** Policy parameter keys (政策参数) with their names and value kinds, for the server's checks and the web app. */
import type { Bilingual } from './codes.ts';

export type ParamKind = 'number' | 'ratio' | 'codes' | 'range';

/**
 * A parameter's definition: its name, kind and unit, and for numbers (and the two ends of a range) the
 * values a county would accept — `min` and `max` inclusive, `integer` for counts. A ratio is 0–1 unless
 * narrowed. The server refuses anything outside (policy/rules.ts paramProblem); forms may use the same bounds.
 */
export interface ParamDef extends Bilingual {
  kind: ParamKind;
  unit?: Bilingual;
  min?: number;
  max?: number;
  integer?: boolean;
}

const YUAN_PER_PERSON = { zh: '元/人·年', en: 'yuan/person·yr' };
const DAYS = { zh: '天', en: 'days' };

export const PARAM_DEFS: Record<string, ParamDef> = {
  // A line of at least 1 yuan and at most 100,000 yuan a person a year (the national line was 2,300 in 2011 prices).
  poverty_line: { zh: '贫困线', en: 'Poverty line', kind: 'number', unit: YUAN_PER_PERSON, min: 1, max: 100_000 },
  monitoring_threshold: {
    zh: '监测收入标准',
    en: 'Monitoring income threshold',
    kind: 'number',
    unit: YUAN_PER_PERSON,
    min: 1,
    max: 100_000,
  },
  village_exit_incidence: { zh: '贫困村退出发生率', en: 'Village exit incidence', kind: 'ratio' },
  village_exit_incidence_west: { zh: '贫困村退出发生率（西部）', en: 'Village exit incidence (west)', kind: 'ratio' },
  county_exit_incidence: { zh: '贫困县摘帽发生率', en: 'County exit incidence', kind: 'ratio' },
  county_exit_incidence_west: { zh: '贫困县摘帽发生率（西部）', en: 'County exit incidence (west)', kind: 'ratio' },
  wrong_exit_rate_max: { zh: '错退率上限', en: 'Max wrongly-exited rate', kind: 'ratio' },
  missed_rate_max: { zh: '漏评率上限', en: 'Max missed-identification rate', kind: 'ratio' },
  public_approval_min: { zh: '群众认可度下限', en: 'Min public approval', kind: 'ratio' },
  western_provinces: { zh: '西部省份', en: 'Western provinces', kind: 'codes' },
  compulsory_education_ages: {
    zh: '义务教育年龄段',
    en: 'Compulsory education ages',
    kind: 'range',
    unit: { zh: '岁', en: 'years of age' },
    min: 0,
    max: 25,
    integer: true,
  },
  max_other_causes: {
    zh: '其他致贫原因最多项数',
    en: 'Max other causes',
    kind: 'number',
    min: 0,
    max: 10,
    integer: true,
  },
  team_min_size: {
    zh: '驻村工作队最少人数',
    en: 'Min work-team size',
    kind: 'number',
    unit: { zh: '人', en: 'persons' },
    min: 1,
    max: 50,
    integer: true,
  },
  term_min_months: {
    zh: '驻村任期最短',
    en: 'Min stationing term',
    kind: 'number',
    unit: { zh: '月', en: 'months' },
    min: 1,
    max: 120,
    integer: true,
  },
  village_days_min: {
    zh: '年度在村天数下限',
    en: 'Min days in the village per year',
    kind: 'number',
    unit: DAYS,
    min: 0,
    max: 366,
    integer: true,
  },
  leave_township_max_days: {
    zh: '乡镇可审批请假天数上限',
    en: 'Longest leave the township approves',
    kind: 'number',
    unit: DAYS,
    min: 0,
    max: 366,
    integer: true,
  },
  work_fund_per_team: {
    zh: '驻村工作经费',
    en: 'Work funds per team',
    kind: 'number',
    unit: { zh: '元/队·年', en: 'yuan/team·yr' },
    min: 0,
    max: 10_000_000,
  },
  pairing_household_cap: {
    zh: '每名帮扶责任人结对户数上限',
    en: 'Max households per pairing cadre',
    kind: 'number',
    unit: { zh: '户', en: 'households' },
    min: 1,
    max: 100,
    integer: true,
  },
  cadre_young_age_max: {
    zh: '年轻干部年龄线（统计用）',
    en: 'Age counted as young (statistics)',
    kind: 'number',
    unit: { zh: '岁', en: 'years' },
    min: 18,
    max: 70,
    integer: true,
  },
};

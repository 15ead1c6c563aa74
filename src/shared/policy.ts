/** Policy parameter keys (政策参数) with their names and value kinds, for the server's checks and the web app. */
import type { Bilingual } from './codes.ts';

export type ParamKind = 'number' | 'ratio' | 'codes' | 'range';

export const PARAM_DEFS: Record<string, Bilingual & { kind: ParamKind; unit?: Bilingual }> = {
  poverty_line: { zh: '贫困线', en: 'Poverty line', kind: 'number', unit: { zh: '元/人·年', en: 'yuan/person·yr' } },
  monitoring_threshold: {
    zh: '监测收入标准',
    en: 'Monitoring income threshold',
    kind: 'number',
    unit: { zh: '元/人·年', en: 'yuan/person·yr' },
  },
  village_exit_incidence: { zh: '贫困村退出发生率', en: 'Village exit incidence', kind: 'ratio' },
  village_exit_incidence_west: { zh: '贫困村退出发生率（西部）', en: 'Village exit incidence (west)', kind: 'ratio' },
  county_exit_incidence: { zh: '贫困县摘帽发生率', en: 'County exit incidence', kind: 'ratio' },
  county_exit_incidence_west: { zh: '贫困县摘帽发生率（西部）', en: 'County exit incidence (west)', kind: 'ratio' },
  wrong_exit_rate_max: { zh: '错退率上限', en: 'Max wrongly-exited rate', kind: 'ratio' },
  missed_rate_max: { zh: '漏评率上限', en: 'Max missed-identification rate', kind: 'ratio' },
  public_approval_min: { zh: '群众认可度下限', en: 'Min public approval', kind: 'ratio' },
  western_provinces: { zh: '西部省份', en: 'Western provinces', kind: 'codes' },
  compulsory_education_ages: { zh: '义务教育年龄段', en: 'Compulsory education ages', kind: 'range' },
  max_other_causes: { zh: '其他致贫原因最多项数', en: 'Max other causes', kind: 'number' },
  team_min_size: {
    zh: '驻村工作队最少人数',
    en: 'Min work-team size',
    kind: 'number',
    unit: { zh: '人', en: 'persons' },
  },
  term_min_months: { zh: '驻村任期最短', en: 'Min stationing term', kind: 'number', unit: { zh: '月', en: 'months' } },
  village_days_min: {
    zh: '年度在村天数下限',
    en: 'Min days in the village per year',
    kind: 'number',
    unit: { zh: '天', en: 'days' },
  },
  leave_township_max_days: {
    zh: '乡镇可审批请假天数上限',
    en: 'Longest leave the township approves',
    kind: 'number',
    unit: { zh: '天', en: 'days' },
  },
  work_fund_per_team: {
    zh: '驻村工作经费',
    en: 'Work funds per team',
    kind: 'number',
    unit: { zh: '元/队·年', en: 'yuan/team·yr' },
  },
  pairing_household_cap: {
    zh: '每名帮扶责任人结对户数上限',
    en: 'Max households per pairing cadre',
    kind: 'number',
    unit: { zh: '户', en: 'households' },
  },
  cadre_young_age_max: {
    zh: '年轻干部年龄线（统计用）',
    en: 'Age counted as young (statistics)',
    kind: 'number',
    unit: { zh: '岁', en: 'years' },
  },
};

/**
 * Statistics' workbench entries: the persons in the register and the poverty incidence now (headlines, the totals
 * of the statistics page) and the villages missing one of the five ones (a gap, counted by the five-ones list).
 */
import { FiveOnesQuery } from '../../../shared/contracts/forces-stats.ts';
import {
  countQuery,
  listDrill,
  url,
  type Drill,
  type HeadlineFigure,
  type Once,
  type TodoEntry,
} from '../workbench/types.ts';
import type { Db } from '../../db/index.ts';
import type { Scope } from '../../access/scope.ts';
import { fiveOnesList } from './five-ones.ts';
import { povertyIncidence } from './service.ts';

/** The statistics page's totals (now), computed once per request for both figures. */
const totals = (db: Db, scope: Scope, once: Once) =>
  once('stats.poverty', async () => (await povertyIncidence(db, scope, {})).total ?? null);

const statsDrill = (region: string, field: string): Drill => ({
  link: url('/stats', { region }),
  api: url('/api/stats/poverty', { region }),
  field,
});

export const statsHeadlines: HeadlineFigure[] = [
  {
    key: 'register.persons',
    order: 20,
    label: { zh: '人口', en: 'Persons' },
    permission: 'household.read',
    unit: 'person',
    value: async (db, scope, once) => (await totals(db, scope, once))?.persons ?? null,
    drill: (region) => statsDrill(region, 'total.persons'),
  },
  {
    key: 'register.incidence',
    order: 70,
    label: { zh: '贫困发生率', en: 'Poverty incidence' },
    permission: 'household.read',
    unit: 'ratio',
    value: async (db, scope, once) => (await totals(db, scope, once))?.incidence ?? null,
    drill: (region) => statsDrill(region, 'total.incidence'),
  },
];

const missing = { missing: 'true' };

export const statsTodos: TodoEntry[] = [
  {
    key: 'five_ones.gaps',
    group: 'gap',
    label: { zh: '“五个一”未落实的村', en: 'Villages missing one of the five ones' },
    permission: 'force.station',
    count: async (db, scope) => (await fiveOnesList(db, scope, countQuery(FiveOnesQuery, missing))).total,
    drill: (region) => listDrill('/forces/five-ones', '/api/five-ones', { region, ...missing }),
  },
];

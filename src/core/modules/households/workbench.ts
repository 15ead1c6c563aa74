/**
 * The register's workbench entries: the households of the region by status (headlines) and the registered
 * households whose yearly record lacks an indicator (a gap) — each counted by the household list itself, with the
 * filters its link carries.
 */
import { HouseholdListQuery } from '../../../shared/contracts/households.ts';
import { REGISTERED_STATUSES } from '../../../shared/register.ts';
import type { Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { countQuery, listDrill, type HeadlineFigure, type TodoEntry } from '../workbench/types.ts';
import { householdList } from './service.ts';

type Filters = Record<string, string | undefined>;

/** The total of the household list with these filters (as the list's URL and API carry them). */
export const countHouseholds = async (db: Db, scope: Scope, f: Filters) =>
  (await householdList(db, scope, countQuery(HouseholdListQuery, f))).total;

/** The household list of the region with these filters, on the page and in the API. */
export const householdsDrill = (region: string, f: Filters) =>
  listDrill('/households', '/api/households', { region, ...f });

const byStatus = (key: string, order: number, label: HeadlineFigure['label'], status?: string): HeadlineFigure => ({
  key,
  order,
  label,
  permission: 'household.read',
  unit: 'household',
  value: (db, scope) => countHouseholds(db, scope, { status }),
  drill: (region) => householdsDrill(region, { status }),
});

export const householdHeadlines: HeadlineFigure[] = [
  byStatus('register.households', 10, { zh: '农户', en: 'Households' }),
  byStatus('register.registered', 30, { zh: '建档立卡户', en: 'Registered households' }, REGISTERED_STATUSES.join(',')),
  byStatus('register.poor', 40, { zh: '未脱贫户', en: 'Poor households' }, 'poor'),
  byStatus('register.exited', 50, { zh: '已脱贫户', en: 'Exited households' }, 'exited'),
  byStatus('register.returned', 60, { zh: '返贫户', en: 'Returned to poverty' }, 'returned'),
];

const missing = { flag: 'missing_indicator' };

export const householdTodos: TodoEntry[] = [
  {
    key: 'register.missing_indicator',
    group: 'gap',
    label: { zh: '缺少“两不愁三保障”指标的建档立卡户', en: 'Registered households missing an indicator' },
    permission: 'household.write',
    count: (db, scope) => countHouseholds(db, scope, missing),
    drill: (region) => householdsDrill(region, missing),
  },
];

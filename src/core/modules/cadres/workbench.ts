/**
 * The help forces' workbench entries: the recall requests waiting for approval, and the cadres stationed in the
 * region (a headline) — counted by the recall list and the cadre list.
 */
import { CadreListQuery } from '../../../shared/contracts/cadres.ts';
import { RecallListQuery } from '../../../shared/contracts/teams.ts';
import { countQuery, listDrill, type HeadlineFigure, type TodoEntry } from '../workbench/types.ts';
import { recallList } from './recalls.ts';
import { cadreList } from './service.ts';

const pending = { status: 'pending' };
const stationed = { stationed: 'true' };

export const cadreTodos: TodoEntry[] = [
  {
    key: 'recall.pending',
    group: 'approval',
    label: { zh: '待审批的召回申请', en: 'Recall requests waiting for approval' },
    permission: 'recall.approve',
    count: async (db, scope) => (await recallList(db, scope, countQuery(RecallListQuery, pending))).total,
    drill: (region) => listDrill('/forces/teams', '/api/recalls', { region, ...pending }, { tab: 'recalls' }),
  },
];

export const cadreHeadlines: HeadlineFigure[] = [
  {
    key: 'forces.stationed',
    order: 80,
    label: { zh: '驻村干部', en: 'Stationed cadres' },
    permission: 'force.read',
    unit: 'cadre',
    value: async (db, scope) => (await cadreList(db, scope, countQuery(CadreListQuery, stationed))).total,
    drill: (region) => listDrill('/forces/cadres', '/api/cadres', { region, ...stationed }),
  },
];

/** Pairings' workbench entry: the poor households without a responsible cadre (a gap), counted by the gap list. */
import { COUNT_ONLY } from '../../db/list.ts';
import { listDrill, type TodoEntry } from '../workbench/types.ts';
import { pairingGaps } from './service.ts';

export const pairingTodos: TodoEntry[] = [
  {
    key: 'pairing.gaps',
    group: 'gap',
    label: { zh: '未落实帮扶责任人的贫困户', en: 'Poor households without a responsible cadre' },
    permission: 'force.write',
    count: async (db, scope) => (await pairingGaps(db, scope, COUNT_ONLY)).total,
    drill: (region) => listDrill('/forces/pairings', '/api/pairings/gaps', { region }, { tab: 'gaps' }),
  },
];

import { forceStats as c } from '../../shared/contracts/forces-stats.ts';
import { fiveOnesList, villageFiveOnes } from '../../core/modules/stats/five-ones.ts';
import { cadreStats } from '../../core/modules/stats/forces.ts';
import { bind } from '../registrar.ts';
import type { Deps } from './deps.ts';

/** Help-force statistics (帮扶力量统计) and the five ones (五个一) of a village and of a region's villages. */
export const forceStatsBindings = ({ database: { db } }: Deps) => [
  bind(c.cadres, ({ query }, { scope }) => cadreStats(db, scope, { since: query.since })),
  bind(c.village, (_, { scope }) => villageFiveOnes(db, scope)),
  bind(c.list, ({ query }, { scope }) => fiveOnesList(db, scope, query)),
];

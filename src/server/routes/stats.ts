import { stats as c } from '../../shared/contracts/stats.ts';
import { povertyIncidence, registerBreakdown } from '../../core/modules/stats/service.ts';
import { bind } from '../registrar.ts';
import type { Deps } from './deps.ts';

/** Statistics of the household register: poverty incidence by child region, breakdowns and incomes. */
export const statsBindings = ({ database: { db } }: Deps) => [
  bind(c.povertyIncidence, ({ query }, { scope }) => povertyIncidence(db, scope, query)),
  bind(c.registerBreakdown, ({ query }, { scope }) => registerBreakdown(db, scope, query)),
];

/**
 * The workflow's workbench entries: the households whose identification or exit waits for a step the caller's
 * level decides, and the open cross-check hits to review — counted by the household list (`awaiting`) and the
 * region's hit list.
 */
import { levelOf } from '../../../shared/regions.ts';
import { scopesFor } from '../../access/scope.ts';
import type { Scope } from '../../access/scope.ts';
import { RegionHitsQuery } from '../../../shared/contracts/workflow.ts';
import { countHouseholds, householdsDrill } from '../households/workbench.ts';
import { countQuery, url, type TodoEntry } from '../workbench/types.ts';
import { regionHits } from './crosscheck-service.ts';
import { decidingLevelOf } from './rules.ts';

/** The level whose steps the scope's actor decides (its widest region with household.write). */
function decidingLevel(scope: Scope) {
  const scopes = scopesFor(scope.actor, 'household.write');
  return scopes === 'all' ? 'county' : (decidingLevelOf(scopes.map(levelOf)) ?? 'village');
}

const open = { status: 'open' };

export const workflowTodos: TodoEntry[] = [
  {
    key: 'workflow.awaiting',
    group: 'approval',
    label: { zh: '待我办理的识别、退出步骤', en: 'Identification and exit steps waiting for me' },
    permission: 'household.write',
    count: (db, scope) => countHouseholds(db, scope, { awaiting: decidingLevel(scope) }),
    drill: (region, scope) => householdsDrill(region, { awaiting: decidingLevel(scope) }),
  },
  {
    key: 'crosscheck.open',
    group: 'approval',
    label: { zh: '待核实的比对疑点', en: 'Cross-check hits to review' },
    permission: 'household.write',
    count: async (db, scope) => (await regionHits(db, scope, countQuery(RegionHitsQuery, open))).total,
    // The page's hits card shows the open ones unless asked otherwise.
    drill: (region) => ({
      link: url('/workflow', { region }),
      api: url('/api/crosscheck-hits', { region, ...open }),
      field: 'total',
    }),
  },
];

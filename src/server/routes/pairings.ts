import { measures as m, pairings as c } from '../../shared/contracts/pairings.ts';
import { createPairing } from '../../core/modules/pairings/create.ts';
import { endPairing, updatePairing } from '../../core/modules/pairings/edit.ts';
import { createMeasure, measureList, updateMeasure } from '../../core/modules/pairings/measures.ts';
import { householdPlan } from '../../core/modules/pairings/plan.ts';
import { pairingGaps, pairingList, pairingSummary } from '../../core/modules/pairings/service.ts';
import { bind } from '../registrar.ts';
import type { Deps } from './deps.ts';

/** Pairings (结对帮扶): list, create, edit and end (versioned), gaps, summary; measures; the household plan. */
export const pairingBindings = ({ database: { db } }: Deps) => [
  bind(c.list, ({ query }, { scope }) => pairingList(db, scope, query)),
  bind(c.create, ({ body }, { scope }) => createPairing(db, scope, body)),
  bind(c.update, ({ params, body }, { scope, version }) => updatePairing(db, scope, params.id, body, version)),
  bind(c.end, ({ params, body }, { scope, version }) => endPairing(db, scope, params.id, body.endDate, version)),
  bind(c.gaps, ({ query }, { scope }) => pairingGaps(db, scope, query)),
  bind(c.summary, (_, { scope }) => pairingSummary(db, scope)),
  bind(c.plan, ({ params }, { scope }) => householdPlan(db, scope, params.id)),
  bind(m.list, ({ query }, { scope }) => measureList(db, scope, query)),
  bind(m.create, ({ body }, { scope }) => createMeasure(db, scope, body)),
  bind(m.update, ({ params, body }, { scope, version }) => updateMeasure(db, scope, params.id, body, version)),
];

import { policy as c } from '../../shared/contracts/policy.ts';
import { listCodeLists, loadParams, setCode, setParam } from '../../core/modules/policy/service.ts';
import { bind } from '../registrar.ts';
import type { Deps } from './deps.ts';

/** Policy parameters and code lists: read by everyone logged in, set (versioned) with policy.manage. */
export const policyBindings = ({ database: { db } }: Deps) => [
  bind(c.params, async () => ({ items: await loadParams(db) })),
  bind(c.setParam, ({ body: { version: _, ...body } }, { scope, version }) => setParam(db, scope, body, version)),
  bind(c.codeLists, async () => ({ lists: await listCodeLists(db) })),
  bind(c.setCode, ({ params, body: { version: _, ...body } }, { scope, version }) =>
    setCode(db, scope, params.list, params.code, body, version),
  ),
];

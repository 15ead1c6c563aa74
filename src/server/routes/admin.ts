import { audit, users as c } from '../../shared/contracts/users.ts';
import { auditList, auditUsers } from '../../core/modules/audit/service.ts';
import { createUser, listUsers, unlockUser, updateUser } from '../../core/modules/users/admin.ts';
import { bind } from '../registrar.ts';
import type { Deps } from './deps.ts';

/** Users (list, create, update — versioned, unlock) and the audit log, both scoped. */
export const adminBindings = ({ database: { db } }: Deps) => [
  bind(c.list, ({ query }, { scope }) => listUsers(db, scope, query)),
  bind(c.create, ({ body }, { scope }) => createUser(db, scope, body)),
  bind(c.update, ({ params, body: { version: _, ...body } }, { scope, version }) =>
    updateUser(db, scope, params.id, body, version),
  ),
  bind(c.unlock, ({ params }, { scope }) => unlockUser(db, scope, params.id)),
  bind(audit.users, ({ query }, { scope }) => auditUsers(db, scope, query)),
  bind(audit.list, ({ query }, { scope }) => auditList(db, scope, query)),
];

import { commandUnits as units, people } from '../../shared/contracts/command.ts';
import { addMember, removeMember } from '../../core/modules/command/members.ts';
import { createPerson, peopleList, revealPersonPhone, updatePerson } from '../../core/modules/command/people.ts';
import { createUnit, deleteUnit, unitDetail, unitList, updateUnit } from '../../core/modules/command/units.ts';
import { bind } from '../registrar.ts';
import type { Deps } from './deps.ts';

/** The command hierarchy: units (update and delete versioned), their members, and people. */
export const commandBindings = ({ database: { db } }: Deps) => [
  bind(units.list, ({ query }, { scope }) => unitList(db, scope, query)),
  bind(units.detail, ({ params }, { scope }) => unitDetail(db, scope, params.id)),
  bind(units.create, ({ body }, { scope }) => createUnit(db, scope, body)),
  bind(units.update, ({ params, body }, { scope, version }) => updateUnit(db, scope, params.id, body, version)),
  bind(units.remove, ({ params }, { scope, version }) => deleteUnit(db, scope, params.id, version)),
  bind(units.addMember, ({ params, body }, { scope }) => addMember(db, scope, params.id, body)),
  bind(units.removeMember, ({ params }, { scope }) => removeMember(db, scope, params.id, params.memberId)),
  bind(people.list, ({ query }, { scope }) => peopleList(db, scope, query)),
  bind(people.create, ({ body }, { scope }) => createPerson(db, scope, body)),
  bind(people.update, ({ params, body }, { scope, version }) => updatePerson(db, scope, params.id, body, version)),
  bind(people.reveal, ({ params }, { scope }) => revealPersonPhone(db, scope, params.id)),
];

import { workbench as c } from '../../shared/contracts/workbench.ts';
import { workbenchGlance, workbenchTodo } from '../../core/modules/workbench/service.ts';
import { bind } from '../registrar.ts';
import type { Deps } from './deps.ts';

/** The workbench (工作台): my to-do and my region at a glance, from the registry of every module's entries. */
export const workbenchBindings = ({ database: { db } }: Deps) => [
  bind(c.todo, (_, { scope }) => workbenchTodo(db, scope)),
  bind(c.glance, (_, { scope }) => workbenchGlance(db, scope)),
];

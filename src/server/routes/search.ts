import { search as c } from '../../shared/contracts/search.ts';
import { globalSearch } from '../../core/modules/search/service.ts';
import { bind } from '../registrar.ts';
import type { Deps } from './deps.ts';

/** The header's global search: households, persons, cadres and regions in the caller's scope. */
export const searchBindings = ({ database: { db } }: Deps) => [
  bind(c.global, ({ query }, { scope }) => globalSearch(db, scope, query)),
];

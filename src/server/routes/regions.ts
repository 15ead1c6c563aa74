import { regions as c } from '../../shared/contracts/regions.ts';
import {
  addGroup,
  regionChildren,
  regionDetail,
  regionRoots,
  searchRegions,
  setRegionFlags,
} from '../../core/modules/regions/service.ts';
import { bind } from '../registrar.ts';
import type { Deps } from './deps.ts';

/** Regions: the caller's roots, search, a region's page and children, its flags (versioned), new groups. */
export const regionBindings = ({ database: { db } }: Deps) => [
  bind(c.roots, (_, { scope }) => regionRoots(db, scope)),
  bind(c.search, ({ query }, { scope }) => searchRegions(db, scope, query)),
  bind(c.detail, (_, { scope }) => regionDetail(db, scope)),
  bind(c.children, (_, { scope }) => regionChildren(db, scope)),
  bind(c.setFlags, ({ body }, { scope, version }) => setRegionFlags(db, scope, body, version)),
  bind(c.addGroup, ({ body }, { scope }) => addGroup(db, scope, body)),
];

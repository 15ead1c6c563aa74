/** The help-force imports (帮扶力量导入): cadres, stationing assignments and pairings, by name. */
import type { RowKind } from '../row-kind.ts';
import { CADRES } from './cadres.ts';
import { PAIRINGS } from './pairings.ts';
import { STATIONS } from './stations.ts';

export const FORCE_IMPORTS = { cadres: CADRES, stations: STATIONS, pairings: PAIRINGS } as const satisfies Record<
  string,
  RowKind
>;
export type ForceImport = keyof typeof FORCE_IMPORTS;
export const FORCE_IMPORT_NAMES = Object.keys(FORCE_IMPORTS) as ForceImport[];

/** The help-force imports (帮扶力量导入): cadres, stationing assignments and pairings, by name. */
import { FORCE_IMPORT_KINDS, type ForceImportKind } from '../../../../shared/contracts/imports.ts';
import type { RowKind } from '../row-kind.ts';
import { CADRES } from './cadres.ts';
import { PAIRINGS } from './pairings.ts';
import { STATIONS } from './stations.ts';

/** Each kind by the name of its contracts (shared/contracts/imports.ts: forceImports). */
export const FORCE_IMPORTS = { cadres: CADRES, stations: STATIONS, pairings: PAIRINGS } as const satisfies Record<
  ForceImportKind,
  RowKind
>;
export type ForceImport = ForceImportKind;
export const FORCE_IMPORT_NAMES = FORCE_IMPORT_KINDS;

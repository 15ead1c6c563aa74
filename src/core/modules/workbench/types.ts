/**
 * The workbench's registry entries (工作台): a to-do is a count of things waiting for the caller, a headline a
 * figure of the region at a glance. Each module declares its own in `<module>/workbench.ts` and registry.ts lists
 * them; the page renders whatever the registry returns. A count is always the total of the list it opens, computed
 * by the same service function that list uses (one definition per figure).
 */
import type { Bilingual, Permission } from '../../../shared/codes.ts';
import type { FIGURE_UNITS, TODO_GROUPS } from '../../../shared/contracts/workbench.ts';
import type { z } from 'zod';
import type { Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { COUNT_ONLY } from '../../db/list.ts';

/** Where a figure leads: the web page listing it (filters in the URL) and the API call whose `field` equals it. */
export interface Drill {
  link: string;
  api: string;
  /** A dotted path into the API's answer (`total`, `total.persons`). */
  field: string;
}

/** One value computed once per request and shared by the entries that read it (e.g. the poverty totals). */
export type Once = <T>(key: string, compute: () => Promise<T>) => Promise<T>;

export type TodoGroup = (typeof TODO_GROUPS)[number];
export type FigureUnit = (typeof FIGURE_UNITS)[number];

export interface TodoEntry {
  /** Stable and unique: `<module>.<what>` (the web's test ids use it). */
  key: string;
  /** 待我审批 (approval), 逾期事项 (overdue), 缺项短板 (gap). */
  group: TodoGroup;
  label: Bilingual;
  /** Shown to callers holding it over the region (or anywhere, for reach 'caller'). */
  permission: Permission;
  /**
   * 'region' (default): counted in the region the workbench shows; 'caller': in the caller's whole scope of the
   * permission, for lists that take no region (the leave inbox).
   */
  reach?: 'region' | 'caller';
  /** The count, through the list's own service function (usually with COUNT_ONLY paging). */
  count(db: Db, scope: Scope, once: Once): Promise<number>;
  drill(region: string, scope: Scope): Drill;
}

export interface HeadlineFigure {
  key: string;
  label: Bilingual;
  permission: Permission;
  /** Display order on the page (lower first). */
  order: number;
  /** How the web shows it: 户, 人, 名 (cadres), or a percentage of a ratio. */
  unit: FigureUnit;
  /** null: not applicable to this region (e.g. the incidence of a group, which has no child regions). */
  value(db: Db, scope: Scope, once: Once): Promise<number | null>;
  drill(region: string, scope: Scope): Drill;
}

/** `/households` + `{ region: '420323', flag: 'x', q: undefined }` → `/households?region=420323&flag=x`. */
export function url(path: string, params: Record<string, string | number | boolean | readonly string[] | undefined>) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') continue;
    qs.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** A drill whose figure is the `total` of a list: the same filters on the page and on the API. */
export function listDrill(page: string, api: string, params: Params, pageOnly: Params = {}): Drill {
  return { link: url(page, { ...pageOnly, ...params }), api: url(api, params), field: 'total' };
}

type Params = Record<string, string | undefined>;

/**
 * The query a list's service gets when the API is called with these parameters (the contract's schema applies
 * its defaults and coercions), with paging for the total alone — so a count and the list it opens read alike.
 */
export function countQuery<S extends z.ZodType>(schema: S, params: Params): z.output<S> & typeof COUNT_ONLY {
  return { ...(schema.parse(params) as object), ...COUNT_ONLY } as z.output<S> & typeof COUNT_ONLY;
}

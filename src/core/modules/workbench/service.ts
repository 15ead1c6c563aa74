/**
 * The workbench's use cases: the caller's to-do and the region at a glance, over the registry's entries. The
 * region is the one asked for, else the caller's first scope; an entry shows only to a caller holding its
 * permission there, counted in the Scope of that permission (a 'caller' entry in the caller's whole scope).
 */
import type { WorkbenchGlance, WorkbenchTodo } from '../../../shared/contracts/workbench.ts';
import { Scope, canAny } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { incidenceByYear, statsRegion } from '../stats/service.ts';
import { HEADLINES, TODO_ENTRIES } from './registry.ts';
import { url, type Once, type TodoEntry } from './types.ts';

/** A per-request memo: entries that read the same figures compute them once. */
function memo(): Once {
  const values = new Map<string, Promise<unknown>>();
  return <T>(key: string, compute: () => Promise<T>) => {
    if (!values.has(key)) values.set(key, compute());
    return values.get(key) as Promise<T>;
  };
}

/** The Scope an entry counts in, or null when the caller may not see it. */
function entryScope(scope: Scope, e: Pick<TodoEntry, 'permission' | 'reach'>): Scope | null {
  if (e.reach === 'caller') return canAny(scope.actor, e.permission) ? Scope.of(scope.actor, e.permission) : null;
  return scope.tryPermission(e.permission);
}

const regionOf = (r: { code: string; name: string; level: string }) => ({ code: r.code, name: r.name, level: r.level });

export async function workbenchTodo(db: Db, callerScope: Scope): Promise<WorkbenchTodo> {
  const { region, scope } = await statsRegion(db, callerScope);
  const once = memo();
  const items = await Promise.all(
    TODO_ENTRIES.map(async (e) => {
      const s = entryScope(scope, e);
      if (!s) return null;
      return {
        key: e.key,
        group: e.group,
        label: e.label,
        reach: e.reach ?? 'region',
        count: await e.count(db, s, once),
        ...e.drill(region.code, s),
      };
    }),
  );
  return { region: regionOf(region), items: items.filter((i) => i !== null) };
}

export async function workbenchGlance(db: Db, callerScope: Scope): Promise<WorkbenchGlance> {
  const { region, scope } = await statsRegion(db, callerScope);
  const once = memo();
  const figures = await Promise.all(
    HEADLINES.map(async (f) => {
      const s = scope.tryPermission(f.permission);
      const value = s ? await f.value(db, s, once) : null;
      if (!s || value === null) return null;
      return { key: f.key, label: f.label, unit: f.unit, value, ...f.drill(region.code, s) };
    }),
  );
  const register = scope.tryPermission('household.read');
  const years = register ? await incidenceByYear(db, register) : [];
  return {
    region: regionOf(region),
    figures: figures.filter((f) => f !== null),
    incidenceByYear: years.map((y) => ({ ...y, link: url('/stats', { region: region.code, year: y.year }) })),
  };
}

/** Lazy region tree data shared by <RegionTree> and <RegionTreeSelect>: roots + children per code. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { regions, type RegionFlags, type RegionSummary } from '@shared/contracts/regions';
import { call } from '../api';

export interface RegionTreeData {
  roots: RegionSummary[] | undefined;
  rootsError: unknown;
  kids: Record<string, RegionSummary[]>;
  loadChildren: (code: string) => Promise<RegionSummary[]>;
  /** Load the children along `path` (ancestor codes, top-down); returns the codes to expand. */
  reveal: (path: string[]) => Promise<string[]>;
  /** Update the flags of a loaded node (after PATCH /flags). */
  patchFlags: (code: string, flags: RegionFlags) => void;
}

export function useRegionTree(): RegionTreeData {
  const [roots, setRoots] = useState<RegionSummary[]>();
  const [rootsError, setRootsError] = useState<unknown>(null);
  const [kids, setKids] = useState<Record<string, RegionSummary[]>>({});
  const pending = useRef(new Map<string, Promise<RegionSummary[]>>());
  const rootsRef = useRef<RegionSummary[]>(undefined);

  useEffect(() => {
    let alive = true;
    call(regions.roots, {}).then(
      (r) => {
        if (!alive) return;
        rootsRef.current = r.items;
        setRoots(r.items);
      },
      (e: unknown) => alive && setRootsError(e),
    );
    return () => {
      alive = false;
    };
  }, []);

  const loadChildren = useCallback((code: string) => {
    let p = pending.current.get(code);
    if (!p) {
      p = call(regions.children, { params: { code } }).then((r) => {
        setKids((k) => ({ ...k, [code]: r.items }));
        return r.items;
      });
      p.catch(() => pending.current.delete(code));
      pending.current.set(code, p);
    }
    return p;
  }, []);

  const reveal = useCallback(
    async (path: string[]) => {
      const rootCodes = new Set((rootsRef.current ?? []).map((r) => r.code));
      const start = path.findIndex((c) => rootCodes.has(c));
      if (start < 0) return [];
      const chain = path.slice(start);
      for (const code of chain) await loadChildren(code);
      return chain;
    },
    [loadChildren],
  );

  const patchFlags = useCallback((code: string, flags: RegionFlags) => {
    const same = (a: RegionFlags, b: RegionFlags) => JSON.stringify(a) === JSON.stringify(b);
    const fix = (list: RegionSummary[]) =>
      list.some((r) => r.code === code && !same(r.flags, flags))
        ? list.map((r) => (r.code === code ? { ...r, flags } : r))
        : list;
    setRoots((list) => list && fix(list));
    setKids((k) => {
      let changed = false;
      const next: Record<string, RegionSummary[]> = {};
      for (const [parent, list] of Object.entries(k)) {
        next[parent] = fix(list);
        if (next[parent] !== list) changed = true;
      }
      return changed ? next : k;
    });
  }, []);

  return { roots, rootsError, kids, loadChildren, reveal, patchFlags };
}

/** Build nested nodes from the loaded data; unloaded children stay undefined so loadData fires. */
export function buildRegionNodes<T>(
  items: RegionSummary[],
  kids: Record<string, RegionSummary[]>,
  make: (region: RegionSummary, children: T[] | undefined) => T,
): T[] {
  return items.map((r) => {
    const loaded = kids[r.code];
    return make(r, loaded ? buildRegionNodes(loaded, kids, make) : undefined);
  });
}

export function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

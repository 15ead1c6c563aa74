/** List state in the URL query: filters (?region=&status=…) and paging (?page=&pageSize=). */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Filters in the URL query: read with get(), change with set() (empty values are removed; the page goes back to 1
 * unless the patch sets it).
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const get = useCallback((k: string) => params.get(k) ?? '', [params]);
  const set = useCallback(
    (patch: Record<string, string | number | boolean | null | undefined>, replace = false) => {
      const next = new URLSearchParams(params);
      if (!('page' in patch)) next.delete('page');
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === null || v === '' || v === false) next.delete(k);
        else next.set(k, String(v));
      }
      setParams(next, { replace });
    },
    [params, setParams],
  );
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 20;
  return { params, get, set, page, pageSize };
}

/** Pagination props of a URL-driven table. */
export function urlPagination(
  f: ReturnType<typeof useUrlFilters>,
  total: number | undefined,
  showTotal: (total: number) => string,
) {
  return {
    current: f.page,
    pageSize: f.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100],
    showTotal,
    onChange: (page: number, pageSize: number) =>
      f.set({ page: page > 1 ? page : undefined, pageSize: pageSize !== 20 ? pageSize : undefined }),
  };
}

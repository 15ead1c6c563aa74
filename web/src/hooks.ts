import { useCallback, useEffect, useRef, useState } from 'react';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { errorMessage, isApiError } from './api';

/** Password policy shown in forms: at least 8 characters with letters and digits. */
export const PASSWORD_RE = /^(?=.*[A-Za-z])(?=.*\d).{8,}$/;

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  setData: (data: T) => void;
}

/**
 * Run an async loader whenever `deps` change; stale answers are dropped.
 * Pass `null` as the loader to skip loading.
 */
export function useAsync<T>(loader: ((signal: AbortSignal) => Promise<T>) | null, deps: unknown[]): AsyncState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(loader !== null);
  const [tick, setTick] = useState(0);
  const loaderRef = useRef(loader);
  loaderRef.current = loader;

  useEffect(() => {
    const run = loaderRef.current;
    if (!run) {
      setData(undefined);
      setLoading(false);
      return;
    }
    const ctl = new AbortController();
    setLoading(true);
    setError(null);
    run(ctl.signal).then(
      (value) => {
        if (ctl.signal.aborted) return;
        setData(value);
        setLoading(false);
      },
      (e: unknown) => {
        if (ctl.signal.aborted) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}

/** Show an error toast for anything thrown by the API. */
export function useErrorToast(): (e: unknown) => void {
  const { message } = App.useApp();
  return useCallback((e: unknown) => void message.error(errorMessage(e)), [message]);
}

/** Turn an API path like "body.roles.0.scopeCode" or "/roles/0/scopeCode" into a form name path. */
export function toNamePath(path: string): (string | number)[] {
  return path
    .replace(/^\/+/, '')
    .split(/[./]/)
    .filter((s) => s !== '' && s !== 'body')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Map a 400 VALIDATION error onto form fields (only fields listed in `fields`).
 * Returns true when every detail found a field; otherwise the caller should toast the message.
 */
export function applyFieldErrors(form: FormInstance, e: unknown, fields: readonly string[]): boolean {
  if (!isApiError(e) || e.code !== 'VALIDATION' || e.details.length === 0) return false;
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  let unmatched = 0;
  for (const d of e.details) {
    const name = toNamePath(d.path);
    if (name.length === 0 || !fields.includes(String(name[0]))) {
      unmatched += 1;
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(d.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()].map(({ name, errors }) => ({ name, errors })));
  return unmatched === 0;
}

/** Submit helper: maps validation errors onto the form and toasts anything else. */
export function useFormErrorHandler(): (form: FormInstance, e: unknown, fields: readonly string[]) => void {
  const toast = useErrorToast();
  return useCallback(
    (form, e, fields) => {
      if (!applyFieldErrors(form, e, fields)) toast(e);
    },
    [toast],
  );
}

/**
 * A search as the user types: `search(q)` waits 250 ms for more typing, then loads; only the latest answer
 * is kept (an earlier, slower one is dropped) and a failure is toasted. `found` is cleared when `deps` change.
 */
export function useRemoteSearch<T>(
  load: (q: string) => Promise<T[]>,
  deps: unknown[],
): { found: T[]; loading: boolean; search: (q: string) => void } {
  const toast = useErrorToast();
  const [found, setFound] = useState<T[]>([]);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the results depend on
  useEffect(() => setFound([]), deps);
  useEffect(() => () => clearTimeout(timer.current), []);
  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const n = ++seq.current;
      setLoading(true);
      try {
        const res = await load(q.trim());
        if (n === seq.current) setFound(res);
      } catch (e) {
        if (n === seq.current) toast(e);
      } finally {
        if (n === seq.current) setLoading(false);
      }
    }, 250);
  };
  return { found, loading, search };
}

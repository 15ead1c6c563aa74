/** A Select that searches a paginated list endpoint as the user types (households, helping units, partners). */
import { useEffect, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import { Select, Spin } from 'antd';
import { api } from '../../api';
import type { Query } from '../../api';
import { useErrorToast } from '../../hooks';
import type { Page } from '../../types';

export interface RemoteOption {
  value: number;
  label: string;
}

interface Props<T> {
  /** API path of a list answering { items, total } and taking ?q=. */
  path: string;
  query?: Query;
  toOption: (row: T) => RemoteOption;
  value?: number | null;
  onChange?: (id: number | null) => void;
  /** Label of the current value before any search. */
  initial?: RemoteOption | null;
  placeholder?: string;
  disabled?: boolean;
  id?: string;
  style?: CSSProperties;
  'data-testid'?: string;
}

export function PairingRemoteSelect<T>({
  path,
  query,
  toOption,
  value,
  onChange,
  initial,
  placeholder,
  disabled,
  id,
  style,
  'data-testid': testId,
}: Props<T>) {
  const toast = useErrorToast();
  const [options, setOptions] = useState<RemoteOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [labels, setLabels] = useState<Map<number, string>>(new Map());
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const queryKey = JSON.stringify(query ?? {});

  useEffect(() => {
    if (initial) setLabels((m) => new Map(m).set(initial.value, initial.label));
  }, [initial]);
  useEffect(() => setOptions([]), [queryKey, path]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const n = ++seq.current;
      setLoading(true);
      try {
        const res = await api.get<Page<T>>(path, { ...query, q: q.trim(), pageSize: 20 });
        if (n === seq.current) setOptions(res.items.map(toOption));
      } catch (e) {
        if (n === seq.current) toast(e);
      } finally {
        if (n === seq.current) setLoading(false);
      }
    }, 250);
  };

  const list = [...options];
  if (value != null && !list.some((o) => o.value === value))
    list.unshift({ value, label: labels.get(value) ?? `#${value}` });

  return (
    <Select<number>
      id={id}
      style={style}
      value={value ?? undefined}
      onChange={(v, opt) => {
        if (v != null && opt && !Array.isArray(opt)) setLabels((m) => new Map(m).set(v, String(opt.label)));
        onChange?.(v ?? null);
      }}
      options={list}
      showSearch={{ filterOption: false, onSearch: search }}
      onOpenChange={(open) => open && search('')}
      loading={loading}
      notFoundContent={loading ? <Spin size="small" /> : undefined}
      placeholder={placeholder}
      allowClear
      disabled={disabled}
      data-testid={testId}
    />
  );
}

/** A Select that searches the server as the user types; the chosen value keeps its label across searches. */
import { useEffect, useState } from 'react';
import type { CSSProperties } from 'react';
import { Select, Spin } from 'antd';
import { useRemoteSearch } from '../hooks';

export interface RemoteOption {
  value: number;
  label: string;
}

export interface RemoteSelectProps {
  value?: number | null;
  onChange?: (id: number | null) => void;
  /** The current choice, so its label shows before any search. */
  initial?: RemoteOption | null;
  placeholder?: string;
  disabled?: boolean;
  id?: string;
  style?: CSSProperties;
  'data-testid'?: string;
}

export function RemoteSelect({
  value,
  onChange,
  initial,
  placeholder,
  disabled,
  id,
  style,
  load,
  deps,
  'data-testid': testId,
}: RemoteSelectProps & { load: (q: string) => Promise<RemoteOption[]>; deps: unknown[] }) {
  const { found, loading, search } = useRemoteSearch(load, deps);
  const [labels, setLabels] = useState<Map<number, string>>(new Map());
  useEffect(() => {
    if (initial) setLabels((m) => new Map(m).set(initial.value, initial.label));
  }, [initial]);

  const options = [...found];
  if (value != null && !options.some((o) => o.value === value))
    options.unshift({ value, label: labels.get(value) ?? `#${value}` });
  return (
    <Select<number>
      id={id}
      style={style}
      value={value ?? undefined}
      onChange={(v, opt) => {
        if (v != null && opt && !Array.isArray(opt)) setLabels((m) => new Map(m).set(v, String(opt.label)));
        onChange?.(v ?? null);
      }}
      options={options}
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

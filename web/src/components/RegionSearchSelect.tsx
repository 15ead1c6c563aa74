/** Region picker by name or code (GET /api/regions/search); also accepts a typed code as is. */
import { useEffect, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import { Select, Spin } from 'antd';
import { REGION_LEVEL_LABELS } from '@shared/codes';
import { regions } from '@shared/contracts/regions';
import { call } from '../api';
import { useI18n } from '../i18n';

interface Option {
  value: string;
  label: string;
}

interface Props {
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Label for the current value before any search, e.g. the role's scopeName. */
  initialLabel?: string;
  id?: string;
  disabled?: boolean;
  placeholder?: string;
  style?: CSSProperties;
}

export function RegionSearchSelect({ value, onChange, initialLabel, id, disabled, placeholder, style }: Props) {
  const { t, L } = useI18n();
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const [labels, setLabels] = useState(new Map<string, string>());
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const search = (raw: string) => {
    const q = raw.trim();
    clearTimeout(timer.current);
    if (!q) return setOptions([]);
    timer.current = setTimeout(async () => {
      const n = ++seq.current;
      setLoading(true);
      const typed: Option[] = /^\d{2,15}$/.test(q) ? [{ value: q, label: t('region.useCode', { code: q }) }] : [];
      try {
        const res = await call(regions.search, { query: { q, limit: 20 } });
        const found = res.items.map((r) => ({
          value: r.code,
          label: `${r.name} · ${L(REGION_LEVEL_LABELS[r.level])} · ${r.code}`,
        }));
        if (n === seq.current) setOptions([...found, ...typed.filter((o) => !found.some((f) => f.value === o.value))]);
      } catch {
        if (n === seq.current) setOptions(typed);
      } finally {
        if (n === seq.current) setLoading(false);
      }
    }, 250);
  };

  const shown = [...options];
  if (value && !shown.some((o) => o.value === value)) {
    const label = labels.get(value) ?? (initialLabel ? `${initialLabel} · ${value}` : value);
    shown.unshift({ value, label });
  }

  return (
    <Select<string>
      id={id}
      value={value || undefined}
      onChange={(v, opt) => {
        if (v && opt && !Array.isArray(opt)) setLabels((m) => new Map(m).set(v, String(opt.label)));
        onChange?.(v);
      }}
      options={shown}
      showSearch={{ filterOption: false, onSearch: search }}
      loading={loading}
      notFoundContent={loading ? <Spin size="small" /> : null}
      placeholder={placeholder ?? t('region.searchPlaceholder')}
      allowClear
      disabled={disabled}
      style={style ?? { minWidth: 260 }}
    />
  );
}

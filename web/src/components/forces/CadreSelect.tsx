/** Searchable pickers over the help-force lists: cadres (GET /api/cadres?q=), help units (GET /api/help-units?q=). */
import { useEffect, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import { Select, Spin } from 'antd';
import { api } from '../../api';
import type { Query } from '../../api';
import { useErrorToast } from '../../hooks';
import { useI18n } from '../../i18n';
import type { Page } from '../../types';
import type { Cadre, HelpUnit } from './CadreTypes';

interface Option {
  id: number;
  label: string;
}

interface RemoteProps {
  value?: number | null;
  onChange?: (id: number | null) => void;
  /** The current choice, so its label shows before any search. */
  initial?: Option | null;
  placeholder?: string;
  disabled?: boolean;
  id?: string;
  style?: CSSProperties;
}

function RemoteSelect({
  value,
  onChange,
  initial,
  placeholder,
  disabled,
  id,
  style,
  load,
  deps,
  testId,
}: RemoteProps & { load: (q: string) => Promise<Option[]>; deps: string; testId?: string }) {
  const toast = useErrorToast();
  const [found, setFound] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const [labels, setLabels] = useState<Map<number, string>>(new Map());
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    if (initial) setLabels((m) => new Map(m).set(initial.id, initial.label));
  }, [initial]);
  useEffect(() => setFound([]), [deps]);
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

  const options = found.map((o) => ({ value: o.id, label: o.label }));
  if (value != null && !found.some((o) => o.id === value)) {
    options.unshift({ value, label: labels.get(value) ?? `#${value}` });
  }
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

export function cadreLabel(c: Pick<Cadre, 'name' | 'post' | 'unit'>): string {
  const extra = c.post ?? c.unit?.name;
  return extra ? `${c.name}（${extra}）` : c.name;
}

/** Cadres in a region's subtree (managed there or stationed there). */
export function CadreSelect(props: RemoteProps & { region?: string | null; query?: Query }) {
  const { t } = useI18n();
  const { region, query, ...rest } = props;
  return (
    <RemoteSelect
      placeholder={t('fa.cadreSearch')}
      {...rest}
      deps={`${region ?? ''}|${JSON.stringify(query ?? {})}`}
      testId="cadre-select"
      load={async (q) =>
        (await api.get<Page<Cadre>>('/cadres', { ...query, region, q, pageSize: 20 })).items.map((c) => ({
          id: c.id,
          label: cadreLabel(c),
        }))
      }
    />
  );
}

/** Sending / helping units (派出单位). */
export function HelpUnitSelect(props: RemoteProps & { level?: string }) {
  const { t } = useI18n();
  const { level, ...rest } = props;
  return (
    <RemoteSelect
      placeholder={t('fa.unitSearch')}
      {...rest}
      deps={level ?? ''}
      load={async (q) =>
        (await api.get<Page<HelpUnit>>('/help-units', { level, q, pageSize: 50 })).items.map((u) => ({
          id: u.id,
          label: u.name,
        }))
      }
    />
  );
}

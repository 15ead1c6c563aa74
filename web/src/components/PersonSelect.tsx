/** Searchable person picker (GET /api/people?region=&q=); value is the person id. */
import { useEffect, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { api } from '../api';
import { useErrorToast } from '../hooks';
import { useI18n } from '../i18n';
import { personLabel } from './unitColumns';
import type { Page, Person, PersonRef } from '../types';

interface Props {
  value?: number | null;
  onChange?: (id: number | null) => void;
  /** Search people in this region's subtree. */
  region?: string | null;
  /** The currently chosen person, so the label shows before any search. */
  initial?: PersonRef | null;
  placeholder?: string;
  disabled?: boolean;
  id?: string;
}

export function PersonSelect({ value, onChange, region, initial, placeholder, disabled, id }: Props) {
  const { t } = useI18n();
  const toast = useErrorToast();
  const [found, setFound] = useState<PersonRef[]>([]);
  const [loading, setLoading] = useState(false);
  const [labels, setLabels] = useState<Map<number, string>>(new Map());
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    if (initial) setLabels((m) => new Map(m).set(initial.id, personLabel(initial)));
  }, [initial]);
  useEffect(() => {
    setFound([]);
  }, [region]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const n = ++seq.current;
      setLoading(true);
      try {
        const res = await api.get<Page<Person>>('/people', { region, q: q.trim(), pageSize: 20 });
        if (n === seq.current) setFound(res.items);
      } catch (e) {
        if (n === seq.current) toast(e);
      } finally {
        if (n === seq.current) setLoading(false);
      }
    }, 250);
  };

  const options = found.map((p) => ({ value: p.id, label: personLabel(p) }));
  if (value != null && !found.some((p) => p.id === value)) {
    options.unshift({ value, label: labels.get(value) ?? `#${value}` });
  }

  return (
    <Select<number>
      id={id}
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
      placeholder={placeholder ?? t('person.searchPlaceholder')}
      allowClear
      disabled={disabled}
    />
  );
}

/**
 * Searchable cadre picker; value is the person id. `stationed` (default): cadres stationed now in a village of
 * `region` (first secretaries and work-team members, GET /api/stations?region&active=true, then
 * GET /api/cadres?q&active=true to search when there are more than one page); otherwise any cadre managed or
 * stationed in the region (GET /api/cadres?region&q).
 */
import { useEffect, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import { Form, Select, Spin } from 'antd';
import { STATIONED_ROLES } from '@shared/forces';
import { cadres, type CadreView as CadreRow, type StationView as StationRow } from '@shared/contracts/cadres';
import { stations } from '@shared/contracts/teams';
import { call } from '../../api';
import { useRemoteSearch } from '../../hooks';
import { useI18n } from '../../i18n';
import { forceText } from './DutyShared';
import { paren } from '../../format';
export interface CadreRef {
  id: number;
  name: string;
}

/** A cadre option: the person and, for stationed cadres, the village. */
export interface CadreOption {
  id: number;
  name: string;
  detail: string;
  regionCode?: string;
  regionName?: string;
}

interface Props {
  value?: number | null;
  onChange?: (id: number | null, option?: CadreOption) => void;
  region?: string | null;
  stationed?: boolean;
  initial?: CadreRef | null;
  placeholder?: string;
  disabled?: boolean;
  id?: string;
  style?: CSSProperties;
  allowClear?: boolean;
  'data-testid'?: string;
}

const STATIONED = new Set<string>(STATIONED_ROLES);

export function DutyCadreSelect({
  value,
  onChange,
  region,
  stationed = true,
  initial,
  placeholder,
  disabled,
  id,
  style,
  allowClear = true,
  'data-testid': testId,
}: Props) {
  const { t, L } = useI18n();
  const [chosen, setChosen] = useState<Map<number, CadreOption>>(new Map());
  /** Stationed cadres of the region when they fit in one page (searched locally then). */
  const all = useRef<{ region: string; items: CadreOption[]; complete: boolean } | null>(null);

  useEffect(() => {
    if (initial) setChosen((m) => (m.has(initial.id) ? m : new Map(m).set(initial.id, { ...initial, detail: '' })));
  }, [initial]);
  useEffect(() => {
    all.current = null;
  }, [region, stationed]);

  const fromStation = (s: StationRow): CadreOption => ({
    id: s.personId,
    name: s.personName,
    detail: `${s.regionName} · ${forceText('station_role', s.role, L)}`,
    regionCode: s.regionCode,
    regionName: s.regionName,
  });
  const fromCadre = (c: CadreRow): CadreOption | null => {
    const st = c.stations.find((s) => s.active !== false && (!stationed || STATIONED.has(s.role)));
    if (stationed && !st) return null;
    return {
      id: c.id,
      name: c.name,
      detail: st
        ? `${st.regionName} · ${forceText('station_role', st.role, L)}`
        : [c.unit?.name, c.post].filter(Boolean).join(' · ') || c.regionName,
      regionCode: st?.regionCode ?? c.regionCode,
      regionName: st?.regionName ?? c.regionName,
    };
  };

  // A value from the URL or a form without a label yet: load the cadre once for its name.
  const looked = useRef(new Set<number>());
  useEffect(() => {
    if (value == null || chosen.has(value) || looked.current.has(value)) return;
    looked.current.add(value);
    call(cadres.detail, { params: { id: value } })
      .then((c) => {
        const opt = fromCadre(c) ?? { id: c.id, name: c.name, detail: c.regionName };
        setChosen((m) => new Map(m).set(c.id, opt));
      })
      .catch(() => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, chosen]);

  const load = async (q: string): Promise<CadreOption[]> => {
    if (stationed) {
      const key = region ?? '';
      if (!all.current || all.current.region !== key) {
        const res = await call(stations.list, {
          query: { region: region ?? undefined, active: 'true', pageSize: 200 },
        });
        const seen = new Map<number, CadreOption>();
        for (const s of res.items)
          if (STATIONED.has(s.role) && !seen.has(s.personId)) seen.set(s.personId, fromStation(s));
        all.current = { region: key, items: [...seen.values()], complete: res.total <= res.items.length };
      }
      const local = all.current.items.filter((o) => !q || o.name.includes(q) || o.detail.includes(q));
      if (all.current.complete || !q) return local.slice(0, 100);
      const res = await call(cadres.list, { query: { region: region ?? undefined, q, active: 'true', pageSize: 30 } });
      return res.items.map(fromCadre).filter((o): o is CadreOption => o !== null);
    }
    const res = await call(cadres.list, { query: { region: region ?? undefined, q, pageSize: 30 } });
    return res.items.map(fromCadre).filter((o): o is CadreOption => o !== null);
  };

  const { found: options, loading, search } = useRemoteSearch(load, [region, stationed]);

  const list = [...options];
  if (value != null && !list.some((o) => o.id === value)) {
    const c = chosen.get(value);
    list.unshift(c ?? { id: value, name: `#${value}`, detail: '' });
  }

  return (
    <Select<number>
      id={id}
      style={style}
      value={value ?? undefined}
      onChange={(v) => {
        const opt = v == null ? undefined : list.find((o) => o.id === v);
        if (opt) setChosen((m) => new Map(m).set(opt.id, opt));
        onChange?.(v ?? null, opt);
      }}
      options={list.map((o) => ({
        value: o.id,
        label: o.detail ? `${o.name}${paren(o.detail)}` : o.name,
      }))}
      showSearch={{ filterOption: false, onSearch: search }}
      onOpenChange={(open) => open && search('')}
      loading={loading}
      notFoundContent={loading ? <Spin size="small" /> : undefined}
      placeholder={placeholder ?? t(stationed ? 'fb.pickStationed' : 'fb.pickCadre')}
      allowClear={allowClear}
      disabled={disabled}
      data-testid={testId}
    />
  );
}

/** The required 干部 field (personId) of a duty form, picked with DutyCadreSelect. */
export function CadreItem(props: Omit<Props, 'value' | 'onChange'>) {
  const { t } = useI18n();
  return (
    <Form.Item
      name="personId"
      label={t('fb.cadre')}
      rules={[{ required: true, message: t('form.select', { field: t('fb.cadre') }) }]}
    >
      <DutyCadreSelect {...props} />
    </Form.Item>
  );
}

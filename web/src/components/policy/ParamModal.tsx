/**
 * Add or edit one policy parameter value (policy.setParam {key, province, year, value, version}). The inputs take
 * the key's bounds from src/shared/policy.ts, as the server checks them; a 409 shows the stored value beside the
 * user's (someone saved first, or the value exists already).
 */
import { useMemo, useRef } from 'react';
import { Form, InputNumber, Select, Space } from 'antd';
import { policy, type PolicyParam } from '@shared/contracts/policy';
import { ApiError, call } from '../../api';
import { useI18n } from '../../i18n';
import { FormModal } from '../common/FormModal';
import { PARAM_DEFS, boundsOf, kindOf, provinceOptions, type ParamKind } from './paramDefs';
import { paren } from '../../format';

interface Values {
  key?: string;
  province?: string;
  year?: number | null;
  num?: number | null;
  pct?: number | null;
  codes?: string[];
  min?: number | null;
  max?: number | null;
}

interface Props {
  /** The value to edit, a key to add a value for ({ key } only), or null when closed. */
  param: Partial<PolicyParam> | null;
  onClose: () => void;
  onSaved: () => void;
}

/** The form field that holds the value of a kind (where the server's `value` errors land). */
const VALUE_FIELD: Record<ParamKind, keyof Values> = { number: 'num', ratio: 'pct', codes: 'codes', range: 'min' };

function toValues(p: Partial<PolicyParam>): Values {
  const v = p.value;
  const base = { key: p.key, province: p.province || undefined, year: p.year || null };
  if (v === undefined) return base;
  switch (kindOf(p.key ?? '', v)) {
    case 'codes':
      return { ...base, codes: Array.isArray(v) ? v.map(String) : [] };
    case 'range':
      return Array.isArray(v) ? { ...base, min: Number(v[0]), max: Number(v[1]) } : base;
    case 'ratio':
      return { ...base, pct: typeof v === 'number' ? Number((v * 100).toFixed(4)) : null };
    default:
      return { ...base, num: typeof v === 'number' ? v : null };
  }
}

function valueOf(kind: ParamKind, v: Values): unknown {
  if (kind === 'ratio') return Number(((v.pct ?? 0) / 100).toFixed(6));
  if (kind === 'codes') return v.codes ?? [];
  if (kind === 'range') return [v.min ?? 0, v.max ?? 0];
  return v.num ?? 0;
}

export function ParamModal({ param, onClose, onSaved }: Props) {
  const { t, L } = useI18n();
  const editing = param?.value !== undefined;
  const initialValues = useMemo(() => (param ? toValues(param) : undefined), [param]);
  const required = { required: true, message: t('form.required', { field: t('policy.value') }) };
  const kindOfForm = (key: string | undefined) => kindOf(key ?? '', param?.value);
  /** The key of the last save, whose value field the server's `value` errors land on. */
  const saved = useRef<string | undefined>(undefined);

  return (
    <FormModal<Values, PolicyParam>
      open={!!param}
      title={editing ? t('policy.edit') : t('policy.add')}
      initialValues={initialValues}
      onClose={onClose}
      testId="param-modal"
      fields={['key', 'province', 'year', 'num', 'pct', 'codes', 'min']}
      version={editing ? param?.version : undefined}
      save={(v, version) => {
        saved.current = v.key;
        return call(policy.setParam, {
          body: {
            key: v.key ?? '',
            province: v.province ?? '',
            year: v.year ?? 0,
            value: valueOf(kindOfForm(v.key), v),
            version,
          },
        });
      }}
      normalise={(e) =>
        new ApiError(
          e.status,
          e.code,
          e.message,
          e.details.map((d) => (d.path === 'value' ? { ...d, path: VALUE_FIELD[kindOfForm(saved.current)] } : d)),
          e.current,
        )
      }
      conflict={{
        toValues: (current: PolicyParam) => toValues(current),
        labels: {
          num: t('policy.value'),
          pct: t('policy.value'),
          codes: t('policy.value'),
          min: t('policy.min'),
          max: t('policy.max'),
        },
      }}
      onSaved={onSaved}
    >
      <Form.Item name="key" label={t('policy.key')} rules={[{ required: true, message: t('policy.key') }]}>
        <Select
          disabled={editing}
          showSearch={{ optionFilterProp: 'label' }}
          options={Object.entries(PARAM_DEFS).map(([k, d]) => ({ value: k, label: `${L(d)}${paren(k)}` }))}
        />
      </Form.Item>
      <Space size={16} align="start">
        <Form.Item name="province" label={t('policy.province')} extra={t('policy.provinceHint')}>
          <Select
            allowClear
            disabled={editing}
            style={{ width: 180 }}
            options={provinceOptions}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item name="year" label={t('policy.year')} extra={t('policy.yearHint')}>
          <InputNumber disabled={editing} min={2000} max={2100} precision={0} style={{ width: 140 }} />
        </Form.Item>
      </Space>
      <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.key !== b.key}>
        {({ getFieldValue }) => {
          const key = getFieldValue('key') as string | undefined;
          const kind = kindOfForm(key);
          const def = key ? PARAM_DEFS[key] : undefined;
          const b = boundsOf(key);
          const hint = b.max !== undefined ? t('policy.bounds', { min: b.min ?? 0, max: b.max }) : undefined;
          if (kind === 'ratio')
            return (
              <Form.Item name="pct" label={t('policy.value')} rules={[required]} extra={hint}>
                <InputNumber
                  min={b.min}
                  max={b.max}
                  step={0.5}
                  style={{ width: 200 }}
                  suffix="%"
                  data-testid="param-ratio"
                />
              </Form.Item>
            );
          if (kind === 'codes')
            return (
              <Form.Item name="codes" label={t('policy.value')} rules={[required]}>
                <Select mode="multiple" options={provinceOptions} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
            );
          if (kind === 'range')
            return (
              <Space size={16} align="start">
                <Form.Item name="min" label={t('policy.min')} rules={[required]} extra={hint}>
                  <InputNumber min={b.min} max={b.max} precision={b.precision ?? 0} />
                </Form.Item>
                <Form.Item
                  name="max"
                  label={t('policy.max')}
                  dependencies={['min']}
                  rules={[
                    required,
                    ({ getFieldValue: get }) => ({
                      validator: async (_, max?: number) => {
                        if (max != null && max < (get('min') ?? -Infinity)) throw new Error(t('policy.rangeOrder'));
                      },
                    }),
                  ]}
                >
                  <InputNumber min={b.min} max={b.max} precision={b.precision ?? 0} />
                </Form.Item>
              </Space>
            );
          return (
            <Form.Item name="num" label={t('policy.value')} rules={[required]} extra={hint}>
              <InputNumber
                min={b.min ?? 0}
                max={b.max}
                precision={b.precision}
                style={{ width: 200 }}
                suffix={def?.unit ? L(def.unit) : undefined}
                data-testid="param-number"
              />
            </Form.Item>
          );
        }}
      </Form.Item>
    </FormModal>
  );
}

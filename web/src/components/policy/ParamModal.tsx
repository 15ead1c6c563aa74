/** Add or edit one policy parameter value: PUT /api/policy/params {key, province, year, value}. */
import { useEffect, useState } from 'react';
import { Form, InputNumber, Modal, Select, Space } from 'antd';
import { api } from '../../api';
import { useFormErrorHandler } from '../../hooks';
import { useI18n } from '../../i18n';
import type { PolicyParam } from '../../registerTypes';
import { PARAM_DEFS, kindOf, provinceOptions } from './paramDefs';

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

function toValues(p: Partial<PolicyParam>): Values {
  const v = p.value;
  const base = { key: p.key, province: p.province || undefined, year: p.year || null };
  if (Array.isArray(v)) return { ...base, codes: v.map(String), min: Number(v[0]), max: Number(v[1]) };
  if (typeof v === 'number') return { ...base, num: v, pct: Number((v * 100).toFixed(4)) };
  return base;
}

export function ParamModal({ param, onClose, onSaved }: Props) {
  const { t, L } = useI18n();
  const onError = useFormErrorHandler();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const key = Form.useWatch('key', form);
  const kind = kindOf(key ?? '', param?.value);
  const editing = param?.value !== undefined;

  useEffect(() => {
    if (param) form.setFieldsValue(toValues(param));
  }, [param, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v?.key) return;
    const value =
      kind === 'ratio'
        ? Number(((v.pct ?? 0) / 100).toFixed(6))
        : kind === 'codes'
          ? (v.codes ?? [])
          : kind === 'range'
            ? [v.min ?? 0, v.max ?? 0]
            : (v.num ?? 0);
    setSaving(true);
    try {
      await api.put('/policy/params', { key: v.key, province: v.province ?? '', year: v.year ?? 0, value });
      onSaved();
    } catch (e) {
      onError(form, e, ['key', 'province', 'year']);
    } finally {
      setSaving(false);
    }
  };

  const def = key ? PARAM_DEFS[key] : undefined;
  const required = { required: true, message: t('form.required', { field: t('policy.value') }) };
  return (
    <Modal
      open={!!param}
      title={editing ? t('policy.edit') : t('policy.add')}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
      data-testid="param-modal"
    >
      <Form<Values> form={form} layout="vertical" preserve={false}>
        <Form.Item name="key" label={t('policy.key')} rules={[{ required: true, message: t('policy.key') }]}>
          <Select
            disabled={editing}
            showSearch={{ optionFilterProp: 'label' }}
            options={Object.entries(PARAM_DEFS).map(([k, d]) => ({ value: k, label: `${L(d)}（${k}）` }))}
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
        {kind === 'number' && (
          <Form.Item name="num" label={t('policy.value')} rules={[required]}>
            <InputNumber
              min={0}
              style={{ width: 200 }}
              suffix={def?.unit ? L(def.unit) : undefined}
              data-testid="param-number"
            />
          </Form.Item>
        )}
        {kind === 'ratio' && (
          <Form.Item name="pct" label={t('policy.value')} rules={[required]}>
            <InputNumber min={0} max={100} step={0.5} style={{ width: 200 }} suffix="%" data-testid="param-ratio" />
          </Form.Item>
        )}
        {kind === 'codes' && (
          <Form.Item name="codes" label={t('policy.value')} rules={[required]}>
            <Select mode="multiple" options={provinceOptions} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        )}
        {kind === 'range' && (
          <Space size={16} align="start">
            <Form.Item name="min" label={t('policy.min')} rules={[required]}>
              <InputNumber precision={0} />
            </Form.Item>
            <Form.Item
              name="max"
              label={t('policy.max')}
              dependencies={['min']}
              rules={[
                required,
                ({ getFieldValue }) => ({
                  validator: async (_, max?: number) => {
                    if (max != null && max < (getFieldValue('min') ?? -Infinity))
                      throw new Error(t('policy.rangeOrder'));
                  },
                }),
              ]}
            >
              <InputNumber precision={0} />
            </Form.Item>
          </Space>
        )}
      </Form>
    </Modal>
  );
}

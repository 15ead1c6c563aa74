/**
 * The household part of the form: code, village and group, address, phone, attribute, causes, housing, status.
 * Editing, the status and the identification and exit years are read-only: they change only through the workflow
 * (identification, exit, return), which the form links to; the form sends them back as they are.
 */
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { Link } from 'react-router';
import type { FormInstance } from 'antd';
import { regions, type RegionDetail } from '@shared/contracts/regions';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../common/useList';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { codeOptions } from './codes';
import type { HouseholdValues } from './formValues';
import { phoneRule } from './formValues';

interface Props {
  form: FormInstance<HouseholdValues>;
  editing: boolean;
  /** The household edited (its workflow tab is where the status changes). */
  householdId?: number;
  maskedPhones: ReadonlySet<string>;
}

const levelCache = new Map<string, Promise<RegionDetail>>();
function regionOf(code: string): Promise<RegionDetail> {
  let p = levelCache.get(code);
  if (!p) {
    p = call(regions.detail, { params: { code } });
    p.catch(() => levelCache.delete(code));
    levelCache.set(code, p);
  }
  return p;
}

export function HouseholdFields({ form, editing, householdId, maskedPhones }: Props) {
  const { t, L } = useI18n();
  const village = Form.useWatch('villageCode', form);
  const mainCause = Form.useWatch('mainCause', form);
  const status = Form.useWatch('status', form);
  const groups = useCall(regions.children, village && /^\d{12}$/.test(village) ? { params: { code: village } } : null);
  const registered = status === 'poor' || status === 'exited' || status === 'returned';
  const required = (field: string) => ({ required: true, message: t('form.required', { field }) });
  const picked = (field: string) => ({ required: true, message: t('form.select', { field }) });
  const groupOptions = (groups.data?.items ?? [])
    .filter((g) => g.level === 'group')
    .map((g) => ({ value: Number(g.code.slice(12)), label: g.name }));

  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item
          name="code"
          label={t('hh.code')}
          extra={editing ? t('hh.codeFixed') : undefined}
          rules={[required(t('hh.code')), { pattern: /^[A-Za-z0-9_-]{1,40}$/, message: t('hh.codeRule') }]}
        >
          <Input maxLength={40} disabled={editing} data-testid="field-code" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name="villageCode"
          label={t('hh.village')}
          rules={[
            picked(t('hh.village')),
            {
              validator: async (_, v?: string) => {
                if (!v) return;
                const r = await regionOf(v).catch(() => null);
                if (!r || r.level !== 'village') throw new Error(t('hh.villageHint'));
              },
            },
          ]}
        >
          <RegionTreeSelect placeholder={t('hh.villageHint')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="groupNo" label={t('hh.group')}>
          <Select allowClear options={groupOptions} loading={groups.loading} disabled={!groupOptions.length} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name="status"
          label={t('hh.status')}
          rules={[picked(t('hh.status'))]}
          extra={
            editing ? (
              <span data-testid="status-by-workflow">
                {t('hh.statusByWorkflow')}
                {householdId !== undefined && (
                  <>
                    {' '}
                    <Link to={`/households/${householdId}?tab=workflow`} data-testid="status-workflow-link">
                      {t('hh.toWorkflow')}
                    </Link>
                  </>
                )}
              </span>
            ) : undefined
          }
        >
          <Select options={codeOptions('household_status', L)} disabled={editing} data-testid="field-status" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="attribute" label={t('hh.attribute')} rules={registered ? [picked(t('hh.attribute'))] : []}>
          <Select allowClear options={codeOptions('attribute', L)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="housingGrade" label={t('hh.housingGrade')}>
          <Select allowClear options={codeOptions('housing_grade', L)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="mainCause" label={t('hh.mainCause')} rules={registered ? [picked(t('hh.mainCause'))] : []}>
          <Select allowClear options={codeOptions('cause', L)} data-testid="field-mainCause" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name="otherCauses"
          label={t('hh.otherCauses')}
          dependencies={['mainCause']}
          rules={[{ type: 'array', max: 2, message: t('hh.causesMax') }]}
        >
          <Select mode="multiple" allowClear options={codeOptions('cause', L).filter((o) => o.value !== mainCause)} />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item name="identifiedYear" label={t('hh.identifiedYear')}>
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} disabled={editing} />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item name="exitedYear" label={t('hh.exitedYear')}>
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} disabled={editing} />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item name="address" label={t('hh.address')}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="phone" label={t('hh.phone')} rules={[phoneRule(maskedPhones, t('person.phoneInvalid'))]}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
      </Col>
    </Row>
  );
}

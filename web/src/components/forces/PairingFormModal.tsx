/**
 * 新建结对 — a pairing of one of the five kinds (POST /api/pairings); the fields follow the kind: household +
 * responsible cadre, advanced village + poor village, unit + village, enterprise + village, or two Party members.
 */
import { useState } from 'react';
import { Alert, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { PAIRING_KINDS } from '@shared/forces';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { RegionTreeSelect } from '../RegionTreeSelect';
import type { HouseholdRow } from '../../registerTypes';
import { DutyCadreSelect } from './DutyCadreSelect';
import { ISO, forceOptions, forceText, isVillageCode, useMappedErrors } from './DutyShared';
import { PairingRemoteSelect } from './PairingRemoteSelect';
import type { HelpUnitRow, HouseholdRef, PairingRow, PartnerRow } from './PairingTypes';

export type PairingKind = (typeof PAIRING_KINDS)[number]['code'];

interface PairingForm {
  kind: PairingKind;
  householdId?: number;
  personId?: number;
  unitId?: number;
  partnerId?: number;
  regionCode?: string;
  helperRegionCode?: string;
  helperName?: string;
  helpedName?: string;
  startDate: Dayjs;
  note?: string;
}
const FIELDS = [
  'kind',
  'householdId',
  'personId',
  'unitId',
  'partnerId',
  'regionCode',
  'helperRegionCode',
  'helperName',
  'helpedName',
  'startDate',
  'note',
] as const;

/** Which fields each kind takes (besides kind, startDate and note). */
const KIND_FIELDS: Record<PairingKind, readonly (typeof FIELDS)[number][]> = {
  cadre_household: ['householdId', 'personId'],
  village_village: ['helperRegionCode', 'regionCode'],
  unit_village: ['unitId', 'regionCode'],
  enterprise_village: ['partnerId', 'regionCode'],
  member_member: ['helperName', 'helpedName', 'regionCode'],
};

export interface PairingPrefill {
  kind?: PairingKind;
  household?: HouseholdRef;
  regionCode?: string;
}

interface Props {
  open: boolean;
  region?: string;
  prefill?: PairingPrefill;
  onClose: () => void;
  onSaved: (p: PairingRow) => void;
}

export function PairingFormModal({ open, region, prefill, onClose, onSaved }: Props) {
  const { t, L } = useI18n();
  const onError = useMappedErrors();
  const [form] = Form.useForm<PairingForm>();
  const [saving, setSaving] = useState(false);
  const kind = (Form.useWatch('kind', form) ?? prefill?.kind ?? 'cadre_household') as PairingKind;
  const fields = KIND_FIELDS[kind];
  const has = (f: (typeof FIELDS)[number]) => fields.includes(f);
  const household = prefill?.household;

  const village = (name: 'regionCode' | 'helperRegionCode', label: string) => (
    <Form.Item
      name={name}
      label={label}
      rules={[
        { required: true, message: t('form.select', { field: label }) },
        {
          validator: (_, v?: string) =>
            !v || isVillageCode(v) ? Promise.resolve() : Promise.reject(new Error(t('pair.mustBeVillage'))),
        },
      ]}
    >
      <RegionTreeSelect />
    </Form.Item>
  );

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body: Record<string, unknown> = { kind: v.kind, startDate: v.startDate.format(ISO) };
    for (const f of KIND_FIELDS[v.kind]) {
      const value = v[f];
      if (value !== undefined && value !== null && value !== '')
        body[f] = typeof value === 'string' ? value.trim() : value;
    }
    if (v.note?.trim()) body.note = v.note.trim();
    setSaving(true);
    try {
      onSaved(await api.post<PairingRow>('/pairings', body));
    } catch (e) {
      onError(form, e, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={household ? t('pair.assignFor', { name: household.headName, code: household.code }) : t('pair.new')}
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
      width={640}
    >
      <Form<PairingForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          kind: prefill?.kind ?? 'cadre_household',
          householdId: household?.id,
          regionCode: prefill?.regionCode ?? (isVillageCode(region) ? region : undefined),
          startDate: dayjs(),
        }}
      >
        <Form.Item name="kind" label={t('pair.kind')} rules={[{ required: true }]}>
          <Select options={forceOptions('pairing_kind', L)} disabled={!!household} data-testid="pair-kind" />
        </Form.Item>
        {has('householdId') && (
          <Form.Item
            name="householdId"
            label={t('pair.household')}
            rules={[{ required: true, message: t('form.select', { field: t('pair.household') }) }]}
          >
            <PairingRemoteSelect<HouseholdRow>
              path="/households"
              query={{ region, status: 'poor,returned' }}
              initial={household ? { value: household.id, label: `${household.code} ${household.headName}` } : null}
              toOption={(h) => ({ value: h.id, label: `${h.code} ${h.headName}（${h.villageName}）` })}
              placeholder={t('pair.householdSearch')}
              disabled={!!household}
              data-testid="pair-household"
            />
          </Form.Item>
        )}
        {has('personId') && (
          <Form.Item
            name="personId"
            label={t('pair.responsible')}
            rules={[{ required: true, message: t('form.select', { field: t('pair.responsible') }) }]}
            extra={t('pair.capHint')}
          >
            <DutyCadreSelect stationed={false} data-testid="pair-person" />
          </Form.Item>
        )}
        {has('helperRegionCode') && village('helperRegionCode', t('pair.helperVillage'))}
        {has('unitId') && (
          <Form.Item
            name="unitId"
            label={t('pair.unit')}
            rules={[{ required: true, message: t('form.select', { field: t('pair.unit') }) }]}
          >
            <PairingRemoteSelect<HelpUnitRow>
              path="/help-units"
              toOption={(u) => ({ value: u.id, label: `${u.name}（${forceText('unit_level', u.level, L)}）` })}
              placeholder={t('pair.unitSearch')}
            />
          </Form.Item>
        )}
        {has('partnerId') && (
          <Form.Item
            name="partnerId"
            label={t('pair.partner')}
            rules={[{ required: true, message: t('form.select', { field: t('pair.partner') }) }]}
          >
            <PairingRemoteSelect<PartnerRow>
              path="/partners"
              toOption={(p) => ({ value: p.id, label: `${p.name}（${forceText('partner_kind', p.kind, L)}）` })}
              placeholder={t('pair.partnerSearch')}
            />
          </Form.Item>
        )}
        {has('helperName') && (
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item
                name="helperName"
                label={t('pair.helperMember')}
                rules={[
                  { required: true, whitespace: true, message: t('form.required', { field: t('pair.helperMember') }) },
                ]}
              >
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="helpedName"
                label={t('pair.helpedMember')}
                rules={[
                  { required: true, whitespace: true, message: t('form.required', { field: t('pair.helpedMember') }) },
                ]}
              >
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          </Row>
        )}
        {has('regionCode') &&
          village('regionCode', kind === 'village_village' ? t('pair.helpedVillage') : t('fb.village'))}
        <Form.Item
          name="startDate"
          label={t('fb.startDate')}
          rules={[{ required: true, message: t('form.select', { field: t('fb.startDate') }) }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label={t('fb.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      {household && (
        <Alert type="info" showIcon title={t('pair.gapAlert', { code: household.code, name: household.headName })} />
      )}
    </Modal>
  );
}

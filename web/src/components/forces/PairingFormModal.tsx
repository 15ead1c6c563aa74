/**
 * 新建结对 — a pairing of one of the five kinds (POST /api/pairings); the fields follow the kind: household +
 * responsible cadre, advanced village + poor village, unit + village, enterprise + village, or two Party members.
 */
import { useMemo } from 'react';
import { Alert, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { FormInstance } from 'antd';
import type { CallInput } from '@shared/contracts/contract';
import { households } from '@shared/contracts/households';
import { pairings, type PairingView } from '@shared/contracts/pairings';
import type { PairingKind } from '@shared/forces';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { FormModal } from '../common/FormModal';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { RemoteSelect } from '../RemoteSelect';
import { helpUnits, partners } from '@shared/contracts/units';
import { DutyCadreSelect } from './DutyCadreSelect';
import { forceOptions, forceText, isVillageCode, todayIso } from './DutyShared';
import { isoDateItem } from './isoDate';
import { PairingRemoteSelect } from './PairingRemoteSelect';
import { paren } from '../../format';

export type { PairingKind };

/** A household chosen before the form opens (a gap, a household page). */
export interface HouseholdRef {
  id: number;
  code: string;
  headName: string;
  regionCode?: string;
}

interface PairingValues {
  kind: PairingKind;
  householdId?: number;
  personId?: number;
  unitId?: number;
  partnerId?: number;
  regionCode?: string;
  helperRegionCode?: string;
  helperName?: string;
  helpedName?: string;
  startDate: string | null;
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
type Field = (typeof FIELDS)[number];

/** Which fields each kind takes (besides kind, startDate and note). */
const KIND_FIELDS: Record<PairingKind, readonly Field[]> = {
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
  onSaved: (p: PairingView) => void;
}

/** The values sent: the fields of the kind (trimmed), the start date, the note. */
function toBody(v: PairingValues) {
  const body: Record<string, unknown> = { kind: v.kind, startDate: v.startDate ?? '' };
  for (const f of KIND_FIELDS[v.kind]) {
    const value = v[f];
    if (value !== undefined && value !== null && value !== '')
      body[f] = typeof value === 'string' ? value.trim() : value;
  }
  if (v.note?.trim()) body.note = v.note.trim();
  return body as CallInput<typeof pairings.create>['body'];
}

export function PairingFormModal({ open, region, prefill, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const household = prefill?.household;
  // Callers may pass a new prefill object on every render: the values depend on what it holds.
  const kind = prefill?.kind ?? 'cadre_household';
  const regionCode = prefill?.regionCode ?? (isVillageCode(region) ? region : undefined);
  const initialValues = useMemo<PairingValues>(
    () => ({ kind, householdId: household?.id, regionCode, startDate: todayIso() }),
    [kind, household?.id, regionCode],
  );
  return (
    <FormModal<PairingValues, PairingView>
      open={open}
      title={household ? t('pair.assignFor', { name: household.headName, code: household.code }) : t('pair.new')}
      width={640}
      testId="pair-form"
      initialValues={initialValues}
      fields={FIELDS}
      save={(v) => call(pairings.create, { body: toBody(v) })}
      onClose={onClose}
      onSaved={onSaved}
    >
      {(form) => <PairingFields form={form} region={region} household={household} />}
    </FormModal>
  );
}

function PairingFields({
  form,
  region,
  household,
}: {
  form: FormInstance<PairingValues>;
  region?: string;
  household?: HouseholdRef;
}) {
  const { t, L } = useI18n();
  const kind = (Form.useWatch('kind', form) ?? 'cadre_household') as PairingKind;
  const has = (f: Field) => KIND_FIELDS[kind].includes(f);
  const required = (label: string) => ({ required: true, message: t('form.select', { field: label }) });

  const village = (name: 'regionCode' | 'helperRegionCode', label: string) => (
    <Form.Item
      name={name}
      label={label}
      rules={[
        required(label),
        {
          validator: (_, v?: string) =>
            !v || isVillageCode(v) ? Promise.resolve() : Promise.reject(new Error(t('pair.mustBeVillage'))),
        },
      ]}
    >
      <RegionTreeSelect />
    </Form.Item>
  );
  const member = (name: 'helperName' | 'helpedName', label: string) => (
    <Col span={12}>
      <Form.Item
        name={name}
        label={label}
        rules={[{ required: true, whitespace: true, message: t('form.required', { field: label }) }]}
      >
        <Input maxLength={50} />
      </Form.Item>
    </Col>
  );

  return (
    <>
      <Form.Item name="kind" label={t('pair.kind')} rules={[{ required: true }]}>
        <Select options={forceOptions('pairing_kind', L)} disabled={!!household} data-testid="pair-kind" />
      </Form.Item>
      {has('householdId') && (
        <Form.Item name="householdId" label={t('pair.household')} rules={[required(t('pair.household'))]}>
          <RemoteSelect
            deps={[region]}
            load={async (q) =>
              (await call(households.list, { query: { region, status: 'poor,returned', q, pageSize: 20 } })).items.map(
                (h) => ({ value: h.id, label: `${h.code} ${h.headName}${paren(h.villageName)}` }),
              )
            }
            initial={household ? { value: household.id, label: `${household.code} ${household.headName}` } : null}
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
          rules={[required(t('pair.responsible'))]}
          extra={t('pair.capHint')}
        >
          <DutyCadreSelect stationed={false} data-testid="pair-person" />
        </Form.Item>
      )}
      {has('helperRegionCode') && village('helperRegionCode', t('pair.helperVillage'))}
      {has('unitId') && (
        <Form.Item name="unitId" label={t('pair.unit')} rules={[required(t('pair.unit'))]}>
          <PairingRemoteSelect
            contract={helpUnits.list}
            toOption={(u) => ({ value: u.id, label: `${u.name}${paren(forceText('unit_level', u.level, L))}` })}
            placeholder={t('pair.unitSearch')}
          />
        </Form.Item>
      )}
      {has('partnerId') && (
        <Form.Item name="partnerId" label={t('pair.partner')} rules={[required(t('pair.partner'))]}>
          <PairingRemoteSelect
            contract={partners.list}
            toOption={(p) => ({ value: p.id, label: `${p.name}${paren(forceText('partner_kind', p.kind, L))}` })}
            placeholder={t('pair.partnerSearch')}
          />
        </Form.Item>
      )}
      {has('helperName') && (
        <Row gutter={12}>
          {member('helperName', t('pair.helperMember'))}
          {member('helpedName', t('pair.helpedMember'))}
        </Row>
      )}
      {has('regionCode') &&
        village('regionCode', kind === 'village_village' ? t('pair.helpedVillage') : t('fb.village'))}
      <Form.Item name="startDate" label={t('fb.startDate')} rules={[required(t('fb.startDate'))]} {...isoDateItem}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="note" label={t('fb.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      {household && (
        <Alert type="info" showIcon title={t('pair.gapAlert', { code: household.code, name: household.headName })} />
      )}
    </>
  );
}

/** Station a cadre in a village (POST /api/stations) and end a station (POST /api/stations/:id/end). */
import { useState } from 'react';
import { Alert, DatePicker, Form, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { STATIONED_ROLES, TEAM_ROLES } from '@shared/forces';
import { api } from '../../api';
import { useAsync, useFormErrorHandler } from '../../hooks';
import { useI18n } from '../../i18n';
import type { Page } from '../../types';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { dateItemProps, forceOptions, isVillageCode, today } from './CadreCommon';
import { CadreSelect, HelpUnitSelect } from './CadreSelect';
import type { Station, Team, UnitRef } from './CadreTypes';

interface StationForm {
  personId: number;
  regionCode: string;
  role: string;
  teamId?: number | null;
  unitId?: number | null;
  startDate: string;
  endDate?: string | null;
}
const FIELDS = ['personId', 'regionCode', 'role', 'teamId', 'unitId', 'startDate', 'endDate'] as const;

interface StationProps {
  open: boolean;
  /** Station this cadre (the picker is hidden). */
  person?: { id: number; name: string };
  /** Region to search cadres in and to start the village picker at. */
  region?: string;
  /** Preset village and role (e.g. from a team). */
  initial?: Partial<StationForm>;
  /** Preset sending unit (the cadre's or the team's). */
  unit?: UnitRef | null;
  onClose: () => void;
  onSaved: (s: Station) => void;
}

export function StationFormModal({ open, person, region, initial, unit, onClose, onSaved }: StationProps) {
  const { t, L } = useI18n();
  const onError = useFormErrorHandler();
  const [form] = Form.useForm<StationForm>();
  const [saving, setSaving] = useState(false);
  const village = Form.useWatch('regionCode', form);
  const role = Form.useWatch('role', form);
  const isVillage = isVillageCode(village);
  const teamRole = !!role && TEAM_ROLES.includes(role as (typeof TEAM_ROLES)[number]);

  const teams = useAsync(
    open && isVillage && teamRole ? (s) => api.get<Page<Team>>('/teams', { region: village, pageSize: 50 }, s) : null,
    [open, village, teamRole],
  );

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body = {
      personId: person?.id ?? v.personId,
      regionCode: v.regionCode,
      role: v.role,
      teamId: teamRole ? (v.teamId ?? null) : null,
      unitId: v.unitId ?? null,
      startDate: v.startDate,
      endDate: v.endDate ?? null,
    };
    setSaving(true);
    try {
      onSaved(await api.post<Station>('/stations', body));
    } catch (e) {
      onError(form, e, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  const start = today();
  return (
    <Modal
      title={person ? t('fa.stationNewFor', { name: person.name }) : t('fa.stationNew')}
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
      width={600}
    >
      <Form<StationForm>
        form={form}
        layout="vertical"
        preserve={false}
        data-testid="station-form"
        initialValues={{
          role: 'first_secretary',
          startDate: start,
          endDate: dayjs(start).add(2, 'year').format('YYYY-MM-DD'),
          unitId: unit?.id ?? null,
          regionCode: region && isVillageCode(region) ? region : undefined,
          ...initial,
        }}
        onValuesChange={(changed: Partial<StationForm>) => {
          if (changed.startDate)
            form.setFieldValue('endDate', dayjs(changed.startDate).add(2, 'year').format('YYYY-MM-DD'));
        }}
      >
        {!person && (
          <Form.Item
            name="personId"
            label={t('fa.cadre')}
            rules={[{ required: true, message: t('form.select', { field: t('fa.cadre') }) }]}
          >
            <CadreSelect region={region} />
          </Form.Item>
        )}
        <Form.Item
          name="role"
          label={t('fa.role')}
          rules={[{ required: true, message: t('form.select', { field: t('fa.role') }) }]}
        >
          <Select options={forceOptions('station_role', L)} />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('fa.village')}
          rules={[{ required: true, message: t('form.select', { field: t('fa.village') }) }]}
          validateStatus={village && !isVillage ? 'warning' : undefined}
          help={village && !isVillage ? t('fa.villageOnly') : undefined}
        >
          <RegionTreeSelect />
        </Form.Item>
        {teamRole && (
          <Form.Item name="teamId" label={t('fa.team')}>
            <Select
              allowClear
              loading={teams.loading}
              placeholder={isVillage ? t('fa.teamNone') : t('fa.villageFirst')}
              options={(teams.data?.items ?? []).map((tm) => ({ value: tm.id, label: tm.name }))}
            />
          </Form.Item>
        )}
        <Form.Item name="unitId" label={t('fa.unit')}>
          <HelpUnitSelect initial={unit ? { value: unit.id, label: unit.name } : null} />
        </Form.Item>
        <Form.Item
          name="startDate"
          label={t('fa.startDate')}
          rules={[{ required: true, message: t('form.select', { field: t('fa.startDate') }) }]}
          {...dateItemProps}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="endDate"
          label={t('fa.endDatePlanned')}
          extra={role && STATIONED_ROLES.includes(role as never) ? t('fa.termHint') : undefined}
          {...dateItemProps}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface EndForm {
  endedOn: string;
  reason: string;
}

export function StationEndModal({
  station,
  onClose,
  onSaved,
}: {
  station: Station | null;
  onClose: () => void;
  onSaved: (s: Station) => void;
}) {
  const { t, L } = useI18n();
  const onError = useFormErrorHandler();
  const [form] = Form.useForm<EndForm>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !station) return;
    setSaving(true);
    try {
      onSaved(await api.post<Station>(`/stations/${station.id}/end`, v));
    } catch (e) {
      onError(form, e, ['endedOn', 'reason']);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={t('fa.stationEnd')}
      open={station !== null}
      onCancel={onClose}
      onOk={submit}
      okText={t('fa.stationEnd')}
      okButtonProps={{ danger: true }}
      confirmLoading={saving}
      destroyOnHidden
    >
      {station && (
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          title={`${station.personName} · ${forceOptions('station_role', L).find((o) => o.value === station.role)?.label ?? station.role} · ${station.regionName}`}
        />
      )}
      <Form<EndForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ endedOn: today(), reason: 'completed' }}
      >
        <Form.Item
          name="endedOn"
          label={t('fa.endedOn')}
          rules={[{ required: true, message: t('form.select', { field: t('fa.endedOn') }) }]}
          {...dateItemProps}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('fa.endReason')} rules={[{ required: true }]}>
          <Select options={forceOptions('station_end_reason', L, ['completed', 'rotation', 'other'])} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

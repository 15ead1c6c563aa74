/** Station a cadre in a village (POST /api/stations) and end a station (POST /api/stations/:id/end, versioned). */
import { useMemo } from 'react';
import { Alert, DatePicker, Form, Modal, Select } from 'antd';
import type { FormInstance } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import type { StationView, UnitRef } from '@shared/contracts/cadres';
import { stations, teams, type StationEndInput, type StationInput } from '@shared/contracts/teams';
import { TEAM_ROLES } from '@shared/forces';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { FormModal } from '../common/FormModal';
import { useSave } from '../common/useSave';
import { useCall } from '../common/useList';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { dateItemProps, forceOptions, isStationedRole, isVillageCode, today } from './CadreCommon';
import { CadreSelect, HelpUnitSelect } from './CadreSelect';

type StationForm = StationInput;
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
  onSaved: (s: StationView) => void;
}

const termEnd = (start: string | Dayjs) => dayjs(start).add(2, 'year').format('YYYY-MM-DD');
const isTeamRole = (role: string | undefined) => !!role && TEAM_ROLES.includes(role as (typeof TEAM_ROLES)[number]);

/** The fields of the stationing form: the team picker follows the village and role, the term its start. */
function StationFields({
  form,
  person,
  region,
  unit,
}: {
  form: FormInstance<StationForm>;
  person?: StationProps['person'];
  region?: string;
  unit?: UnitRef | null;
}) {
  const { t, L } = useI18n();
  const village = Form.useWatch('regionCode', form);
  const role = Form.useWatch('role', form);
  const isVillage = isVillageCode(village);
  const teamRole = isTeamRole(role);
  const teamList = useCall(teams.list, isVillage && teamRole ? { query: { region: village, pageSize: 50 } } : null);
  return (
    <>
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
            loading={teamList.loading}
            placeholder={isVillage ? t('fa.teamNone') : t('fa.villageFirst')}
            options={(teamList.data?.items ?? []).map((tm) => ({ value: tm.id, label: tm.name }))}
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
        <DatePicker
          style={{ width: '100%' }}
          onChange={(d: Dayjs | null) => d && form.setFieldValue('endDate', termEnd(d))}
        />
      </Form.Item>
      <Form.Item
        name="endDate"
        label={t('fa.endDatePlanned')}
        extra={isStationedRole(role) ? t('fa.termHint') : undefined}
        {...dateItemProps}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}

export function StationFormModal({ open, person, region, initial, unit, onClose, onSaved }: StationProps) {
  const { t } = useI18n();
  const preset = JSON.stringify(initial ?? {});
  const initialValues = useMemo<Partial<StationForm>>(() => {
    const start = today();
    return {
      role: 'first_secretary',
      startDate: start,
      endDate: termEnd(start),
      unitId: unit?.id ?? null,
      regionCode: region && isVillageCode(region) ? region : undefined,
      ...(JSON.parse(preset) as Partial<StationForm>),
    };
  }, [open, preset, region, unit?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = (v: StationForm) =>
    call(stations.create, {
      body: {
        personId: person?.id ?? v.personId,
        regionCode: v.regionCode,
        role: v.role,
        teamId: isTeamRole(v.role) ? (v.teamId ?? null) : null,
        unitId: v.unitId ?? null,
        startDate: v.startDate,
        endDate: v.endDate ?? null,
      },
    });

  return (
    <FormModal<StationForm, StationView>
      open={open}
      title={person ? t('fa.stationNewFor', { name: person.name }) : t('fa.stationNew')}
      initialValues={initialValues}
      onClose={onClose}
      width={600}
      testId="station-form"
      fields={FIELDS}
      save={save}
      onSaved={onSaved}
    >
      {(form) => <StationFields form={form} person={person} region={region} unit={unit} />}
    </FormModal>
  );
}

type EndForm = StationEndInput;

export function StationEndModal({
  station,
  onClose,
  onSaved,
}: {
  station: StationView | null;
  onClose: () => void;
  onSaved: (s: StationView) => void;
}) {
  const { t, L } = useI18n();
  const [form] = Form.useForm<EndForm>();
  const { submit, saving, dialog } = useSave<EndForm, StationView>({
    form,
    fields: ['endedOn', 'reason'],
    version: station?.version,
    save: (v, version) => call(stations.end, { params: { id: station!.id }, body: { ...v, version } }),
    onSaved,
    conflict: {
      toValues: (current: StationView) => ({
        endedOn: current.endedOn ?? undefined,
        reason: (current.endReason ?? undefined) as EndForm['reason'] | undefined,
      }),
      labels: { endedOn: t('fa.endedOn'), reason: t('fa.endReason') },
    },
  });

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
      {dialog}
    </Modal>
  );
}

/** 工作队 tab of the teams page: teams (GET /api/teams?belowMinimum=) with members; create / edit (versioned), add a member. */
import { useMemo, useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Space, Switch, Tag, Typography } from 'antd';
import type { FormInstance, TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { teams, type TeamInput, type TeamView } from '@shared/contracts/teams';
import { call } from '../../api';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { FormModal } from '../common/FormModal';
import { ListTab, useList } from '../common/useList';
import { useUrlFilters } from '../common/urlFilters';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { RoleTag, dateItemProps, isVillageCode, today } from './CadreCommon';
import { HelpUnitSelect } from './CadreSelect';
import { StationFormModal } from './StationModals';

type TeamForm = TeamInput;
const FIELDS = ['regionCode', 'name', 'unitId', 'startDate', 'endDate'] as const;

const toValues = (tm: TeamView): TeamForm => ({
  regionCode: tm.regionCode,
  name: tm.name,
  unitId: tm.unit?.id ?? null,
  startDate: tm.startDate,
  endDate: tm.endDate,
});

function TeamFields({ form, editing }: { form: FormInstance<TeamForm>; editing?: TeamView }) {
  const { t } = useI18n();
  const village = Form.useWatch('regionCode', form);
  return (
    <>
      <Form.Item
        name="regionCode"
        label={t('fa.village')}
        rules={[{ required: true, message: t('form.select', { field: t('fa.village') }) }]}
        validateStatus={village && !isVillageCode(village) ? 'warning' : undefined}
        help={village && !isVillageCode(village) ? t('fa.villageOnly') : undefined}
      >
        <RegionTreeSelect disabled={!!editing} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('fa.teamName')}
        rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('fa.teamName') }) }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="unitId" label={t('fa.unit')}>
        <HelpUnitSelect initial={editing?.unit ? { value: editing.unit.id, label: editing.unit.name } : null} />
      </Form.Item>
      <Form.Item
        name="startDate"
        label={t('fa.startDate')}
        rules={[{ required: true, message: t('form.select', { field: t('fa.startDate') }) }]}
        {...dateItemProps}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="endDate" label={t('fa.endDatePlanned')} {...dateItemProps}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}

function TeamFormModal({
  team,
  region,
  onClose,
  onSaved,
}: {
  team: TeamView | 'new' | null;
  region: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const editing = team && team !== 'new' ? team : undefined;
  const initialValues = useMemo<Partial<TeamForm>>(() => {
    if (editing) return toValues(editing);
    const start = today();
    return {
      regionCode: isVillageCode(region) ? region : undefined,
      startDate: start,
      endDate: dayjs(start).add(2, 'year').format('YYYY-MM-DD'),
    };
  }, [editing, region]);
  const labels = useMemo(
    () => ({
      regionCode: t('fa.village'),
      name: t('fa.teamName'),
      unitId: t('fa.unit'),
      startDate: t('fa.startDate'),
      endDate: t('fa.endDatePlanned'),
    }),
    [t],
  );

  const save = (v: TeamForm, version: number | undefined) => {
    const body = { ...v, name: v.name.trim(), unitId: v.unitId ?? null, endDate: v.endDate ?? null };
    return editing
      ? call(teams.update, { params: { id: editing.id }, body: { ...body, version } })
      : call(teams.create, { body });
  };

  return (
    <FormModal<TeamForm, TeamView>
      open={team !== null}
      title={editing ? t('fa.teamEdit') : t('fa.teamNew')}
      initialValues={initialValues}
      onClose={onClose}
      fields={FIELDS}
      version={editing?.version}
      save={save}
      onSaved={onSaved}
      conflict={{ toValues, labels }}
    >
      {(form) => <TeamFields form={form} editing={editing} />}
    </FormModal>
  );
}

export function TeamTab({ region }: { region: string }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const f = useUrlFilters();
  const below = f.get('belowMinimum') === 'true';
  const [editing, setEditing] = useState<TeamView | 'new' | null>(null);
  const [adding, setAdding] = useState<TeamView | null>(null);
  const canEdit = can('force.station');

  const list = useList(teams.list, region ? { region, belowMinimum: below ? 'true' : undefined } : null);

  const columns: TableColumnsType<TeamView> = [
    { title: t('fa.teamName'), dataIndex: 'name' },
    {
      title: t('fa.village'),
      dataIndex: 'regionName',
      render: (v: string, tm) => <Link to={`/regions/${tm.regionCode}`}>{v}</Link>,
    },
    { title: t('fa.unit'), dataIndex: 'unit', render: (_, tm) => tm.unit?.name ?? '—' },
    { title: t('fa.term'), dataIndex: 'startDate', render: (_, tm) => `${tm.startDate} ~ ${tm.endDate ?? ''}` },
    {
      title: t('fa.teamSize'),
      dataIndex: 'size',
      width: 140,
      render: (_, tm) => (
        <Space size={4}>
          <span>{tm.size}</span>
          {tm.belowMinimum && (
            <Tag color="red" data-testid="team-below">
              {t('fa.belowMinimum', { n: tm.minimum })}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('fa.teamMembers'),
      dataIndex: 'members',
      render: (_, tm) =>
        tm.members.length ? (
          <Space orientation="vertical" size={2}>
            {tm.members.map((m) => (
              <span key={m.stationId}>
                <RoleTag role={m.role} />
                <Link to={`/forces/cadres/${m.personId}`}>{m.name}</Link>
              </span>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('fa.noMembers')}</Typography.Text>
        ),
    },
  ];
  if (canEdit)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 130,
      render: (_, tm) => (
        <Space>
          <Typography.Link onClick={() => setAdding(tm)}>{t('fa.addMember')}</Typography.Link>
          <Typography.Link onClick={() => setEditing(tm)}>{t('common.edit')}</Typography.Link>
        </Space>
      ),
    });

  const belowCount = list.data?.belowMinimum ?? 0;
  return (
    <>
      <ListTab
        list={list}
        columns={columns}
        testId="team-table"
        toolbar={
          <Space wrap>
            <RegionTreeSelect value={region} onChange={(c) => f.set({ region: c })} style={{ width: 240 }} />
            <Space size={6}>
              <Switch checked={below} onChange={(v) => f.set({ belowMinimum: v })} data-testid="filter-below" />
              {t('fa.belowOnly')}
            </Space>
          </Space>
        }
        actions={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="team-new">
              {t('fa.teamNew')}
            </Button>
          )
        }
        notice={
          belowCount > 0 &&
          !below && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={
                <span>
                  {t('fa.belowAlert', { n: belowCount })}{' '}
                  <Typography.Link onClick={() => f.set({ belowMinimum: true })}>{t('fa.showThem')}</Typography.Link>
                </span>
              }
            />
          )
        }
      />
      {canEdit && (
        <>
          <TeamFormModal
            team={editing}
            region={region}
            onClose={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              void message.success(t('common.saved'));
              list.reload();
            }}
          />
          <StationFormModal
            open={adding !== null}
            region={region}
            unit={adding?.unit}
            initial={adding ? { regionCode: adding.regionCode, role: 'team_member', teamId: adding.id } : undefined}
            onClose={() => setAdding(null)}
            onSaved={() => {
              setAdding(null);
              void message.success(t('common.saved'));
              list.reload();
            }}
          />
        </>
      )}
    </>
  );
}

/** 工作队 tab of the teams page: teams (GET /api/teams?belowMinimum=) with members; create / edit, add a member. */
import { useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { useAsync, useFormErrorHandler } from '../../hooks';
import { useI18n } from '../../i18n';
import { ApiResult } from '../ApiResult';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { RoleTag, dateItemProps, isVillageCode, today } from './CadreCommon';
import { urlPagination, useUrlFilters } from '../common/urlFilters';
import { HelpUnitSelect } from './CadreSelect';
import type { Team, TeamPage } from './CadreTypes';
import { StationFormModal } from './StationModals';

interface TeamForm {
  regionCode: string;
  name: string;
  unitId?: number | null;
  startDate: string;
  endDate?: string | null;
}
const FIELDS = ['regionCode', 'name', 'unitId', 'startDate', 'endDate'] as const;

function TeamFormModal({
  team,
  region,
  onClose,
  onSaved,
}: {
  team: Team | 'new' | null;
  region: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const onError = useFormErrorHandler();
  const [form] = Form.useForm<TeamForm>();
  const [saving, setSaving] = useState(false);
  const editing = team && team !== 'new' ? team : undefined;
  const village = Form.useWatch('regionCode', form);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body = { ...v, name: v.name.trim(), unitId: v.unitId ?? null, endDate: v.endDate ?? null };
    setSaving(true);
    try {
      if (editing) await api.patch(`/teams/${editing.id}`, body);
      else await api.post('/teams', body);
      onSaved();
    } catch (e) {
      onError(form, e, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  const start = today();
  return (
    <Modal
      title={editing ? t('fa.teamEdit') : t('fa.teamNew')}
      open={team !== null}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form<TeamForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          editing
            ? { ...editing, unitId: editing.unit?.id ?? null }
            : {
                regionCode: isVillageCode(region) ? region : undefined,
                startDate: start,
                endDate: dayjs(start).add(2, 'year').format('YYYY-MM-DD'),
              }
        }
      >
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
      </Form>
    </Modal>
  );
}

export function TeamTab({ region }: { region: string }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const f = useUrlFilters();
  const below = f.get('belowMinimum') === 'true';
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const [adding, setAdding] = useState<Team | null>(null);
  const canEdit = can('force.station');

  const list = useAsync(
    region
      ? (s) =>
          api.get<TeamPage>(
            '/teams',
            { region, belowMinimum: below || undefined, page: f.page, pageSize: f.pageSize },
            s,
          )
      : null,
    [region, below, f.page, f.pageSize],
  );

  const columns: TableColumnsType<Team> = [
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
      <Flex justify="space-between" align="start" gap={12} wrap style={{ marginBottom: 16 }}>
        <Space wrap>
          <RegionTreeSelect value={region} onChange={(c) => f.set({ region: c })} style={{ width: 240 }} />
          <Space size={6}>
            <Switch checked={below} onChange={(v) => f.set({ belowMinimum: v })} data-testid="filter-below" />
            {t('fa.belowOnly')}
          </Space>
        </Space>
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="team-new">
            {t('fa.teamNew')}
          </Button>
        )}
      </Flex>
      {belowCount > 0 && !below && (
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
      )}
      {list.error ? (
        <ApiResult error={list.error} onRetry={list.reload} />
      ) : (
        <Table<Team>
          rowKey="id"
          size="middle"
          data-testid="team-table"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={urlPagination(f, list.data?.total, (total) => t('common.total', { total }))}
        />
      )}
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

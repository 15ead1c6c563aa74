/** /command?region=CODE&kind= — command units in a region's subtree, with create/edit, members and people. */
import { useEffect, useState } from 'react';
import { App, Button, Card, Flex, Popconfirm, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { COMMAND_UNIT_KINDS, COMMAND_UNIT_KIND_LABELS } from '@shared/codes';
import { api } from '../api';
import { useAuth } from '../auth';
import { useAsync, useErrorToast } from '../hooks';
import { useI18n } from '../i18n';
import { ApiResult } from '../components/ApiResult';
import { PersonFormModal } from '../components/PersonFormModal';
import { RegionTreeSelect } from '../components/RegionTreeSelect';
import { UnitDrawer } from '../components/UnitDrawer';
import { UnitFormModal } from '../components/UnitFormModal';
import { unitColumns } from '../components/unitColumns';
import type { CommandUnit, Items, Page, RegionSummary } from '../types';

export default function CommandPage() {
  const i18n = useI18n();
  const { t, L } = i18n;
  const { can } = useAuth();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? '';
  const kind = params.get('kind') ?? '';
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [editing, setEditing] = useState<CommandUnit | 'new' | null>(null);
  const [openUnit, setOpenUnit] = useState<number | null>(null);
  const [newPerson, setNewPerson] = useState(false);
  const canWrite = can('command.write');

  // Without ?region= start at the user's first scope root.
  const roots = useAsync(region ? null : (s) => api.get<Items<RegionSummary>>('/regions/roots', undefined, s), [
    region,
  ]);
  useEffect(() => {
    const first = roots.data?.items[0];
    if (!region && first) setParams({ region: first.code }, { replace: true });
  }, [region, roots.data, setParams]);

  const list = useAsync(
    region
      ? (s) =>
          api.get<Page<CommandUnit>>('/command-units', { region, kind, page: page.current, pageSize: page.pageSize }, s)
      : null,
    [region, kind, page.current, page.pageSize],
  );
  const setFilter = (key: 'region' | 'kind', value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
    setPage((p) => ({ ...p, current: 1 }));
  };

  const remove = async (u: CommandUnit) => {
    try {
      await api.del(`/command-units/${u.id}`);
      message.success(t('common.deleted'));
      list.reload();
    } catch (e) {
      toast(e);
    }
  };

  const items = list.data?.items ?? [];
  const byId = new Map(items.map((u) => [u.id, u]));
  const columns: TableColumnsType<CommandUnit> = [
    ...unitColumns(i18n, (u) => setOpenUnit(u.id)),
    { title: t('unit.region'), dataIndex: 'regionName' },
    {
      title: t('unit.parent'),
      dataIndex: 'parentId',
      render: (id: number | null, u) =>
        id
          ? (u.parentName ?? byId.get(id)?.name ?? <Typography.Text type="secondary">#{id}</Typography.Text>)
          : t('common.none'),
    },
  ];
  if (canWrite)
    columns.push({
      title: t('common.actions'),
      width: 120,
      render: (_, u) => (
        <Space>
          <Typography.Link onClick={() => setEditing(u)}>{t('common.edit')}</Typography.Link>
          <Popconfirm title={t('common.confirmDelete', { name: u.name })} onConfirm={() => remove(u)}>
            <Typography.Link type="danger">{t('common.delete')}</Typography.Link>
          </Popconfirm>
        </Space>
      ),
    });

  if (roots.error) return <ApiResult error={roots.error} onRetry={roots.reload} />;
  return (
    <Card>
      <Flex justify="space-between" wrap gap={12} style={{ marginBottom: 16 }}>
        <Space wrap>
          <RegionTreeSelect value={region} onChange={(c) => setFilter('region', c)} style={{ width: 280 }} />
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t('unit.allKinds')}
            value={kind || undefined}
            onChange={(k?: string) => setFilter('kind', k)}
            options={COMMAND_UNIT_KINDS.map((k) => ({ value: k, label: L(COMMAND_UNIT_KIND_LABELS[k]) }))}
          />
        </Space>
        <Space wrap>
          {can('person.write') && (
            <Button icon={<UserAddOutlined />} onClick={() => setNewPerson(true)}>
              {t('person.new')}
            </Button>
          )}
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('unit.new')}
            </Button>
          )}
        </Space>
      </Flex>
      {list.error ? (
        <ApiResult error={list.error} onRetry={list.reload} />
      ) : (
        <Table<CommandUnit>
          rowKey="id"
          loading={list.loading}
          columns={columns}
          dataSource={items}
          pagination={{
            ...page,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (current, pageSize) => setPage({ current, pageSize }),
          }}
        />
      )}
      <UnitFormModal
        open={editing !== null}
        unit={editing && editing !== 'new' ? editing : undefined}
        defaultRegion={region}
        onClose={() => setEditing(null)}
        onSaved={() => {
          message.success(t('common.saved'));
          setEditing(null);
          list.reload();
        }}
      />
      <UnitDrawer unitId={openUnit} canWrite={canWrite} onClose={() => setOpenUnit(null)} onChanged={list.reload} />
      <PersonFormModal
        open={newPerson}
        defaultRegion={region}
        onClose={() => setNewPerson(false)}
        onCreated={(p) => {
          message.success(t('person.created', { name: p.name }));
          setNewPerson(false);
        }}
      />
    </Card>
  );
}

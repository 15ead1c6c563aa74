/** /command?region=CODE&kind= — command units in a region's subtree, with create/edit, members and people. */
import { useEffect, useState } from 'react';
import { App, Button, Card, Popconfirm, Select, Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { COMMAND_UNIT_KINDS, COMMAND_UNIT_KIND_LABELS } from '@shared/codes';
import type { CommandUnitKind } from '@shared/codes';
import { commandUnits, type CommandUnit } from '@shared/contracts/command';
import { regions } from '@shared/contracts/regions';
import { call } from '../api';
import { useAuth } from '../auth';
import { useErrorToast } from '../hooks';
import { useI18n } from '../i18n';
import { ApiResult } from '../components/ApiResult';
import { useUrlFilters } from '../components/common/urlFilters';
import { ListTab, useCall, useList } from '../components/common/useList';
import { PersonFormModal } from '../components/PersonFormModal';
import { RegionTreeSelect } from '../components/RegionTreeSelect';
import { UnitDrawer } from '../components/UnitDrawer';
import { UnitFormModal } from '../components/UnitFormModal';
import { unitColumns } from '../components/unitColumns';

const isKind = (k: string): k is CommandUnitKind => (COMMAND_UNIT_KINDS as readonly string[]).includes(k);

export default function CommandPage() {
  const i18n = useI18n();
  const { t, L } = i18n;
  const { can } = useAuth();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const [editing, setEditing] = useState<CommandUnit | 'new' | null>(null);
  const [openUnit, setOpenUnit] = useState<number | null>(null);
  const [newPerson, setNewPerson] = useState(false);
  const canWrite = can('command.write');

  const { get, set } = useUrlFilters();
  const region = get('region');
  const kind = get('kind');
  const units = useList(commandUnits.list, region ? { region, kind: isKind(kind) ? kind : undefined } : null);

  // Without ?region= start at the user's first scope root.
  const roots = useCall(regions.roots, region ? null : {});
  useEffect(() => {
    const first = roots.data?.items[0];
    if (!region && first) set({ region: first.code }, true);
  }, [region, roots.data, set]);

  const remove = async (u: CommandUnit) => {
    try {
      await call(commandUnits.remove, { params: { id: u.id }, body: { version: u.version } });
      message.success(t('common.deleted'));
      units.reload();
    } catch (e) {
      toast(e);
      units.reload();
    }
  };

  const items = units.data?.items ?? [];
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
      key: 'actions',
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
      <ListTab
        list={units}
        columns={columns}
        testId="command-units"
        toolbar={
          <Space wrap>
            <RegionTreeSelect value={region} onChange={(c) => set({ region: c })} style={{ width: 280 }} />
            <Select
              allowClear
              style={{ width: 180 }}
              placeholder={t('unit.allKinds')}
              value={kind || undefined}
              onChange={(k?: string) => set({ kind: k })}
              options={COMMAND_UNIT_KINDS.map((k) => ({ value: k, label: L(COMMAND_UNIT_KIND_LABELS[k]) }))}
            />
          </Space>
        }
        actions={
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
        }
      />
      <UnitFormModal
        open={editing !== null}
        unit={editing && editing !== 'new' ? editing : undefined}
        defaultRegion={region}
        onClose={() => setEditing(null)}
        onSaved={() => {
          message.success(t('common.saved'));
          setEditing(null);
          units.reload();
        }}
      />
      <UnitDrawer unitId={openUnit} canWrite={canWrite} onClose={() => setOpenUnit(null)} onChanged={units.reload} />
      {/* Mounted while open only: one modal in the page at a time. */}
      {newPerson && (
        <PersonFormModal
          open
          defaultRegion={region}
          onClose={() => setNewPerson(false)}
          onCreated={(p) => {
            message.success(t('person.created', { name: p.name }));
            setNewPerson(false);
          }}
        />
      )}
    </Card>
  );
}

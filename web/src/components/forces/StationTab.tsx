/** 驻村任职 tab of the teams page: stations (GET /api/stations) with role / region filters; create, end, recall. */
import { useState } from 'react';
import { App, Button, Space, Switch, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { StationView } from '@shared/contracts/cadres';
import { stations } from '@shared/contracts/teams';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import type { I18n } from '../../i18n';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { RoleTag, forceOptions, forceText, isStationedRole } from './CadreCommon';
import { ListTab, useList } from '../common/useList';
import { FilterSelect } from '../common/filters';
import { useUrlFilters } from '../common/urlFilters';
import { RecallRequestModal } from './RecallModals';
import { StationEndModal, StationFormModal } from './StationModals';

/** Columns of a station list; `withCadre` adds the cadre's name (left out on the cadre's own page). */
export function stationColumns({ t, L }: I18n, withCadre: boolean): TableColumnsType<StationView> {
  const cols: TableColumnsType<StationView> = [
    { title: t('fa.role'), dataIndex: 'role', width: 150, render: (v: string) => <RoleTag role={v} /> },
    {
      title: t('fa.village'),
      dataIndex: 'regionName',
      render: (v: string, s) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/regions/${s.regionCode}`}>{v}</Link>
          {s.teamName && <Typography.Text type="secondary">{s.teamName}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('fa.unit'), dataIndex: 'unit', render: (_, s) => s.unit?.name ?? '—' },
    {
      title: t('fa.term'),
      dataIndex: 'startDate',
      render: (_, s) => `${s.startDate} ~ ${s.endDate ?? ''}`,
    },
    {
      title: t('fa.status'),
      dataIndex: 'active',
      render: (_, s) =>
        s.active && !s.endedOn ? (
          <Tag color="green">{t('fa.serving')}</Tag>
        ) : s.active ? (
          <Space size={4}>
            <Tag color="gold">{t('fa.servingUntil', { date: s.endedOn ?? '' })}</Tag>
            {s.endReason && (
              <Tag color={s.endReason === 'recall' ? 'red' : 'default'}>
                {forceText('station_end_reason', s.endReason, L)}
              </Tag>
            )}
          </Space>
        ) : (
          <Space size={4}>
            <Tag color={s.endReason === 'recall' ? 'red' : 'default'}>
              {s.endReason ? forceText('station_end_reason', s.endReason, L) : t('fa.ended')}
            </Tag>
            <Typography.Text type="secondary">{s.endedOn}</Typography.Text>
          </Space>
        ),
    },
  ];
  if (withCadre)
    cols.unshift({
      title: t('fa.cadre'),
      dataIndex: 'personName',
      render: (v: string, s) => <Link to={`/forces/cadres/${s.personId}`}>{v}</Link>,
    });
  return cols;
}

/** The end / recall actions of a station row, for whoever may use them. */
export function useStationActions(onChanged: () => void) {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [ending, setEnding] = useState<StationView | null>(null);
  const [recalling, setRecalling] = useState<StationView | null>(null);
  const canEnd = can('force.station');
  const canRecall = can('recall.request');

  const column: TableColumnsType<StationView>[number] | null =
    canEnd || canRecall
      ? {
          key: 'actions',
          title: t('common.actions'),
          width: 140,
          render: (_, s) =>
            s.active && !s.endedOn ? (
              <Space>
                {canEnd && (
                  <Typography.Link onClick={() => setEnding(s)} data-testid="station-end">
                    {t('fa.stationEndShort')}
                  </Typography.Link>
                )}
                {canRecall && isStationedRole(s.role) && (
                  <Typography.Link type="danger" onClick={() => setRecalling(s)} data-testid="station-recall">
                    {t('fa.recall')}
                  </Typography.Link>
                )}
              </Space>
            ) : null,
        }
      : null;

  const modals = (
    <>
      {canEnd && (
        <StationEndModal
          station={ending}
          onClose={() => setEnding(null)}
          onSaved={() => {
            setEnding(null);
            void message.success(t('fa.stationEnded'));
            onChanged();
          }}
        />
      )}
      {canRecall && (
        <RecallRequestModal
          open={recalling !== null}
          station={recalling}
          onClose={() => setRecalling(null)}
          onSaved={() => {
            setRecalling(null);
            void message.success(t('fa.recallRequested'));
            onChanged();
          }}
        />
      )}
    </>
  );
  return { column, modals };
}

export function StationTab({ region }: { region: string }) {
  const i18n = useI18n();
  const { t, L } = i18n;
  const { can } = useAuth();
  const { message } = App.useApp();
  const f = useUrlFilters();
  const role = f.get('role') || undefined;
  const all = f.get('active') === 'all';
  const [creating, setCreating] = useState(false);

  const list = useList(stations.list, region ? { region, role, active: all ? 'all' : undefined } : null);
  const actions = useStationActions(list.reload);
  const columns = stationColumns(i18n, true);
  if (actions.column) columns.push(actions.column);

  return (
    <>
      <ListTab
        list={list}
        columns={columns}
        testId="station-table"
        toolbar={
          <Space wrap>
            <RegionTreeSelect value={region} onChange={(c) => f.set({ region: c })} style={{ width: 240 }} />
            <FilterSelect
              filters={f}
              name="role"
              placeholder={t('fa.role')}
              options={forceOptions('station_role', L)}
              multiple
              width={200}
              testId="station-role-filter"
            />
            <Space size={6}>
              <Switch checked={all} onChange={(v) => f.set({ active: v ? 'all' : undefined })} />
              {t('fa.includeEnded')}
            </Space>
          </Space>
        }
        actions={
          can('force.station') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="station-new">
              {t('fa.stationNew')}
            </Button>
          )
        }
      />
      {actions.modals}
      {can('force.station') && (
        <StationFormModal
          open={creating}
          region={region}
          onClose={() => setCreating(false)}
          onSaved={() => {
            setCreating(false);
            void message.success(t('common.saved'));
            list.reload();
          }}
        />
      )}
    </>
  );
}

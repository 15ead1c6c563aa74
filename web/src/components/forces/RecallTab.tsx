/** 召回 tab of the teams page (GET /api/recalls?status=): request modal, approve / reject for recall.approve holders. */
import { useState } from 'react';
import { App, Button, Segmented, Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { RecallView } from '@shared/contracts/cadres';
import { chinaDate } from '@shared/china-time';
import { RecallListQuery, recalls } from '@shared/contracts/teams';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import type { I18n } from '../../i18n';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { ApprovalTag, RoleTag, forceText } from './CadreCommon';
import { ListTab, useList } from '../common/useList';
import { useUrlFilters } from '../common/urlFilters';
import { RecallDecideModal, RecallRequestModal } from './RecallModals';

/** Columns of a recall list; `withCadre` adds the cadre's name (left out on the cadre's own page). */
export function recallColumns({ t, L }: I18n, withCadre: boolean): TableColumnsType<RecallView> {
  const cols: TableColumnsType<RecallView> = [
    { title: t('fa.role'), dataIndex: 'role', width: 140, render: (v: string) => <RoleTag role={v} /> },
    { title: t('fa.village'), dataIndex: 'regionName' },
    {
      title: t('fa.recallReason'),
      dataIndex: 'reason',
      render: (v: string, r) => (
        <Space orientation="vertical" size={0}>
          {forceText('recall_reason', v, L)}
          {r.note && (
            <Typography.Text type="secondary" ellipsis={{ tooltip: r.note }} style={{ maxWidth: 260 }}>
              {r.note}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('fa.effectiveDate'), dataIndex: 'effectiveDate', width: 120 },
    { title: t('fa.status'), dataIndex: 'status', width: 100, render: (v: string) => <ApprovalTag status={v} /> },
    {
      title: t('fa.requested'),
      dataIndex: 'requestedAt',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.requestedBy ?? '—'}</span>
          <Typography.Text type="secondary">{r.requestedAt && chinaDate(r.requestedAt)}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('fa.decided'),
      dataIndex: 'decidedAt',
      render: (_, r) =>
        r.decidedAt ? (
          <Space orientation="vertical" size={0}>
            <span>{r.decidedBy ?? '—'}</span>
            <Typography.Text type="secondary">{chinaDate(r.decidedAt)}</Typography.Text>
            {r.decisionNote && (
              <Typography.Text ellipsis={{ tooltip: r.decisionNote }} style={{ maxWidth: 200 }}>
                {r.decisionNote}
              </Typography.Text>
            )}
          </Space>
        ) : (
          '—'
        ),
    },
  ];
  if (withCadre)
    cols.unshift({
      title: t('fa.cadre'),
      dataIndex: 'personName',
      render: (v: string, r) => <Link to={`/forces/cadres/${r.personId}`}>{v}</Link>,
    });
  return cols;
}

const STATUSES = ['pending', 'approved', 'rejected', 'all'] as const;

export function RecallTab({ region }: { region: string }) {
  const i18n = useI18n();
  const { t, L } = i18n;
  const { can } = useAuth();
  const { message } = App.useApp();
  const f = useUrlFilters();
  const status = f.get('status') || 'all';
  const [requesting, setRequesting] = useState(false);
  const [decision, setDecision] = useState<{ recall: RecallView; approve: boolean } | null>(null);

  const list = useList(
    recalls.list,
    region ? { region, status: RecallListQuery.shape.status.safeParse(status).data } : null,
  );

  const columns = recallColumns(i18n, true);
  if (can('recall.approve'))
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 120,
      render: (_, r) =>
        r.status === 'pending' && r.canDecide ? (
          <Space>
            <Typography.Link onClick={() => setDecision({ recall: r, approve: true })} data-testid="recall-approve">
              {t('fa.approve')}
            </Typography.Link>
            <Typography.Link type="danger" onClick={() => setDecision({ recall: r, approve: false })}>
              {t('fa.reject')}
            </Typography.Link>
          </Space>
        ) : null,
    });

  return (
    <>
      <ListTab
        list={list}
        columns={columns}
        testId="recall-table"
        toolbar={
          <Space wrap>
            <RegionTreeSelect value={region} onChange={(c) => f.set({ region: c })} style={{ width: 240 }} />
            <Segmented<string>
              value={status}
              onChange={(v) => f.set({ status: v === 'all' ? undefined : v })}
              options={STATUSES.map((s) => ({
                value: s,
                label: s === 'all' ? t('fa.all') : forceText('approval_status', s, L),
              }))}
              data-testid="recall-status"
            />
          </Space>
        }
        actions={
          can('recall.request') && (
            <Button danger onClick={() => setRequesting(true)} data-testid="recall-new">
              {t('fa.recallRequest')}
            </Button>
          )
        }
      />
      {can('recall.request') && (
        <RecallRequestModal
          open={requesting}
          region={region}
          onClose={() => setRequesting(false)}
          onSaved={() => {
            setRequesting(false);
            void message.success(t('fa.recallRequested'));
            list.reload();
          }}
        />
      )}
      <RecallDecideModal
        decision={decision}
        onClose={() => setDecision(null)}
        onSaved={(r) => {
          setDecision(null);
          void message.success(r.status === 'approved' ? t('fa.recallApproved') : t('fa.recallRejected'));
          list.reload();
        }}
      />
    </>
  );
}

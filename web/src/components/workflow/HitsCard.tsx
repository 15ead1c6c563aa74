/** 比对疑点: a village's cross-check hits, filtered by status; open hits can be cleared (排除) or confirmed (确认). */
import { useState } from 'react';
import { App, Button, Card, Popconfirm, Segmented, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api';
import { useAsync, useErrorToast } from '../../hooks';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { ApiResult } from '../ApiResult';
import { SOURCES } from './CrosscheckCard';

export interface Hit {
  id: number;
  householdId: number;
  householdCode: string;
  headName: string;
  memberName: string | null;
  source: string;
  detail: string | null;
  status: string;
  createdAt: string;
  resolvedAt: string | null;
}

type HitStatus = 'open' | 'cleared' | 'confirmed';
const STATUS_COLORS: Record<string, string> = { open: 'gold', cleared: 'default', confirmed: 'red' };

export function HitsCard({
  village,
  version,
  onChanged,
}: {
  village: string;
  version: number;
  onChanged?: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const [status, setStatus] = useState<HitStatus | 'all'>('open');
  const [busy, setBusy] = useState<number | null>(null);
  const hits = useAsync(
    (s) =>
      api.get<{ items: Hit[] }>(
        `/villages/${encodeURIComponent(village)}/crosscheck-hits`,
        { status: status === 'all' ? undefined : status },
        s,
      ),
    [village, status, version],
  );

  const resolve = async (hit: Hit, next: 'cleared' | 'confirmed') => {
    setBusy(hit.id);
    try {
      await api.patch(`/crosscheck-hits/${hit.id}`, { status: next });
      message.success(t(`hit.${next}`));
      hits.reload();
      onChanged?.();
    } catch (e) {
      toast(e);
    } finally {
      setBusy(null);
    }
  };

  const sourceLabel = (v: string) => ((SOURCES as readonly string[]).includes(v) ? t(`src.${v}` as MessageKey) : v);
  const statusLabel = (v: string) => (v in STATUS_COLORS ? t(`hit.${v as HitStatus}`) : v);

  return (
    <Card
      title={t('vw.hits')}
      extra={
        <Segmented<HitStatus | 'all'>
          value={status}
          onChange={setStatus}
          options={(['open', 'cleared', 'confirmed', 'all'] as const).map((s) => ({
            value: s,
            label: s === 'all' ? t('vw.all') : t(`hit.${s}`),
          }))}
        />
      }
    >
      {hits.error ? (
        <ApiResult error={hits.error} onRetry={hits.reload} />
      ) : (
        <Table<Hit>
          rowKey="id"
          size="middle"
          data-testid="crosscheck-hits"
          loading={hits.loading}
          dataSource={hits.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
          columns={[
            {
              title: t('vw.household'),
              key: 'household',
              render: (_: unknown, h) => (
                <Link to={`/households/${h.householdId}`}>
                  {h.headName}（{h.householdCode}）
                </Link>
              ),
            },
            { title: t('vw.member'), dataIndex: 'memberName', render: (v: string | null) => v ?? '—' },
            { title: t('vw.source'), dataIndex: 'source', render: sourceLabel },
            { title: t('vw.detail'), dataIndex: 'detail', render: (v: string | null) => v ?? '—' },
            {
              title: t('vw.status'),
              dataIndex: 'status',
              render: (v: string) => (
                <Tag color={STATUS_COLORS[v]} data-status={v}>
                  {statusLabel(v)}
                </Tag>
              ),
            },
            { title: t('vw.createdAt'), dataIndex: 'createdAt', render: (v: string) => v.slice(0, 10) },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_: unknown, h) =>
                h.status === 'open' ? (
                  <Space>
                    <Button
                      size="small"
                      loading={busy === h.id}
                      onClick={() => resolve(h, 'cleared')}
                      data-testid="hit-clear"
                    >
                      {t('vw.clear')}
                    </Button>
                    <Popconfirm
                      title={t('vw.confirmTitle')}
                      description={t('vw.confirmDesc')}
                      onConfirm={() => resolve(h, 'confirmed')}
                    >
                      <Button size="small" danger loading={busy === h.id} data-testid="hit-confirm">
                        {t('vw.confirm')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ) : null,
            },
          ]}
        />
      )}
    </Card>
  );
}

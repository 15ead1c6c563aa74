/**
 * 比对疑点: the cross-check hits of a region — a village, or a township or county (workflow.regionHits), filtered by status (?hits=, open by default) and paged in
 * the URL; open hits can be cleared (排除) or confirmed (确认) with the version read (someone else's review first:
 * 409, the list is refreshed).
 */
import { useEffect, useRef, useState } from 'react';
import { App, Button, Card, Popconfirm, Segmented, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { workflow, type CrosscheckHit, type HitStatus } from '@shared/contracts/workflow';
import { call, isApiError } from '../../api';
import { useErrorToast } from '../../hooks';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { ListTab, useCall, type ListState } from '../common/useList';
import { useUrlFilters } from '../common/urlFilters';
import { SOURCES } from './CrosscheckCard';
import { paren } from '../../format';

const STATUS_COLORS: Record<HitStatus, string> = { open: 'gold', cleared: 'default', confirmed: 'red' };
const FILTERS = ['open', 'cleared', 'confirmed', 'all'] as const;
type Filter = (typeof FILTERS)[number];

export function HitsCard({
  region,
  version,
  onChanged,
}: {
  region: string;
  /** Changes when hits were added elsewhere (an upload): the list reloads. */
  version: number;
  onChanged?: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const filters = useUrlFilters();
  const status: Filter = (FILTERS as readonly string[]).includes(filters.get('hits'))
    ? (filters.get('hits') as Filter)
    : 'open';
  const [busy, setBusy] = useState<number | null>(null);
  const list: ListState<typeof workflow.regionHits> = {
    ...useCall(workflow.regionHits, {
      query: { region, status: status === 'all' ? undefined : status, page: filters.page, pageSize: filters.pageSize },
    }),
    filters,
  };
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    list.reload();
    // Reload when the version changes, not when the list does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);

  const resolve = async (hit: CrosscheckHit, next: 'cleared' | 'confirmed') => {
    setBusy(hit.id);
    try {
      await call(workflow.reviewHit, { params: { id: hit.id }, body: { status: next, version: hit.version } });
      message.success(t(`hit.${next}`));
      onChanged?.();
    } catch (e) {
      if (isApiError(e) && e.code === 'VERSION_CONFLICT') void message.warning(t('vw.hitChanged'));
      else toast(e);
    } finally {
      setBusy(null);
      list.reload();
    }
  };

  const sourceLabel = (v: string) => ((SOURCES as readonly string[]).includes(v) ? t(`src.${v}` as MessageKey) : v);

  const columns: TableColumnsType<CrosscheckHit> = [
    {
      title: t('vw.household'),
      key: 'household',
      render: (_: unknown, h) => (
        <Link to={`/households/${h.householdId}`}>
          {h.headName}
          {paren(h.householdCode)}
        </Link>
      ),
    },
    { title: t('vw.member'), dataIndex: 'memberName', render: (v: string | null) => v ?? '—' },
    { title: t('vw.source'), dataIndex: 'source', render: sourceLabel },
    { title: t('vw.detail'), dataIndex: 'detail', render: (v: string | null) => v ?? '—' },
    {
      title: t('vw.status'),
      dataIndex: 'status',
      render: (v: HitStatus) => (
        <Tag color={STATUS_COLORS[v]} data-status={v}>
          {t(`hit.${v}`)}
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
            <Button size="small" loading={busy === h.id} onClick={() => resolve(h, 'cleared')} data-testid="hit-clear">
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
  ];

  return (
    <Card
      title={t('vw.hits')}
      extra={
        <Segmented<Filter>
          value={status}
          onChange={(s) => filters.set({ hits: s === 'open' ? undefined : s })}
          options={FILTERS.map((s) => ({ value: s, label: s === 'all' ? t('vw.all') : t(`hit.${s}`) }))}
        />
      }
    >
      <ListTab list={list} columns={columns} testId="crosscheck-hits" />
    </Card>
  );
}

/** /households — the household register (农户台账): URL-driven filters, server-side sort and pagination, export. */
import { useEffect, useState } from 'react';
import { Button, Card, Dropdown, Flex, Space } from 'antd';
import { DownOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { households } from '@shared/contracts/households';
import { regions } from '@shared/contracts/regions';
import { useAuth } from '../auth';
import { download } from '../download';
import { useErrorToast } from '../hooks';
import { useI18n } from '../i18n';
import { ApiResult } from '../components/ApiResult';
import { HouseholdFilters } from '../components/households/HouseholdFilters';
import { householdColumns, sortParam } from '../components/households/householdColumns';
import { filtersOf, readListQuery, toCallQuery } from '../components/households/listQuery';
import type { ListQuery } from '../components/households/listQuery';
import type { HouseholdRow } from '@shared/contracts/households';
import { useCall } from '../components/common/useList';
import { DataTable } from '../components/common/DataTable';

export default function HouseholdsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { can } = useAuth();
  const navigate = useNavigate();
  const toast = useErrorToast();
  const [params, setParams] = useSearchParams();
  const query = readListQuery(params);
  const page = Number(query.page ?? 1) || 1;
  const pageSize = Number(query.pageSize ?? 20) || 20;
  const [exporting, setExporting] = useState(false);

  // Without ?region= start at the user's first scope root (keeping any other filters).
  const roots = useCall(regions.roots, query.region ? null : {});
  useEffect(() => {
    const first = roots.data?.items[0];
    if (query.region || !first) return;
    const next = new URLSearchParams(params);
    next.set('region', first.code);
    setParams(next, { replace: true });
  }, [query.region, roots.data, params, setParams]);

  const list = useCall(households.list, query.region ? { query: { ...toCallQuery(query), page, pageSize } } : null);

  const update = (patch: ListQuery) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  const applyFilters = (f: ListQuery) => {
    const keep: ListQuery = { sort: query.sort, pageSize: query.pageSize };
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...keep, ...f, region: f.region ?? query.region })) if (v) next.set(k, v);
    setParams(next);
  };

  // 导出当前列表: the rows as shown (filters and sort); 导出导入格式: one row per person, for a round trip.
  const exportAs = async (kind: 'list' | 'import') => {
    setExporting(true);
    try {
      const filters = { ...toCallQuery(filtersOf(query)), region: query.region ?? '' };
      if (kind === 'list')
        await download(
          households.exportList,
          { query: { ...filters, sort: toCallQuery(query).sort } },
          'household-list.xlsx',
        );
      else await download(households.export, { query: { ...filters, format: 'xlsx' } }, 'households.xlsx');
    } catch (e) {
      toast(e);
    } finally {
      setExporting(false);
    }
  };

  const year = list.data?.year ?? (query.year ? Number(query.year) : undefined);
  if (roots.error) return <ApiResult error={roots.error} onRetry={roots.reload} />;
  return (
    <Card data-testid="households-page">
      <Flex justify="space-between" align="start" gap={12}>
        <HouseholdFilters query={query} onApply={applyFilters} defaultYear={list.data?.year} />
        <Space style={{ flexShrink: 0 }}>
          <Dropdown
            menu={{
              items: [
                { key: 'list', label: <span data-testid="household-export-list">{t('hh.exportList')}</span> },
                { key: 'import', label: <span data-testid="household-export-import">{t('hh.exportImport')}</span> },
              ],
              onClick: ({ key }) => void exportAs(key as 'list' | 'import'),
            }}
          >
            <Button icon={<DownloadOutlined />} loading={exporting} data-testid="household-export">
              {t('hh.export')} <DownOutlined />
            </Button>
          </Dropdown>
          {can('household.write') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() =>
                navigate(
                  /^\d{9}(?!000)\d{3}$/.test(query.region ?? '')
                    ? `/households/new?village=${query.region}`
                    : '/households/new',
                )
              }
              data-testid="household-new"
            >
              {t('hh.new')}
            </Button>
          )}
        </Space>
      </Flex>
      {list.error ? (
        <ApiResult error={list.error} onRetry={list.reload} />
      ) : (
        <DataTable<HouseholdRow>
          rowKey="id"
          size="middle"
          data-testid="household-table"
          loading={list.loading}
          columns={householdColumns(i18n, query.sort, year)}
          dataSource={list.data?.items ?? []}
          onChange={(pg, _filters, sorter, extra) => {
            if (extra.action === 'sort') {
              const s = Array.isArray(sorter) ? sorter[0] : sorter;
              update({ sort: sortParam(s?.columnKey as string | undefined, s?.order), page: undefined });
            } else if (extra.action === 'paginate') {
              update({ page: String(pg.current ?? 1), pageSize: String(pg.pageSize ?? 20) });
            }
          }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
          }}
        />
      )}
    </Card>
  );
}

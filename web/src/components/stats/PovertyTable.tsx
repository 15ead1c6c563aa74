/** Poverty incidence by child region: table (name drills down, numbers link to the households) and a bar chart. */
import { useMemo } from 'react';
import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { POOR_STATUSES } from '@shared/register';
import { useI18n } from '../../i18n';
import type { PovertyCounts, PovertyIncidence } from '@shared/contracts/stats';
import { householdsLink } from '../households/listQuery';
import { EChart } from './EChart';
import type { ChartOption } from './EChart';
import { DataTable } from '../common/DataTable';
import { count, percent as formatPercent } from '../../format';

type Item = PovertyIncidence['items'][number];

/** A poverty incidence: two decimals (format.ts). */
export const percent = (v: number) => formatPercent(v, 2);

interface Props {
  data: PovertyIncidence;
  loading: boolean;
  onDrill: (code: string) => void;
}

export function PovertyTable({ data, loading, onDrill }: Props) {
  const { t } = useI18n();
  const year = data.year ?? undefined;
  const all = (code: string) => householdsLink({ region: code, year });
  const poor = (code: string) => householdsLink({ region: code, status: POOR_STATUSES, year });
  const num = (v: number, to: string, testId?: string) =>
    v > 0 ? (
      <Link to={to} data-testid={testId}>
        {count(v)}
      </Link>
    ) : (
      <Typography.Text type="secondary">0</Typography.Text>
    );

  const columns: TableColumnsType<Item> = [
    {
      title: t('stats.child'),
      dataIndex: 'name',
      render: (name: string, r) =>
        r.level === 'group' ? (
          name
        ) : (
          <Typography.Link onClick={() => onDrill(r.code)} data-testid="stats-drill">
            {name}
          </Typography.Link>
        ),
    },
    {
      title: t('stats.households'),
      dataIndex: 'households',
      align: 'right',
      render: (v: number, r) => num(v, all(r.code)),
    },
    { title: t('stats.persons'), dataIndex: 'persons', align: 'right', render: (v: number, r) => num(v, all(r.code)) },
    {
      title: t('stats.poorHouseholds'),
      dataIndex: 'poorHouseholds',
      align: 'right',
      render: (v: number, r) => num(v, poor(r.code), 'stats-poor-link'),
    },
    {
      title: t('stats.poorPersons'),
      dataIndex: 'poorPersons',
      align: 'right',
      render: (v: number, r) => num(v, poor(r.code)),
    },
    {
      title: t('stats.incidence'),
      dataIndex: 'incidence',
      align: 'right',
      sorter: (a, b) => a.incidence - b.incidence,
      render: (v: number) => percent(v),
    },
  ];

  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => percent(Number(v)) },
      grid: { left: 48, right: 16, top: 16, bottom: 64 },
      xAxis: { type: 'category', data: data.items.map((i) => i.name), axisLabel: { rotate: 40, interval: 0 } },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${Number((v * 100).toFixed(2))}%` } },
      series: [
        {
          type: 'bar',
          name: t('stats.incidence'),
          data: data.items.map((i) => i.incidence),
          itemStyle: { color: '#cf1322' },
        },
      ],
    }),
    [data, t],
  );

  const total: PovertyCounts | undefined = data.total;
  return (
    <>
      <EChart
        option={option}
        height={260}
        testId="incidence-chart"
        onClick={(i) => {
          const item = data.items[i];
          if (item && item.level !== 'group') onDrill(item.code);
        }}
      />
      <DataTable<Item>
        rowKey="code"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        pagination={false}
        data-testid="poverty-table"
        summary={() =>
          total ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('stats.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {num(total.households, all(data.region.code))}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {num(total.persons, all(data.region.code))}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {num(total.poorHouseholds, poor(data.region.code))}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {num(total.poorPersons, poor(data.region.code))}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                <Typography.Text strong data-testid="total-incidence">
                  {percent(total.incidence)}
                </Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </>
  );
}

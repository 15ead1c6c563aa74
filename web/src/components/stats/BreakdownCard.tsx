/** One register breakdown (by cause, attribute, status or housing grade): a chart and a table of counts with links. */
import { useMemo } from 'react';
import { Card, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { CodeListName } from '@shared/register';
import { useI18n } from '../../i18n';
import type { CodeCount } from '@shared/contracts/stats';
import { codeLabel } from '../households/codes';
import { EChart } from './EChart';
import type { ChartOption } from './EChart';
import { DataTable } from '../common/DataTable';
import { count } from '../../format';

interface Props {
  title: string;
  /** Heading of the code column. */
  itemTitle: string;
  /** Which households are counted, shown under the title. */
  note?: string;
  list: CodeListName;
  rows: CodeCount[];
  chart: 'bar' | 'pie';
  /** The household list behind a code's count. */
  link: (code: string) => string;
  /** Colours by code (pie slices). */
  colors?: Record<string, string>;
  testId: string;
}

export function BreakdownCard({ title, itemTitle, note, list, rows, chart, link, colors, testId }: Props) {
  const { t, L } = useI18n();
  const navigate = useNavigate();
  const label = (code: string) => (code ? codeLabel(list, code, L) : t('stats.unset'));
  const sorted = useMemo(() => [...rows].sort((a, b) => b.households - a.households), [rows]);

  const option = useMemo<ChartOption>(() => {
    const names = sorted.map((r) => label(r.code));
    if (chart === 'pie')
      return {
        tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
        legend: { type: 'scroll', bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['35%', '65%'],
            center: ['50%', '45%'],
            data: sorted.map((r, i) => ({
              name: names[i],
              value: r.households,
              itemStyle: colors?.[r.code] ? { color: colors[r.code] } : undefined,
            })),
          },
        ],
      };
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: names },
      series: [{ type: 'bar', name: t('stats.households'), data: sorted.map((r) => r.households) }],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sorted, chart, colors, L, t]);

  const columns: TableColumnsType<CodeCount> = [
    { title: itemTitle, dataIndex: 'code', render: (c: string) => label(c) },
    {
      title: t('stats.households'),
      dataIndex: 'households',
      align: 'right',
      render: (v: number, r) =>
        r.code && v > 0 ? (
          <Link to={link(r.code)} data-testid={`${testId}-link`}>
            {count(v)}
          </Link>
        ) : (
          count(v)
        ),
    },
    { title: t('stats.persons'), dataIndex: 'persons', align: 'right', render: (v: number) => count(v) },
  ];

  return (
    <Card
      size="small"
      title={title}
      extra={note && <Typography.Text type="secondary">{note}</Typography.Text>}
      data-testid={testId}
      style={{ height: '100%' }}
    >
      <EChart
        option={option}
        height={chart === 'pie' ? 260 : Math.max(160, sorted.length * 26 + 20)}
        onClick={(i) => {
          const code = sorted[i]?.code;
          if (code) navigate(link(code));
        }}
      />
      <DataTable<CodeCount> rowKey="code" size="small" columns={columns} dataSource={sorted} pagination={false} />
    </Card>
  );
}

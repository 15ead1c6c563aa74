/** Per-capita net income distribution of a year; bars below the poverty line are red. A bar opens its households. */
import { useMemo } from 'react';
import { Card, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n';
import type { RegisterBreakdown } from '@shared/contracts/stats';
import { householdsLink } from '../households/listQuery';
import { EChart } from './EChart';
import type { ChartOption } from './EChart';

export function IncomeCard({ data }: { data: RegisterBreakdown }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { incomeDistribution: buckets, povertyLine: line, year } = data;

  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      xAxis: {
        type: 'category',
        name: t('stats.bucket'),
        nameLocation: 'middle',
        nameGap: 24,
        data: buckets.map((b) => (b.hi === null ? `≥${b.lo}` : `${b.lo}–${b.hi}`)),
      },
      yAxis: { type: 'value', name: t('stats.households') },
      series: [
        {
          type: 'bar',
          name: t('stats.households'),
          data: buckets.map((b) => ({
            value: b.households,
            itemStyle: { color: line !== null && (b.hi ?? Infinity) <= line ? '#cf1322' : '#1677ff' },
          })),
        },
      ],
    }),
    [buckets, line, t],
  );

  return (
    <Card
      size="small"
      title={t('stats.income', { year })}
      data-testid="income-card"
      extra={
        <Typography.Text type={line === null ? 'warning' : 'danger'} data-testid="poverty-line">
          {line === null ? t('stats.noLine') : `${t('stats.povertyLine', { line })} · ${t('stats.belowLine')}`}
        </Typography.Text>
      }
    >
      <EChart
        option={option}
        height={280}
        testId="income-chart"
        onClick={(i) => {
          const b = buckets[i];
          if (b)
            navigate(
              householdsLink({ region: data.region.code, year, incomeMin: b.lo || null, incomeMax: b.hi ?? null }),
            );
        }}
      />
    </Card>
  );
}

/**
 * 辖区概况 — the headline figures of a region (GET /api/workbench/glance: households, persons, registered, poor,
 * exited and returned households, the poverty incidence, the cadres stationed — whatever the registry holds), each
 * opening its list, and a small line of the incidence by year whose points open the statistics of their year.
 * On the workbench and on the region page.
 */
import { useMemo } from 'react';
import { Button, Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { BarChartOutlined, SolutionOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { workbench, type Figure, type WorkbenchGlance } from '@shared/contracts/workbench';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { ApiResult } from '../ApiResult';
import { useCall } from '../common/useList';
import { EChart, type ChartOption } from '../stats/EChart';

const percent = (v: number) => `${(v * 100).toFixed(2)}%`;

function FigureTile({ f }: { f: Figure }) {
  const { t, L } = useI18n();
  return (
    <Link to={f.link} data-testid={`figure-${f.key}`} data-value={f.value}>
      <Card size="small" hoverable>
        {f.unit === 'ratio' ? (
          <Statistic title={L(f.label)} value={(f.value * 100).toFixed(2)} suffix="%" />
        ) : (
          <Statistic title={L(f.label)} value={f.value} suffix={t(`wb.unit.${f.unit}` as MessageKey) || undefined} />
        )}
      </Card>
    </Link>
  );
}

function IncidenceLine({ points }: { points: WorkbenchGlance['incidenceByYear'] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 8, top: 16, bottom: 20, containLabel: true },
      tooltip: {
        trigger: 'axis',
        formatter: (p: unknown) => {
          const i = (p as { dataIndex: number }[])[0]?.dataIndex ?? 0;
          const y = points[i]!;
          return t('wb.incidenceYear', { year: y.year, value: percent(y.incidence) });
        },
      },
      xAxis: { type: 'category', data: points.map((p) => String(p.year)), axisTick: { show: false } },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` }, splitNumber: 2 },
      series: [
        {
          type: 'line',
          data: points.map((p) => p.incidence),
          smooth: true,
          symbolSize: 6,
          areaStyle: { opacity: 0.15 },
        },
      ],
    }),
    [points, t],
  );
  return (
    <EChart
      option={option}
      height={140}
      testId="incidence-sparkline"
      onClick={(i) => points[i] && navigate(points[i].link)}
    />
  );
}

export function GlanceCard({ region, title }: { region?: string; title?: string }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useCall(workbench.glance, { query: { region } });
  const code = data?.region.code ?? region;
  return (
    <Card
      title={title ?? t('wb.glance')}
      loading={loading && !data}
      data-testid="glance-card"
      extra={
        code && (
          <Space>
            <Link to={`/households?region=${code}`} data-testid="glance-households">
              <Button size="small" icon={<SolutionOutlined />}>
                {t('wb.openHouseholds')}
              </Button>
            </Link>
            <Link to={`/stats?region=${code}`}>
              <Button size="small" icon={<BarChartOutlined />}>
                {t('wb.openStats')}
              </Button>
            </Link>
          </Space>
        )
      }
    >
      {error ? (
        <ApiResult error={error} onRetry={reload} />
      ) : (
        data && (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={16}>
              <Row gutter={[12, 12]}>
                {data.figures.map((f) => (
                  <Col key={f.key} xs={12} sm={8} md={6}>
                    <FigureTile f={f} />
                  </Col>
                ))}
              </Row>
            </Col>
            {data.incidenceByYear.length > 0 && (
              <Col xs={24} xl={8}>
                <Typography.Text type="secondary">{t('wb.incidenceTrend')}</Typography.Text>
                <IncidenceLine points={data.incidenceByYear} />
              </Col>
            )}
          </Row>
        )
      )}
    </Card>
  );
}

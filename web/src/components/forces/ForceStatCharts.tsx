/**
 * The charts of 帮扶力量统计 (GET /api/stats/cadres): the child regions (drilling down), pairs by kind, households
 * per pairing cadre, days in the village and recall reasons; each opens the list behind it.
 */
import { useMemo } from 'react';
import { Card, Col, Empty, Row, Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { CadreStats } from '@shared/contracts/forces-stats';
import { useI18n } from '../../i18n';
import { EChart } from '../stats/EChart';
import type { ChartOption } from '../stats/EChart';
import { forceText } from './CadreCommon';
import { DataTable } from '../common/DataTable';
import { useFormat } from '../../useFormat';
import { TEAM_CADRE_ROLES } from '@shared/forces';

type Child = CadreStats['byChild'][number];

/** A ring chart of named counts; null when every count is 0. */
function pie(data: { name: string; value: number }[]): ChartOption | null {
  if (!data.some((x) => x.value > 0)) return null;
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { type: 'scroll', bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], data }],
  };
}

export function ForceStatCharts({
  d,
  r,
  onRegion,
}: {
  d: CadreStats;
  r: string;
  /** Drill down to a child region. */
  onRegion: (code: string) => void;
}) {
  const { t, L } = useI18n();
  const f = useFormat();
  const navigate = useNavigate();
  const num = f.count;
  const childOption = useMemo<ChartOption | null>(() => {
    if (!d.byChild.length) return null;
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: d.byChild.map((c) => c.name), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: t('fa.st.firstSecretaries'), data: d.byChild.map((c) => c.firstSecretaries) },
        { type: 'bar', name: t('fa.st.teamCadres'), data: d.byChild.map((c) => c.teamCadres) },
        { type: 'bar', name: t('fa.st.teams'), data: d.byChild.map((c) => c.teams) },
      ],
    };
  }, [d, t]);

  // Pairs by kind as bars with their numbers, not a pie: one kind (cadre ↔ household) dwarfs the others, whose
  // slices a pie would reduce to slivers. Kinds top to bottom in their order.
  const pairKinds = useMemo(() => [...d.pairs].reverse(), [d]);
  const pairsTotal = d.pairs.reduce((a, p) => a + p.pairs, 0);
  const pairsOption = useMemo<ChartOption | null>(() => {
    if (pairsTotal === 0) return null;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: pairKinds.map((p) => forceText('pairing_kind', p.kind, L)) },
      series: [
        {
          type: 'bar',
          name: t('fa.st.pairs'),
          data: pairKinds.map((p) => p.pairs),
          label: { show: true, position: 'right', formatter: (x) => f.count(Number(x.value)) },
        },
      ],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pairKinds, pairsTotal, L, t, f.lang]);

  const daysOption = useMemo<ChartOption | null>(() => {
    if (!d.days.distribution.length) return null;
    const dist = d.days.distribution;
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: dist.map((b) => (b.hi === null ? `≥${b.lo}` : `${b.lo}–${b.hi}`)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('fa.st.cadresUnit'),
          data: dist.map((b) => ({
            value: b.cadres,
            itemStyle: { color: (b.hi ?? Infinity) <= d.days.minimum ? '#cf1322' : '#389e0d' },
          })),
        },
      ],
    };
  }, [d, t]);

  const recallOption = useMemo(
    () => pie(d.recalls.byReason.map((x) => ({ name: forceText('recall_reason', x.reason, L), value: x.count }))),
    [d, L],
  );

  const perCadreOption = useMemo<ChartOption | null>(() => {
    if (!d.householdsPerPairingCadre.length) return null;
    const rows = [...d.householdsPerPairingCadre].sort((a, b) => a.households - b.households);
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((x) => t('fa.st.nHouseholds', { n: x.households })) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('fa.st.cadresUnit'), data: rows.map((x) => x.cadres) }],
    };
  }, [d, t]);

  const childColumns: TableColumnsType<Child> = [
    {
      title: t('fa.st.region'),
      dataIndex: 'name',
      render: (v: string, c) => <Typography.Link onClick={() => onRegion(c.code)}>{v}</Typography.Link>,
    },
    {
      title: t('fa.st.firstSecretaries'),
      dataIndex: 'firstSecretaries',
      align: 'right',
      render: (v: number, c) => <Link to={`/forces/cadres?region=${c.code}&role=first_secretary`}>{v}</Link>,
    },
    {
      title: t('fa.st.teamCadres'),
      dataIndex: 'teamCadres',
      align: 'right',
      render: (v: number, c) => (
        <Link to={`/forces/teams?tab=stations&region=${c.code}&role=${TEAM_CADRE_ROLES.join(',')}`}>{v}</Link>
      ),
    },
    {
      title: t('fa.st.teams'),
      dataIndex: 'teams',
      align: 'right',
      render: (v: number, c) => <Link to={`/forces/teams?region=${c.code}`}>{v}</Link>,
    },
  ];

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card size="small" title={t('fa.st.byChild')} data-testid="stat-by-child">
          {childOption ? (
            <Row gutter={16}>
              <Col xs={24} xl={14}>
                <EChart
                  option={childOption}
                  height={Math.max(320, 60 + d.byChild.length * 38)}
                  onClick={(i) => {
                    const c = d.byChild[i];
                    if (c) onRegion(c.code);
                  }}
                />
              </Col>
              <Col xs={24} xl={10}>
                <DataTable<Child>
                  rowKey="code"
                  size="small"
                  columns={childColumns}
                  dataSource={d.byChild}
                  pagination={false}
                  data-testid="stat-by-child-table"
                />
              </Col>
            </Row>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('fa.st.pairs')} data-testid="stat-pairs" style={{ height: '100%' }}>
          {pairsOption ? (
            <EChart
              option={pairsOption}
              height={220}
              testId="stat-pairs-chart"
              onClick={(i) => {
                const p = pairKinds[i];
                if (p) navigate(`/forces/pairings?${r}&kind=${p.kind}`);
              }}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          )}
          <Space wrap size={[16, 4]}>
            {d.pairs.map((p) => (
              <span key={p.kind}>
                {forceText('pairing_kind', p.kind, L)}
                {f.colon()}
                <Link to={`/forces/pairings?${r}&kind=${p.kind}`} data-testid={`stat-pairs-${p.kind}`}>
                  {f.withUnit(p.pairs, 'pair')}
                </Link>
                {pairsTotal > 0 && (
                  <Typography.Text type="secondary">{f.paren(f.percent(p.pairs / pairsTotal))}</Typography.Text>
                )}
              </span>
            ))}
          </Space>
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('fa.st.perCadre')} style={{ height: '100%' }}>
          {perCadreOption ? (
            <EChart option={perCadreOption} onClick={() => navigate(`/forces/pairings?${r}&kind=cadre_household`)} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card
          size="small"
          title={t('fa.st.days', { year: d.days.year })}
          extra={
            <Link to={`/forces/duty?tab=days&${r}&behind=true`}>
              {t('fa.st.behindLink', { n: num(d.days.behind) })}
            </Link>
          }
          style={{ height: '100%' }}
        >
          {daysOption ? (
            <EChart option={daysOption} onClick={() => navigate(`/forces/duty?tab=days&${r}`)} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card
          size="small"
          title={t('fa.st.recallReasons')}
          extra={<Link to={`/forces/teams?tab=recalls&${r}`}>{t('fa.st.allRecalls')}</Link>}
          style={{ height: '100%' }}
        >
          {recallOption ? (
            <EChart option={recallOption} onClick={() => navigate(`/forces/teams?tab=recalls&${r}`)} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fa.noRecalls')} />
          )}
        </Card>
      </Col>
    </Row>
  );
}

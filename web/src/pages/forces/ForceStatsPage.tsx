/**
 * /forces/stats?region= — 帮扶力量统计 (GET /api/stats/cadres): first secretaries, team cadres and teams, age and
 * education shares, pairs by kind, households per pairing cadre, recalls and days in village. Every number links to
 * the list behind it with the filter in the URL; the chart of child regions drills down.
 */
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { Breadcrumb, Card, Col, Empty, Row, Space, Spin, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api';
import { useAsync } from '../../hooks';
import { useI18n } from '../../i18n';
import type { RegionDetail } from '../../types';
import { ApiResult } from '../../components/ApiResult';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { EChart } from '../../components/stats/EChart';
import type { ChartOption } from '../../components/stats/EChart';
import { forceText, pct, shareText, useDefaultRegion } from '../../components/forces/CadreCommon';
import { useUrlFilters } from '../../components/common/urlFilters';
import type { CadreStats } from '../../components/forces/ForceTypes';
import { useAuth } from '../../auth';

type Child = CadreStats['byChild'][number];

function StatCard({
  title,
  to,
  value,
  testId,
  danger,
  note,
}: {
  title: string;
  to: string;
  value: ReactNode;
  testId: string;
  danger?: boolean;
  note?: ReactNode;
}) {
  return (
    <Col xs={12} md={8} xl={6} xxl={4}>
      <Card size="small" style={{ height: '100%' }}>
        <Statistic
          title={title}
          valueRender={() => (
            <Link to={to} data-testid={testId} style={danger ? { color: '#cf1322' } : undefined}>
              {value}
            </Link>
          )}
        />
        {note && <Typography.Text type="secondary">{note}</Typography.Text>}
      </Card>
    </Col>
  );
}

export default function ForceStatsPage() {
  const { t, L, lang } = useI18n();
  const navigate = useNavigate();
  const { me } = useAuth();
  const f = useUrlFilters();
  const { region, error, reload } = useDefaultRegion();

  const stats = useAsync(region ? (s) => api.get<CadreStats>('/stats/cadres', { region }, s) : null, [region]);
  const detail = useAsync(region ? (s) => api.get<RegionDetail>(`/regions/${region}`, undefined, s) : null, [region]);
  const d = stats.data;
  const r = `region=${region}`;

  // Breadcrumb from the user's scope down to the region shown.
  const scopes = new Set(me?.roles.map((x) => x.scopeCode));
  const chain = detail.data ? [...detail.data.ancestors, detail.data] : [];
  const from = chain.findIndex((x) => scopes.has(x.code));
  const trail = from >= 0 ? chain.slice(from) : chain.slice(-1);

  const childOption = useMemo<ChartOption | null>(() => {
    if (!d?.byChild.length) return null;
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

  const pairsOption = useMemo<ChartOption | null>(() => {
    if (!d?.pairs.some((p) => p.pairs > 0)) return null;
    return {
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { type: 'scroll', bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          center: ['50%', '45%'],
          data: d.pairs.map((p) => ({ name: forceText('pairing_kind', p.kind, L), value: p.pairs })),
        },
      ],
    };
  }, [d, L]);

  const daysOption = useMemo<ChartOption | null>(() => {
    if (!d?.days.distribution.length) return null;
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

  const recallOption = useMemo<ChartOption | null>(() => {
    if (!d?.recalls.byReason.some((x) => x.count > 0)) return null;
    return {
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { type: 'scroll', bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          center: ['50%', '45%'],
          data: d.recalls.byReason.map((x) => ({ name: forceText('recall_reason', x.reason, L), value: x.count })),
        },
      ],
    };
  }, [d, L]);

  const perCadreOption = useMemo<ChartOption | null>(() => {
    if (!d?.householdsPerPairingCadre.length) return null;
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
      render: (v: string, c) => <Typography.Link onClick={() => f.set({ region: c.code })}>{v}</Typography.Link>,
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
      render: (v: number, c) => <Link to={`/forces/teams?tab=stations&region=${c.code}`}>{v}</Link>,
    },
    {
      title: t('fa.st.teams'),
      dataIndex: 'teams',
      align: 'right',
      render: (v: number, c) => <Link to={`/forces/teams?region=${c.code}`}>{v}</Link>,
    },
  ];

  const num = (n: number) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
  const avg = (n: number) => n.toLocaleString(undefined, { maximumFractionDigits: 2 });

  if (error) return <ApiResult error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="force-stats-page">
      <Card size="small">
        <Space wrap size={16}>
          <RegionTreeSelect value={region} onChange={(c) => f.set({ region: c })} style={{ width: 280 }} />
          <Breadcrumb
            items={trail.map((x, i) => ({
              key: x.code,
              title:
                i < trail.length - 1 ? (
                  <a onClick={() => f.set({ region: x.code })}>{x.name}</a>
                ) : (
                  <span data-testid="stats-region-name">{x.name}</span>
                ),
            }))}
          />
        </Space>
      </Card>
      {stats.error ? (
        <ApiResult error={stats.error} onRetry={stats.reload} />
      ) : !d ? (
        <Card>
          <Spin />
        </Card>
      ) : (
        <>
          <Row gutter={[12, 12]} data-testid="force-stat-cards">
            <StatCard
              title={t('fa.st.firstSecretaries')}
              value={num(d.firstSecretaries)}
              to={`/forces/cadres?${r}&role=first_secretary`}
              testId="stat-first-secretaries"
            />
            <StatCard
              title={t('fa.st.teamCadres')}
              value={num(d.teamCadres)}
              to={`/forces/teams?tab=stations&${r}`}
              testId="stat-team-cadres"
              note={t('fa.st.teamCadresNote')}
            />
            <StatCard
              title={t('fa.st.teams')}
              value={num(d.teams)}
              to={`/forces/teams?${r}`}
              testId="stat-teams"
              note={t('fa.st.villagesWithTeam', { n: d.villagesWithTeam, total: d.villages })}
            />
            <StatCard
              title={t('fa.st.cadresPerVillage')}
              value={avg(d.cadresPerVillage)}
              to={`/forces/teams?tab=stations&${r}`}
              testId="stat-cadres-per-village"
              note={t('fa.st.teamsPerVillage', { n: avg(d.teamsPerVillage) })}
            />
            <StatCard
              title={t('fa.st.young', { n: d.youngAgeMax })}
              value={shareText(d.aged45OrUnder, d.stationed)}
              to={`/forces/cadres?${r}&stationed=true&maxAge=${d.youngAgeMax}`}
              testId="stat-young-share"
              note={
                d.firstSecretaryShares &&
                t('fa.st.amongFirstSecretaries', { p: pct(d.firstSecretaryShares.aged45OrUnder.share) })
              }
            />
            <StatCard
              title={t('fa.st.bachelor')}
              value={shareText(d.bachelorOrHigher, d.stationed)}
              to={`/forces/cadres?${r}&stationed=true&bachelorOrHigher=true`}
              testId="stat-bachelor-share"
              note={
                d.firstSecretaryShares &&
                t('fa.st.amongFirstSecretaries', { p: pct(d.firstSecretaryShares.bachelorOrHigher.share) })
              }
            />
            <StatCard
              title={t('fa.st.smallTeams')}
              value={num(d.smallTeams)}
              to={`/forces/teams?${r}&belowMinimum=true`}
              testId="stat-small-teams"
              danger={d.smallTeams > 0}
            />
            <StatCard
              title={t('fa.st.recalls')}
              value={num(d.recalls.total)}
              to={`/forces/teams?tab=recalls&${r}`}
              testId="stat-recalls"
              note={d.recalls.pending ? t('fa.st.pendingRecalls', { n: d.recalls.pending }) : undefined}
            />
            <StatCard
              title={t('fa.st.pairingCadres')}
              value={num(d.pairingCadres)}
              to={`/forces/pairings?${r}&kind=cadre_household`}
              testId="stat-pairing-cadres"
            />
            <StatCard
              title={t('fa.st.householdsPerCadre')}
              value={d.pairingCadres ? avg(d.pairedHouseholds / d.pairingCadres) : '—'}
              to={`/forces/pairings?${r}&kind=cadre_household`}
              testId="stat-households-per-cadre"
              note={t('fa.st.pairedHouseholds', { n: num(d.pairedHouseholds) })}
            />
            <StatCard
              title={t('fa.st.behind', { year: d.days.year })}
              value={num(d.days.behind)}
              to={`/forces/duty?${r}&behind=true`}
              testId="stat-behind"
              danger={d.days.behind > 0}
              note={t('fa.daysMinimum', { n: d.days.minimum })}
            />
            <StatCard
              title={t('fa.st.stationed')}
              value={num(d.stationed)}
              to={`/forces/cadres?${r}&stationed=true`}
              testId="stat-stationed"
            />
            <StatCard
              title={t('fa.st.higherUnits')}
              value={num(d.higherUnits)}
              to={`/forces/pairings?${r}&kind=unit_village&unitLevel=central,provincial,city`}
              testId="stat-higher-units"
              note={t('fa.st.higherUnitsNote')}
            />
            <StatCard
              title={t('fa.st.enterprises')}
              value={num(d.enterprises.partners)}
              to={`/forces/pairings?${r}&kind=enterprise_village`}
              testId="stat-enterprises"
              note={t('fa.st.enterprisesNote', { n: num(d.enterprises.villages) })}
            />
            <StatCard
              title={t('fa.st.sent', { since: d.sent.since })}
              value={num(d.sent.cadres)}
              to={`/forces/cadres?${r}&sentSince=${d.sent.since}`}
              testId="stat-sent"
              note={t('fa.st.sentTimes', { n: num(d.sent.stationings) })}
            />
          </Row>
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <Card size="small" title={t('fa.st.byChild')} data-testid="stat-by-child">
                {childOption ? (
                  <Row gutter={16}>
                    <Col xs={24} xl={14}>
                      <EChart
                        option={childOption}
                        height={320}
                        onClick={(i) => {
                          const c = d.byChild[i];
                          if (c) f.set({ region: c.code });
                        }}
                      />
                    </Col>
                    <Col xs={24} xl={10}>
                      <Table<Child>
                        rowKey="code"
                        size="small"
                        columns={childColumns}
                        dataSource={d.byChild}
                        pagination={false}
                        scroll={{ y: 300 }}
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
                    onClick={(i) => {
                      const p = d.pairs[i];
                      if (p) navigate(`/forces/pairings?${r}&kind=${p.kind}`);
                    }}
                  />
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
                )}
                <Space wrap size={[16, 4]}>
                  {d.pairs.map((p) => (
                    <span key={p.kind}>
                      {forceText('pairing_kind', p.kind, L)}：
                      <Link to={`/forces/pairings?${r}&kind=${p.kind}`} data-testid={`stat-pairs-${p.kind}`}>
                        {num(p.pairs)}
                      </Link>
                    </span>
                  ))}
                </Space>
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('fa.st.perCadre')} style={{ height: '100%' }}>
                {perCadreOption ? (
                  <EChart
                    option={perCadreOption}
                    onClick={() => navigate(`/forces/pairings?${r}&kind=cadre_household`)}
                  />
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
                  <Link to={`/forces/duty?${r}&behind=true`}>{t('fa.st.behindLink', { n: num(d.days.behind) })}</Link>
                }
                style={{ height: '100%' }}
              >
                {daysOption ? (
                  <EChart option={daysOption} onClick={() => navigate(`/forces/duty?${r}`)} />
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
        </>
      )}
    </Space>
  );
}

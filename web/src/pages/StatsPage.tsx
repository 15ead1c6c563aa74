/** /stats?region=&year= — poverty incidence by child region (drill-down) and register breakdowns; every number links to its households. */
import { useEffect } from 'react';
import { Breadcrumb, Card, Col, Empty, Row, Select, Space, Spin } from 'antd';
import { useSearchParams } from 'react-router';
import { REGISTERED_STATUSES } from '@shared/register';
import { regions } from '@shared/contracts/regions';
import { stats } from '@shared/contracts/stats';
import { useCall } from '../components/common/useList';
import { useI18n } from '../i18n';
import { ApiResult } from '../components/ApiResult';
import { RegionTreeSelect } from '../components/RegionTreeSelect';
import { STATUS_CHART_COLORS, yearOptions } from '../components/households/codes';
import { householdsLink } from '../components/households/listQuery';
import { BreakdownCard } from '../components/stats/BreakdownCard';
import { IncomeCard } from '../components/stats/IncomeCard';
import { PovertyTable } from '../components/stats/PovertyTable';

export default function StatsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? '';
  const year = params.get('year') ?? '';

  const roots = useCall(regions.roots, {});
  useEffect(() => {
    const first = roots.data?.items[0];
    if (!region && first) setParams({ region: first.code }, { replace: true });
  }, [region, roots.data, setParams]);

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };

  const detail = useCall(regions.detail, region ? { params: { code: region } } : null);
  const poverty = useCall(
    stats.povertyIncidence,
    region ? { query: { region, by: 'child', year: year || undefined } } : null,
  );
  const register = useCall(stats.registerBreakdown, region ? { query: { region, year: year || undefined } } : null);

  // Breadcrumb from the user's scope root down to the region shown.
  const rootCodes = new Set((roots.data?.items ?? []).map((r) => r.code));
  const chain = detail.data ? [...detail.data.ancestors, detail.data] : [];
  const from = chain.findIndex((r) => rootCodes.has(r.code));
  const trail = from >= 0 ? chain.slice(from) : chain.slice(-1);

  const registered = (key: string) => (code: string) =>
    householdsLink({ region, [key]: code, status: REGISTERED_STATUSES });
  const note = t('stats.registeredOnly');
  const reg = register.data;

  if (roots.error) return <ApiResult error={roots.error} onRetry={roots.reload} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="stats-page">
      <Card size="small">
        <Space wrap size={16}>
          <RegionTreeSelect value={region} onChange={(c) => set({ region: c })} style={{ width: 280 }} />
          <Space>
            {t('stats.year')}
            <Select
              allowClear
              placeholder={t('stats.current')}
              style={{ width: 130 }}
              value={year ? Number(year) : undefined}
              onChange={(y?: number) => set({ year: y ? String(y) : undefined })}
              options={yearOptions()}
              data-testid="stats-year"
            />
          </Space>
          <Breadcrumb
            items={trail.map((r, i) => ({
              key: r.code,
              title:
                i < trail.length - 1 ? (
                  <a onClick={() => set({ region: r.code })}>{r.name}</a>
                ) : (
                  <span data-testid="stats-region-name">{r.name}</span>
                ),
            }))}
          />
        </Space>
      </Card>
      <Card title={t('stats.incidenceChart')} data-testid="poverty-card">
        {poverty.error ? (
          <ApiResult error={poverty.error} onRetry={poverty.reload} />
        ) : poverty.data ? (
          poverty.data.items.length ? (
            <PovertyTable data={poverty.data} loading={poverty.loading} onDrill={(code) => set({ region: code })} />
          ) : (
            <Empty description={t('stats.empty')} />
          )
        ) : (
          <Spin />
        )}
      </Card>
      {register.error ? (
        <ApiResult error={register.error} onRetry={register.reload} />
      ) : !reg ? (
        <Spin />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <BreakdownCard
              title={t('stats.byCause')}
              itemTitle={t('hh.mainCause')}
              note={note}
              list="cause"
              rows={reg.byCause}
              chart="bar"
              link={registered('cause')}
              testId="by-cause"
            />
          </Col>
          <Col xs={24} xl={12}>
            <BreakdownCard
              title={t('stats.byStatus')}
              itemTitle={t('hh.status')}
              list="household_status"
              rows={reg.byStatus}
              chart="pie"
              link={(code) => householdsLink({ region, status: code })}
              colors={STATUS_CHART_COLORS}
              testId="by-status"
            />
          </Col>
          <Col xs={24} xl={12}>
            <BreakdownCard
              title={t('stats.byAttribute')}
              itemTitle={t('hh.attribute')}
              note={note}
              list="attribute"
              rows={reg.byAttribute}
              chart="pie"
              link={registered('attribute')}
              testId="by-attribute"
            />
          </Col>
          <Col xs={24} xl={12}>
            <BreakdownCard
              title={t('stats.byHousing')}
              itemTitle={t('hh.housingGrade')}
              note={note}
              list="housing_grade"
              rows={reg.byHousingGrade}
              chart="bar"
              link={registered('housingGrade')}
              testId="by-housing"
            />
          </Col>
          <Col span={24}>
            <IncomeCard data={reg} />
          </Col>
        </Row>
      )}
    </Space>
  );
}

/**
 * /forces/stats?region= — 帮扶力量统计 (GET /api/stats/cadres): first secretaries, team cadres and teams, age and
 * education shares, pairs by kind, households per pairing cadre, recalls and days in village. Every number links to
 * the list behind it with the filter in the URL; the chart of child regions drills down.
 */
import { Breadcrumb, Card, Space, Spin } from 'antd';
import { forceStats } from '@shared/contracts/forces-stats';
import { regions } from '@shared/contracts/regions';
import { useAuth } from '../../auth';
import { ApiResult } from '../../components/ApiResult';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useCall } from '../../components/common/useList';
import { useUrlFilters } from '../../components/common/urlFilters';
import { useDefaultRegion } from '../../components/forces/CadreCommon';
import { ForceStatCards } from '../../components/forces/ForceStatCards';
import { ForceStatCharts } from '../../components/forces/ForceStatCharts';

export default function ForceStatsPage() {
  const { me } = useAuth();
  const f = useUrlFilters();
  const { region, error, reload } = useDefaultRegion();

  const stats = useCall(forceStats.cadres, region ? { query: { region } } : null);
  const detail = useCall(regions.detail, region ? { params: { code: region } } : null);
  const d = stats.data;
  const r = `region=${region}`;

  // Breadcrumb from the user's scope down to the region shown.
  const scopes = new Set(me?.roles.map((x) => x.scopeCode));
  const chain = detail.data ? [...detail.data.ancestors, detail.data] : [];
  const from = chain.findIndex((x) => scopes.has(x.code));
  const trail = from >= 0 ? chain.slice(from) : chain.slice(-1);

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
          <ForceStatCards d={d} r={r} />
          <ForceStatCharts d={d} r={r} onRegion={(code) => f.set({ region: code })} />
        </>
      )}
    </Space>
  );
}

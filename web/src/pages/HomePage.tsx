/** "/" — send the user to the region page of their first scope root (or their first allowed module). */
import { Card, Empty } from 'antd';
import { Navigate } from 'react-router';
import { api } from '../api';
import { useAuth } from '../auth';
import { FullPageSpin } from '../auth';
import { useAsync } from '../hooks';
import { useI18n } from '../i18n';
import { ApiResult } from '../components/ApiResult';
import { visibleNav } from '../layout/nav';
import type { Items, RegionSummary } from '../types';

export default function HomePage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const canRead = can('region.read');
  const { data, error, reload } = useAsync(
    canRead ? (signal) => api.get<Items<RegionSummary>>('/regions/roots', undefined, signal) : null,
    [canRead],
  );

  if (!canRead) {
    const first = visibleNav(can).find((n) => n.path !== '/');
    return first ? <Navigate to={first.path} replace /> : <Empty description={t('error.forbiddenDesc')} />;
  }
  if (error) return <ApiResult error={error} onRetry={reload} />;
  if (!data) return <FullPageSpin />;
  const first = data.items[0];
  if (!first)
    return (
      <Card>
        <Empty description={t('region.noRoots')} />
      </Card>
    );
  return <Navigate to={`/regions/${first.code}`} replace />;
}

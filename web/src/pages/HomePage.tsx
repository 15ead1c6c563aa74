/** "/" — send the user to the region page of their first scope root (or their first allowed module). */
import { Card, Empty } from 'antd';
import { Navigate } from 'react-router';
import { regions } from '@shared/contracts/regions';
import { useAuth } from '../auth';
import { FullPageSpin } from '../auth';
import { useI18n } from '../i18n';
import { ApiResult } from '../components/ApiResult';
import { useCall } from '../components/common/useList';
import { visibleNav } from '../layout/nav';

export default function HomePage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const canRead = can('region.read');
  const { data, error, reload } = useCall(regions.roots, canRead ? {} : null);

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

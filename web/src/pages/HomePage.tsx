/**
 * "/" — the workbench (工作台) of every role: my to-do and my region at a glance, for the region in ?region= (the
 * user's first scope by default; a picker switches it). A user without region.read goes to the first module the
 * menu offers.
 */
import { Card, Empty, Flex, Space, Typography } from 'antd';
import { Navigate, useSearchParams } from 'react-router';
import { workbench } from '@shared/contracts/workbench';
import { useAuth } from '../auth';
import { useI18n } from '../i18n';
import { ApiResult } from '../components/ApiResult';
import { RegionTreeSelect } from '../components/RegionTreeSelect';
import { useCall } from '../components/common/useList';
import { GlanceCard } from '../components/workbench/GlanceCard';
import { TodoCard } from '../components/workbench/TodoCard';
import { visibleNav } from '../layout/nav';

export default function HomePage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const canRead = can('region.read');
  const [params, setParams] = useSearchParams();
  const region = params.get('region') || undefined;
  const todo = useCall(workbench.todo, canRead ? { query: { region } } : null);

  if (!canRead) {
    const first = visibleNav(can).find((n) => n.path !== '/');
    return first ? <Navigate to={first.path} replace /> : <Empty description={t('error.forbiddenDesc')} />;
  }
  const shown = todo.data?.region;
  return (
    <Flex vertical gap={16} data-testid="workbench">
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="workbench-title">
            {shown ? t('wb.title', { region: shown.name }) : t('menu.workbench')}
          </Typography.Title>
          <Space>
            <span>{t('wb.region')}</span>
            <RegionTreeSelect
              value={region ?? shown?.code}
              onChange={(code?: string) => setParams(code ? { region: code } : {})}
              style={{ width: 280 }}
            />
          </Space>
        </Flex>
      </Card>
      {todo.error ? (
        <Card>
          <ApiResult error={todo.error} onRetry={todo.reload} />
        </Card>
      ) : (
        <TodoCard data={todo.data} loading={todo.loading} />
      )}
      <GlanceCard region={region} />
    </Flex>
  );
}

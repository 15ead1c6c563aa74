/**
 * /policy (policy.read) — policy parameters and the register's code lists; changed by a holder of policy.manage
 * (the system administrator), read-only for counties and inspectors. Every change is audited by the server.
 */
import { Alert, Card, Tabs } from 'antd';
import { useAuth } from '../auth';
import { useSearchParams } from 'react-router';
import { useI18n } from '../i18n';
import { CodeListsTab } from '../components/policy/CodeListsTab';
import { ParamsTab } from '../components/policy/ParamsTab';

export default function PolicyPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const manage = useAuth().can('policy.manage');
  return (
    <Card data-testid="policy-page">
      {!manage && (
        <Alert
          type="info"
          showIcon
          title={t('policy.readOnly')}
          style={{ marginBottom: 12 }}
          data-testid="policy-read-only"
        />
      )}
      <Tabs
        activeKey={params.get('tab') ?? 'params'}
        onChange={(tab) => setParams({ tab }, { replace: true })}
        items={[
          { key: 'params', label: t('policy.tabParams'), children: <ParamsTab /> },
          { key: 'codes', label: t('policy.tabCodes'), children: <CodeListsTab /> },
        ]}
      />
    </Card>
  );
}

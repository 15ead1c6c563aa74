/** /policy (policy.manage) — policy parameters and the register's code lists; every change is audited by the server. */
import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../i18n';
import { CodeListsTab } from '../components/policy/CodeListsTab';
import { ParamsTab } from '../components/policy/ParamsTab';

export default function PolicyPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  return (
    <Card data-testid="policy-page">
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

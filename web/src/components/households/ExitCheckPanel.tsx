/** 退出条件核查 — workflow.exitCheck (GET /households/:id/exit-check?year=): eligible, or the reasons in red. */
import { useState } from 'react';
import { Alert, Card, Select, Skeleton, Space, Typography } from 'antd';
import { workflow } from '@shared/contracts/workflow';
import { errorMessage, isApiError } from '../../api';
import { useCall } from '../common/useList';
import { useI18n } from '../../i18n';

export function ExitCheckPanel({ householdId, years }: { householdId: number; years: number[] }) {
  const { t } = useI18n();
  const sorted = [...years].sort((a, b) => b - a);
  const [year, setYear] = useState<number | undefined>(sorted[0]);
  const check = useCall(workflow.exitCheck, { params: { id: householdId }, query: { year } });

  let body;
  if (check.loading) body = <Skeleton active paragraph={{ rows: 2 }} />;
  else if (check.error)
    body =
      isApiError(check.error) && check.error.status === 404 ? (
        <Alert type="info" showIcon title={t('wf.checkUnavailable')} />
      ) : (
        <Alert type="warning" showIcon title={errorMessage(check.error)} />
      );
  else if (check.data?.eligible)
    body = <Alert type="success" showIcon title={t('wf.eligible')} data-testid="exit-eligible" />;
  else
    body = (
      <Alert
        type="error"
        showIcon
        title={t('wf.notEligible')}
        data-testid="exit-not-eligible"
        description={
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {(check.data?.reasons ?? []).map((r, i) => (
              <li key={i}>
                <Typography.Text type="danger">{r}</Typography.Text>
              </li>
            ))}
          </ul>
        }
      />
    );

  return (
    <Card
      size="small"
      title={t('wf.exitCheck')}
      data-testid="exit-check"
      extra={
        <Space>
          {t('wf.checkYear')}
          <Select
            size="small"
            style={{ width: 90 }}
            value={year}
            onChange={setYear}
            options={(sorted.length ? sorted : [new Date().getFullYear()]).map((y) => ({ value: y, label: y }))}
          />
        </Space>
      }
    >
      {body}
    </Card>
  );
}

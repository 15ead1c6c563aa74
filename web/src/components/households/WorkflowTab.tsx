/**
 * 识别与退出 — the timeline of recorded steps, the next steps the workflow allows (workflow.state; hidden when
 * the household cannot be found), the exit check and 返贫. Steps are recorded with the household's version.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, Row, Space, Tag, Timeline, Typography } from 'antd';
import { RollbackOutlined } from '@ant-design/icons';
import { workflow } from '@shared/contracts/workflow';
import { isApiError } from '../../api';
import { useI18n } from '../../i18n';
import type { HouseholdDetail } from '@shared/contracts/households';
import { useCall } from '../common/useList';
import { ExitCheckPanel } from './ExitCheckPanel';
import { StepModal } from './StepModal';
import {
  STEP_LABELS_BY_NAME as STEP_LABELS,
  WORKFLOW_LABELS_BY_NAME as WORKFLOW_LABELS,
  stepLabel,
} from './workflowSteps';
import type { StepRef } from './workflowSteps';

const COLORS: Record<string, string> = { identification: 'blue', exit: 'green', return: 'red' };

export function WorkflowTab({ household, onChanged }: { household: HouseholdDetail; onChanged: () => void }) {
  const { t, L } = useI18n();
  const { message } = App.useApp();
  const [step, setStep] = useState<StepRef | null>(null);
  const years = useMemo(() => household.years.map((y) => y.year), [household.years]);
  const wf = useCall(workflow.state, { params: { id: household.id } });
  const missing = isApiError(wf.error) && wf.error.status === 404;
  const events = wf.data?.events ?? household.events;
  const allowed: StepRef[] = wf.data?.allowed ?? [];
  const steps = allowed.filter((s) => s.workflow !== 'return');
  const canReturn =
    household.canEdit && household.status === 'exited' && (!wf.data || allowed.some((s) => s.workflow === 'return'));
  const showExitCheck = ['poor', 'returned'].includes(household.status) || steps.some((s) => s.workflow === 'exit');

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('wf.timeline')} data-testid="workflow-timeline">
          {events.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wf.noEvents')} />
          ) : (
            <Timeline
              items={events.map((e) => ({
                key: e.id,
                color:
                  e.step === 'rejected' || e.step === 'halted' || e.workflow === 'return' ? 'red' : COLORS[e.workflow],
                content: (
                  <Space orientation="vertical" size={0}>
                    <Space wrap>
                      <Typography.Text strong>{L(STEP_LABELS[e.step]) || e.label || e.step}</Typography.Text>
                      <Tag color={COLORS[e.workflow]}>{L(WORKFLOW_LABELS[e.workflow]) || e.workflow}</Tag>
                      <Typography.Text type="secondary">{e.date}</Typography.Text>
                      {e.actorName && <Typography.Text type="secondary">· {e.actorName}</Typography.Text>}
                    </Space>
                    {e.note && <Typography.Text>{e.note}</Typography.Text>}
                    {e.attachments.length > 0 && (
                      <Typography.Text type="secondary">
                        {t('wf.attachments', { n: e.attachments.length })}
                      </Typography.Text>
                    )}
                  </Space>
                ),
              }))}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Space orientation="vertical" style={{ width: '100%' }} size={16}>
          {missing && <Alert type="info" showIcon title={t('wf.unavailable')} data-testid="workflow-unavailable" />}
          {household.canEdit && (steps.length > 0 || canReturn) && (
            <Card size="small" title={t('wf.next')} data-testid="workflow-actions">
              <Space wrap>
                {steps.map((s) => (
                  <Button
                    key={`${s.workflow}-${s.step}`}
                    danger={s.step === 'rejected' || s.step === 'halted'}
                    type={s.step === 'rejected' || s.step === 'halted' ? 'default' : 'primary'}
                    onClick={() => setStep(s)}
                    data-testid={`step-${s.step}`}
                  >
                    {stepLabel(s, L)}
                  </Button>
                ))}
                {canReturn && (
                  <Button
                    danger
                    icon={<RollbackOutlined />}
                    onClick={() => setStep({ workflow: 'return', step: 'returned' })}
                    data-testid="household-return"
                  >
                    {t('wf.return')}
                  </Button>
                )}
              </Space>
            </Card>
          )}
          {showExitCheck && <ExitCheckPanel householdId={household.id} years={years} />}
        </Space>
      </Col>
      <StepModal
        householdId={household.id}
        version={wf.data?.version ?? household.version}
        step={step}
        years={years}
        onClose={() => setStep(null)}
        onDone={(view) => {
          setStep(null);
          wf.setData(view);
          message.success(t('wf.recorded'));
          onChanged();
        }}
        onStale={(current) => {
          wf.setData(current);
          onChanged();
        }}
      />
    </Row>
  );
}

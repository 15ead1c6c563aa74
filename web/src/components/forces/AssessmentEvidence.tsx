/** Evidence beside the assessment form: attendance, leave, absence and work logs of a cadre in a period (GET /api/cadres/:id/evidence). */
import { Alert, Card, Col, Empty, List, Row, Statistic, Typography } from 'antd';
import { assessments } from '@shared/contracts/assessments';
import { useI18n } from '../../i18n';
import { ApiResult } from '../ApiResult';
import { useCall } from '../common/useList';
import { periodText } from './DutyShared';
import { clauses, colon, paren } from '../../format';

export function AssessmentEvidence({ personId, period }: { personId?: number | null; period?: string | null }) {
  const { t } = useI18n();
  const ev = useCall(assessments.evidence, personId && period ? { params: { id: personId }, query: { period } } : null);
  const e = ev.data;
  return (
    <Card
      size="small"
      title={t('asm.evidence')}
      extra={period && <Typography.Text type="secondary">{periodText(t, period)}</Typography.Text>}
      loading={ev.loading}
      data-testid="assessment-evidence"
      style={{ height: '100%' }}
    >
      {!personId || !period ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('asm.evidenceHint')} />
      ) : ev.error ? (
        <ApiResult error={ev.error} onRetry={ev.reload} />
      ) : e ? (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {e.from} ~ {e.to}
          </Typography.Paragraph>
          <Row gutter={[12, 12]}>
            <Col span={8}>
              <Statistic title={t('att.checkInDays')} value={e.checkInDays} />
            </Col>
            <Col span={8}>
              <Statistic title={t('att.approvedLeaveDays')} value={e.approvedLeaveDays} />
            </Col>
            <Col span={8}>
              <Statistic
                title={t('att.unapprovedAwayDays')}
                value={e.unapprovedAwayDays}
                styles={{ content: { color: e.unapprovedAwayDays > 0 ? '#cf1322' : undefined } }}
              />
            </Col>
            <Col span={8}>
              <Statistic title={t('asm.leaves')} value={e.leaves} />
            </Col>
            <Col span={8}>
              <Statistic title={t('asm.logs')} value={e.logs} />
            </Col>
          </Row>
          {e.unapprovedAwayDays > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ margin: '12px 0' }}
              title={t('asm.absenceWarning', { days: e.unapprovedAwayDays })}
            />
          )}
          {e.leaveList.length > 0 && (
            <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
              <Typography.Text type="secondary">
                {t('asm.leaveList')}
                {colon()}
              </Typography.Text>
              {clauses(
                e.leaveList.map((l) => `${l.startDate} ~ ${l.endDate}${paren(t('leave.nDays', { days: l.days }))}`),
              )}
            </Typography.Paragraph>
          )}
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('asm.recentLogs')}
          </Typography.Title>
          <List
            size="small"
            dataSource={e.recentLogs}
            locale={{ emptyText: t('asm.noLogs') }}
            style={{ maxHeight: 260, overflow: 'auto' }}
            renderItem={(l) => (
              <List.Item>
                <Typography.Text type="secondary" style={{ marginRight: 8, whiteSpace: 'nowrap' }}>
                  {l.day}
                </Typography.Text>
                <Typography.Paragraph
                  style={{ marginBottom: 0, flex: 1 }}
                  ellipsis={{ rows: 2, expandable: 'collapsible' }}
                >
                  {l.content}
                </Typography.Paragraph>
              </List.Item>
            )}
          />
        </>
      ) : null}
    </Card>
  );
}

/**
 * /forces/assessments — 考核表彰: half-year and annual assessments of stationed cadres (period and grade
 * filters, the 考核 form with its evidence) and, under ?tab=honours, the honours.
 */
import { useState } from 'react';
import { App, Button, Card, Select, Space, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { AuditOutlined } from '@ant-design/icons';
import { assessments, type Assessment, type AssessmentQuery } from '@shared/contracts/assessments';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { ApiResult } from '../../components/ApiResult';
import { ListTab, useList } from '../../components/common/useList';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { AssessmentModal } from '../../components/forces/AssessmentModal';
import {
  CadreLink,
  ForceTag,
  forceOptions,
  periodOptions,
  periodText,
  useForceQuery,
} from '../../components/forces/DutyShared';
import { HonourTab } from '../../components/forces/HonourTab';

function AssessmentList() {
  const { t, L } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const q = useForceQuery();
  const period = q.params.get('period') || undefined;
  const grade = (q.params.get('grade') || undefined) as AssessmentQuery['grade'];
  /** The assessment being corrected, or 'new'. */
  const [editing, setEditing] = useState<Assessment | 'new' | null>(null);
  const canAssess = can('force.assess');

  const list = useList(assessments.list, q.region ? { region: q.region, period, grade } : null);

  const columns: TableColumnsType<Assessment> = [
    { key: 'person', title: t('fb.cadre'), render: (_, r) => <CadreLink id={r.personId} name={r.personName} /> },
    {
      key: 'role',
      title: t('fb.role'),
      dataIndex: 'role',
      render: (v: string | null) => <ForceTag list="station_role" code={v} />,
    },
    { key: 'village', title: t('fb.village'), dataIndex: 'regionName' },
    {
      key: 'kind',
      title: t('asm.kind'),
      dataIndex: 'kind',
      render: (v: string) => <ForceTag list="assessment_kind" code={v} />,
    },
    { key: 'period', title: t('asm.period'), dataIndex: 'period', render: (v: string) => periodText(t, v) },
    {
      key: 'grade',
      title: t('asm.grade'),
      dataIndex: 'grade',
      render: (v: string) => <ForceTag list="assessment_grade" code={v} />,
    },
    { key: 'score', title: t('asm.score'), dataIndex: 'score', align: 'right', render: (v: number | null) => v ?? '—' },
    {
      key: 'comments',
      title: t('asm.comments'),
      dataIndex: 'comments',
      width: 280,
      render: (v: string | null) =>
        v ? (
          <Typography.Paragraph style={{ marginBottom: 0 }} ellipsis={{ rows: 2, tooltip: v }}>
            {v}
          </Typography.Paragraph>
        ) : (
          '—'
        ),
    },
    { key: 'by', title: t('asm.assessedBy'), dataIndex: 'assessedBy', render: (v: string | null) => v ?? '—' },
  ];
  if (canAssess)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, r) => <Typography.Link onClick={() => setEditing(r)}>{t('asm.reassess')}</Typography.Link>,
    });

  return (
    <>
      <ListTab
        list={list}
        columns={columns}
        testId="assessment-table"
        toolbar={
          <Space wrap>
            <RegionTreeSelect value={q.region} onChange={(c) => q.update({ region: c })} style={{ width: 260 }} />
            <Select
              allowClear
              style={{ width: 160 }}
              placeholder={t('asm.allPeriods')}
              value={period}
              onChange={(v?: string) => q.update({ period: v })}
              options={periodOptions(t)}
              data-testid="asm-period-filter"
            />
            <Select
              allowClear
              style={{ width: 140 }}
              placeholder={t('asm.allGrades')}
              value={grade}
              onChange={(v?: string) => q.update({ grade: v })}
              options={forceOptions('assessment_grade', L)}
            />
          </Space>
        }
        actions={
          canAssess && (
            <Button type="primary" icon={<AuditOutlined />} onClick={() => setEditing('new')} data-testid="asm-new">
              {t('asm.new')}
            </Button>
          )
        }
      />
      <AssessmentModal
        open={editing !== null}
        region={q.region}
        initial={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          message.success(t('common.saved'));
          list.reload();
        }}
      />
    </>
  );
}

export default function AssessmentsPage() {
  const { t } = useI18n();
  const q = useForceQuery();
  const tab = q.params.get('tab') === 'honours' ? 'honours' : 'assessments';
  if (q.rootsError) return <ApiResult error={q.rootsError} onRetry={q.reloadRoots} />;
  return (
    <Card data-testid="assessments-page">
      <Tabs
        activeKey={tab}
        onChange={(k) => q.reset({ tab: k === 'honours' ? k : undefined, region: q.region })}
        destroyOnHidden
        items={[
          { key: 'assessments', label: t('asm.tab'), children: <AssessmentList /> },
          { key: 'honours', label: t('hon.tab'), children: <HonourTab /> },
        ]}
      />
    </Card>
  );
}

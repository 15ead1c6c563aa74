/**
 * /forces/assessments — 考核表彰: half-year and annual assessments of stationed cadres (period and grade
 * filters, the 考核 form with its evidence) and, under ?tab=honours, the honours.
 */
import { useState } from 'react';
import { App, Button, Card, Flex, Select, Space, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { AuditOutlined } from '@ant-design/icons';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { useAsync } from '../../hooks';
import { useI18n } from '../../i18n';
import { ApiResult } from '../../components/ApiResult';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { AssessmentModal } from '../../components/forces/AssessmentModal';
import {
  CadreLink,
  ForceTag,
  forceOptions,
  periodOptions,
  periodText,
  urlPagination,
  useForceQuery,
} from '../../components/forces/DutyShared';
import type { AssessmentRow } from '../../components/forces/DutyTypes';
import { HonourTab } from '../../components/forces/HonourTab';
import type { Page } from '../../types';

function AssessmentList() {
  const { t, L } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const q = useForceQuery();
  const period = q.params.get('period') ?? '';
  const grade = q.params.get('grade') ?? '';
  const [editing, setEditing] = useState<Partial<AssessmentRow> | null>(null);
  const canAssess = can('force.assess');

  const list = useAsync(
    q.region
      ? (s) =>
          api.get<Page<AssessmentRow>>(
            '/assessments',
            { region: q.region, period, grade, page: q.page, pageSize: q.pageSize },
            s,
          )
      : null,
    [q.region, period, grade, q.page, q.pageSize],
  );

  const columns: TableColumnsType<AssessmentRow> = [
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
      <Flex justify="space-between" wrap gap={12} style={{ marginBottom: 16 }}>
        <Space wrap>
          <RegionTreeSelect value={q.region} onChange={(c) => q.update({ region: c })} style={{ width: 260 }} />
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('asm.allPeriods')}
            value={period || undefined}
            onChange={(v?: string) => q.update({ period: v })}
            options={periodOptions(t)}
            data-testid="asm-period-filter"
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('asm.allGrades')}
            value={grade || undefined}
            onChange={(v?: string) => q.update({ grade: v })}
            options={forceOptions('assessment_grade', L)}
          />
        </Space>
        {canAssess && (
          <Button type="primary" icon={<AuditOutlined />} onClick={() => setEditing({})} data-testid="asm-new">
            {t('asm.new')}
          </Button>
        )}
      </Flex>
      {list.error ? (
        <ApiResult error={list.error} onRetry={list.reload} />
      ) : (
        <Table<AssessmentRow>
          rowKey="id"
          size="middle"
          data-testid="assessment-table"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={urlPagination(t, q, list.data?.total)}
        />
      )}
      <AssessmentModal
        open={editing !== null}
        region={q.region}
        initial={editing ?? undefined}
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

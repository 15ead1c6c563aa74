/** /households/:id — a household: header, members, yearly records, identification/exit workflow, assistance. */
import { useState } from 'react';
import { Button, Card, Descriptions, Space, Tabs, Tooltip, Typography } from 'antd';
import { EditOutlined, EyeOutlined, FileWordOutlined } from '@ant-design/icons';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { households } from '@shared/contracts/households';
import { call } from '../api';
import { FullPageSpin } from '../auth';
import { download } from '../download';
import { useErrorToast } from '../hooks';
import { useI18n } from '../i18n';
import { ApiResult, NotFound } from '../components/ApiResult';
import { StatusTag, codeLabel } from '../components/households/codes';
import { MembersTab } from '../components/households/MembersTab';
import { WorkflowTab } from '../components/households/WorkflowTab';
import { YearsTab } from '../components/households/YearsTab';
import { PlanTab } from '../components/forces/PlanTab';
import { HelpHistoryTab } from '../components/forces/HelpHistoryTab';
import { useCall } from '../components/common/useList';

export default function HouseholdDetailPage() {
  const { t, L } = useI18n();
  const navigate = useNavigate();
  const toast = useErrorToast();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const [phone, setPhone] = useState<string | null>(null);
  const [busy, setBusy] = useState<'card' | 'phone' | null>(null);
  const valid = !!id && /^\d+$/.test(id);
  const { data: h, error, reload } = useCall(households.detail, valid ? { params: { id: Number(id) } } : null);

  if (!valid) return <NotFound />;
  if (error) return <ApiResult error={error} onRetry={reload} />;
  if (!h) return <FullPageSpin />;

  const run = async (what: 'card' | 'phone') => {
    setBusy(what);
    try {
      if (what === 'card')
        await download(households.card, { params: { id: h.id }, query: {} }, `明白卡-${h.code}.docx`);
      else setPhone((await call(households.reveal, { params: { id: h.id }, body: {} })).phone);
    } catch (e) {
      toast(e);
    } finally {
      setBusy(null);
    }
  };
  const causes = h.otherCauses.map((c) => codeLabel('cause', c, L)).join('、') || '—';

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="household-detail">
      <Card
        title={
          <Space wrap>
            <Typography.Text strong data-testid="household-code">
              {h.code}
            </Typography.Text>
            <span data-testid="household-head">{h.headName}</span>
            <StatusTag status={h.status} />
          </Space>
        }
        extra={
          <Space>
            <Tooltip title={h.canReveal ? t('hh.cardRevealNote') : undefined}>
              <Button icon={<FileWordOutlined />} loading={busy === 'card'} onClick={() => run('card')}>
                {t('hh.card')}
              </Button>
            </Tooltip>
            {h.canEdit && (
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => navigate(`/households/${h.id}/edit`)}
                data-testid="household-edit"
              >
                {t('common.edit')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('hh.villageGroup')}>
            {h.groupName ? `${h.villageName} / ${h.groupName}` : h.villageName}
          </Descriptions.Item>
          <Descriptions.Item label={t('hh.attribute')}>{codeLabel('attribute', h.attribute, L)}</Descriptions.Item>
          <Descriptions.Item label={t('hh.mainCause')}>{codeLabel('cause', h.mainCause, L)}</Descriptions.Item>
          <Descriptions.Item label={t('hh.otherCauses')}>{causes}</Descriptions.Item>
          <Descriptions.Item label={t('hh.housingGrade')}>
            {codeLabel('housing_grade', h.housingGrade, L)}
          </Descriptions.Item>
          <Descriptions.Item label={t('hh.persons')}>{h.persons}</Descriptions.Item>
          <Descriptions.Item label={t('hh.identifiedYear')}>{h.identifiedYear ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('hh.exitedYear')}>{h.exitedYear ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('hh.address')}>{h.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('hh.phone')}>
            <Space size={4}>
              {phone ?? h.phone ?? '—'}
              {h.canReveal && h.phone && !phone && (
                <Button
                  size="small"
                  type="link"
                  icon={<EyeOutlined />}
                  loading={busy === 'phone'}
                  onClick={() => run('phone')}
                >
                  {t('m.reveal')}
                </Button>
              )}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          activeKey={params.get('tab') ?? 'members'}
          onChange={(tab) => setParams({ tab }, { replace: true })}
          items={[
            {
              key: 'members',
              label: `${t('hh.tabMembers')} (${h.members.length})`,
              children: <MembersTab householdId={h.id} members={h.members} canReveal={h.canReveal} />,
            },
            { key: 'years', label: t('hh.tabYears'), children: <YearsTab years={h.years} /> },
            {
              key: 'workflow',
              label: t('hh.tabWorkflow'),
              children: <WorkflowTab household={h} onChanged={reload} />,
            },
            {
              key: 'plan',
              label: t('plan.tab'),
              children: <PlanTab householdId={h.id} regionCode={h.regionCode} />,
            },
            {
              key: 'history',
              label: t('hist.tab'),
              children: <HelpHistoryTab householdId={h.id} />,
            },
          ]}
        />
      </Card>
    </Space>
  );
}

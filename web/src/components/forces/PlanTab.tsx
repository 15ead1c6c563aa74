/**
 * 帮扶计划（一户一策）on the household page: the responsible cadre(s) with unit and phone, the measure types
 * its causes suggest, and its measures with add / edit (GET /api/households/:id/plan, POST/PATCH /api/measures; an edit shows the conflict dialog when someone saved first).
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Space, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { pairings, type MeasureView } from '@shared/contracts/pairings';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { ApiResult } from '../ApiResult';
import { useCall } from '../common/useList';
import { CadreLink, forceText } from './DutyShared';
import { measureColumns } from './MeasureColumns';
import { MeasureFormModal } from './MeasureFormModal';
import { PairingFormModal } from './PairingFormModal';
import { DataTable } from '../common/DataTable';
import { colon } from '../../format';

interface Props {
  householdId: number;
  /** The household's village (for the pairing form). */
  regionCode?: string;
}

export function PlanTab({ householdId, regionCode }: Props) {
  const i18n = useI18n();
  const { t, L } = i18n;
  const { can } = useAuth();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ measure?: MeasureView; type?: string } | null>(null);
  const [assigning, setAssigning] = useState(false);
  const plan = useCall(pairings.plan, { params: { id: householdId } });
  const canWrite = can('force.write');

  if (plan.error) return <ApiResult error={plan.error} onRetry={plan.reload} />;
  const p = plan.data;
  if (!p) return <Card loading />;

  const covered = new Set(p.measures.filter((m) => m.status !== 'cancelled').map((m) => m.type));
  const columns: TableColumnsType<MeasureView> = measureColumns(i18n);
  if (canWrite)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, m) => (
        <Typography.Link onClick={() => setEditing({ measure: m })}>{t('common.edit')}</Typography.Link>
      ),
    });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="plan-tab">
      <Card
        size="small"
        title={t('plan.responsible')}
        extra={
          canWrite && (
            <Button size="small" icon={<UserAddOutlined />} onClick={() => setAssigning(true)}>
              {p.responsible.length ? t('plan.addResponsible') : t('pair.assign')}
            </Button>
          )
        }
      >
        {p.responsible.length === 0 ? (
          <Alert type="warning" showIcon title={t('plan.noResponsible')} data-testid="plan-no-responsible" />
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {p.responsible.map((r) => (
              <Descriptions key={r.pairingId} size="small" column={{ xs: 1, sm: 3 }} data-testid="plan-responsible">
                <Descriptions.Item label={t('plan.cadre')}>
                  <CadreLink id={r.id} name={r.name} />
                </Descriptions.Item>
                <Descriptions.Item label={t('plan.unit')}>{r.unit?.name ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('plan.phone')}>{r.phone ?? '—'}</Descriptions.Item>
              </Descriptions>
            ))}
          </Space>
        )}
      </Card>
      <Card
        size="small"
        title={t('plan.measures')}
        extra={
          canWrite && (
            <Button
              type="primary"
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setEditing({})}
              data-testid="measure-new"
            >
              {t('msr.new')}
            </Button>
          )
        }
      >
        <Space wrap style={{ marginBottom: 12 }} data-testid="plan-suggested">
          <Typography.Text type="secondary">
            {t('plan.suggested')}
            {colon()}
          </Typography.Text>
          {p.suggestedTypes.length === 0 && (
            <Typography.Text type="secondary">{t('plan.noSuggestion')}</Typography.Text>
          )}
          {p.suggestedTypes.map((ty) => (
            <Tooltip key={ty} title={covered.has(ty) ? t('plan.covered') : canWrite ? t('plan.addThis') : undefined}>
              <Tag
                color={covered.has(ty) ? 'green' : 'orange'}
                icon={covered.has(ty) ? <CheckOutlined /> : undefined}
                style={{ cursor: canWrite && !covered.has(ty) ? 'pointer' : undefined }}
                onClick={() => canWrite && !covered.has(ty) && setEditing({ type: ty })}
              >
                {forceText('measure_type', ty, L)}
              </Tag>
            </Tooltip>
          ))}
        </Space>
        <DataTable<MeasureView>
          rowKey="id"
          size="small"
          data-testid="plan-measures"
          loading={plan.loading}
          columns={columns}
          dataSource={p.measures}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.noMeasures')} /> }}
        />
      </Card>
      <MeasureFormModal
        open={editing !== null}
        householdId={householdId}
        measure={editing?.measure}
        defaults={{ type: editing?.type, person: p.responsible[0] ?? null }}
        suggestedTypes={p.suggestedTypes}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          message.success(t('common.saved'));
          plan.reload();
        }}
      />
      <PairingFormModal
        open={assigning}
        region={regionCode}
        prefill={{
          kind: 'cadre_household',
          household: { id: p.household.id, code: p.household.code, headName: p.household.headName },
          regionCode,
        }}
        onClose={() => setAssigning(false)}
        onSaved={() => {
          setAssigning(false);
          message.success(t('pair.created'));
          plan.reload();
        }}
      />
    </Space>
  );
}

/**
 * /forces/measures?region=&type=&status= — 帮扶措施: the measures of households in a region with type and
 * status filters (GET /api/measures), a count per type (each links to its list), links to the household plan.
 */
import { Card, Col, Row, Select, Space, Statistic } from 'antd';
import { measures } from '@shared/contracts/pairings';
import { FIVE_BATCHES, MEASURE_TYPES, type MeasureStatus, type MeasureType } from '@shared/forces';
import { call } from '../../api';
import { useAsync } from '../../hooks';
import { useI18n } from '../../i18n';
import { ApiResult } from '../../components/ApiResult';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { ListTab, useList } from '../../components/common/useList';
import { forceOptions, useForceQuery } from '../../components/forces/DutyShared';
import { measureColumns } from '../../components/forces/MeasureColumns';

const FIVE = new Set<string>(FIVE_BATCHES);

export default function MeasuresPage() {
  const i18n = useI18n();
  const { t, L } = i18n;
  const q = useForceQuery();
  const type = (q.params.get('type') || undefined) as MeasureType | undefined;
  const status = (q.params.get('status') || undefined) as MeasureStatus | undefined;
  const householdId = q.params.get('householdId') || undefined;

  const list = useList(measures.list, q.region ? { region: q.region, type, status, householdId } : null);
  // A count per type: the list's total with pageSize 1 (no summary endpoint in the contract).
  const byType = useAsync(
    q.region
      ? (signal) =>
          Promise.all(
            MEASURE_TYPES.map((m) =>
              call(
                measures.list,
                { query: { region: q.region, type: m.code, status, householdId, pageSize: 1 } },
                { signal },
              ).then((r) => ({ type: m.code, count: r.total })),
            ),
          )
      : null,
    [q.region, status, householdId],
  );

  if (q.rootsError) return <ApiResult error={q.rootsError} onRetry={q.reloadRoots} />;
  const totalAll = (byType.data ?? []).reduce((n, r) => n + r.count, 0);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="measures-page">
      <Card size="small" title={t('msr.byType')} loading={byType.loading && !byType.data}>
        {byType.error ? (
          <ApiResult error={byType.error} onRetry={byType.reload} />
        ) : (
          <Row gutter={[12, 12]} data-testid="measure-summary">
            <Col xs={12} md={6} xl={4}>
              <Card
                size="small"
                hoverable
                onClick={() => q.update({ type: undefined })}
                style={!type ? { borderColor: '#1677ff' } : undefined}
              >
                <Statistic title={t('msr.allTypes')} value={totalAll} />
              </Card>
            </Col>
            {(byType.data ?? []).map((r) => (
              <Col key={r.type} xs={12} md={6} xl={4}>
                <Card
                  size="small"
                  hoverable
                  onClick={() => q.update({ type: r.type })}
                  style={type === r.type ? { borderColor: '#1677ff' } : undefined}
                >
                  <Statistic
                    title={forceOptions('measure_type', L).find((o) => o.value === r.type)?.label}
                    value={r.count}
                    styles={{ content: { color: FIVE.has(r.type) ? '#1d39c4' : undefined } }}
                  />
                </Card>
              </Col>
            ))}
          </Row>
        )}
      </Card>
      <Card>
        <ListTab
          list={list}
          columns={measureColumns(i18n, { household: true })}
          testId="measure-table"
          toolbar={
            <Space wrap>
              <RegionTreeSelect value={q.region} onChange={(c) => q.update({ region: c })} style={{ width: 260 }} />
              <Select
                allowClear
                style={{ width: 200 }}
                placeholder={t('msr.allTypes')}
                value={type}
                onChange={(v?: string) => q.update({ type: v })}
                options={forceOptions('measure_type', L)}
                data-testid="measure-type-filter"
              />
              <Select
                allowClear
                style={{ width: 140 }}
                placeholder={t('fb.allStatuses')}
                value={status}
                onChange={(v?: string) => q.update({ status: v })}
                options={forceOptions('measure_status', L)}
              />
            </Space>
          }
        />
      </Card>
    </Space>
  );
}

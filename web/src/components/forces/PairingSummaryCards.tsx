/** The numbers of 结对帮扶 for the region (GET /api/pairings/summary): pairs per kind, the gaps, households per cadre. */
import { Card, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import type { PairingSummary } from '@shared/contracts/pairings';
import { PAIRING_KINDS, type PairingKind } from '@shared/forces';
import type { AsyncState } from '../../hooks';
import { useI18n } from '../../i18n';
import { ApiResult } from '../ApiResult';
import { forceText } from './DutyShared';

export function PairingSummaryCards({
  sum,
  onKind,
  onGaps,
}: {
  sum: AsyncState<PairingSummary>;
  onKind: (k: PairingKind) => void;
  onGaps: () => void;
}) {
  const { t, L } = useI18n();
  if (sum.error) return <ApiResult error={sum.error} onRetry={sum.reload} />;
  const d = sum.data;
  const pairs = (k: string) => d?.byKind.find((x) => x.kind === k)?.pairs ?? 0;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="pairing-summary">
      {PAIRING_KINDS.map(({ code: k }) => (
        <Col key={k} xs={12} md={8} xl={4}>
          <Card size="small" hoverable loading={!d} onClick={() => onKind(k)}>
            <Statistic title={forceText('pairing_kind', k, L)} value={pairs(k)} suffix={t('pair.pairsUnit')} />
          </Card>
        </Col>
      ))}
      <Col xs={12} md={8} xl={4}>
        <Card size="small" hoverable loading={!d} onClick={onGaps} data-testid="pairing-gaps-card">
          <Statistic
            title={t('pair.gaps')}
            value={d?.gaps ?? 0}
            suffix={t('pair.householdsUnit')}
            styles={{ content: { color: d && d.gaps > 0 ? '#cf1322' : '#389e0d' } }}
          />
        </Card>
      </Col>
      {d && (
        <Col span={24}>
          <Space wrap size={[16, 4]}>
            <Typography.Text>
              {t('pair.cadreHouseholdLine', { cadres: d.cadres, households: d.households })}
            </Typography.Text>
            {d.householdsPerCadre.length > 0 && (
              <Typography.Text type="secondary">{t('pair.perCadre')}</Typography.Text>
            )}
            {d.householdsPerCadre.map((r) => (
              <Tag key={r.households}>{t('pair.perCadreItem', { households: r.households, cadres: r.cadres })}</Tag>
            ))}
          </Space>
        </Col>
      )}
    </Row>
  );
}

/**
 * Help forces on the region page. A village: its five ones (names, missing in red) and its pairing gaps (registered
 * poor households without a responsible cadre). A county or township: villages with five-ones gaps and pairing gaps,
 * each linking to its list. Other levels: nothing.
 */
import { Card, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { forceStats } from '@shared/contracts/forces-stats';
import { pairings } from '@shared/contracts/pairings';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import type { RegionDetail } from '@shared/contracts/regions';
import { useCall } from '../common/useList';
import { FiveOnesDescriptions } from './FiveOnesParts';
import { count } from '../../format';

function Count({
  value,
  to,
  testId,
  error,
}: {
  value: number | undefined;
  to: string;
  testId: string;
  error: unknown;
}) {
  const { t } = useI18n();
  if (error) return <Typography.Text type="secondary">{t('error.loadFailed')}</Typography.Text>;
  if (value === undefined) return <Typography.Text type="secondary">…</Typography.Text>;
  return (
    <Link to={to} data-testid={testId} style={value > 0 ? { color: '#cf1322' } : undefined}>
      {count(value)}
    </Link>
  );
}

function usePairingGaps(code: string) {
  return useCall(pairings.gaps, { query: { region: code, pageSize: 1 } });
}

function VillageCard({ code }: { code: string }) {
  const { t } = useI18n();
  const five = useCall(forceStats.village, { params: { code } });
  const gaps = usePairingGaps(code);
  const v = five.data;
  return (
    <Card
      size="small"
      title={
        <Space>
          {t('fa.villageForces')}
          {v &&
            (v.complete ? (
              <Tag color="green">{t('fa.complete')}</Tag>
            ) : (
              <Tag color="red">{t('fa.gapsN', { n: v.missing.length })}</Tag>
            ))}
        </Space>
      }
      extra={<Link to={`/forces/teams?region=${code}`}>{t('fa.openTeams')}</Link>}
      data-testid="village-forces"
      loading={five.loading && !v}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          {five.error ? (
            <Typography.Text type="secondary">{t('error.loadFailed')}</Typography.Text>
          ) : (
            v && <FiveOnesDescriptions data={v} />
          )}
        </Col>
        <Col xs={24} lg={8}>
          <Statistic
            title={t('fa.pairingGaps')}
            valueRender={() => (
              <Count
                value={gaps.data?.total}
                error={gaps.error}
                to={`/forces/pairings?tab=gaps&region=${code}`}
                testId="village-pairing-gaps"
              />
            )}
          />
          <Typography.Text type="secondary">{t('fa.pairingGapsHint')}</Typography.Text>
        </Col>
      </Row>
    </Card>
  );
}

function AreaCard({ code }: { code: string }) {
  const { t } = useI18n();
  const five = useCall(forceStats.list, { query: { region: code, missing: 'true', pageSize: 1 } });
  const gaps = usePairingGaps(code);
  return (
    <Card
      size="small"
      title={t('fa.areaForces')}
      extra={<Link to={`/forces/stats?region=${code}`}>{t('fa.openStats')}</Link>}
      data-testid="area-forces"
    >
      <Row gutter={[16, 16]}>
        <Col xs={12} md={8}>
          <Statistic
            title={t('fa.fiveOnesGapVillages')}
            valueRender={() => (
              <Count
                value={five.data?.total}
                error={five.error}
                to={`/forces/five-ones?region=${code}&missing=true`}
                testId="area-five-gaps"
              />
            )}
            suffix={five.data ? ` / ${count(five.data.villages)}` : undefined}
          />
        </Col>
        <Col xs={12} md={8}>
          <Statistic
            title={t('fa.pairingGaps')}
            valueRender={() => (
              <Count
                value={gaps.data?.total}
                error={gaps.error}
                to={`/forces/pairings?tab=gaps&region=${code}`}
                testId="area-pairing-gaps"
              />
            )}
          />
        </Col>
      </Row>
    </Card>
  );
}

export function VillageForcesCard({ region }: { region: Pick<RegionDetail, 'code' | 'level'> }) {
  const { can } = useAuth();
  if (!can('force.read')) return null;
  if (region.level === 'village') return <VillageCard code={region.code} />;
  if (region.level === 'county' || region.level === 'township') return <AreaCard code={region.code} />;
  return null;
}

/**
 * The figures of 帮扶力量统计 as cards (GET /api/stats/cadres): each number links to the list behind it with the
 * filter in the URL (`r` is the region's query, `region=…`).
 */
import type { ReactNode } from 'react';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import type { CadreStats } from '@shared/contracts/forces-stats';
import { useI18n } from '../../i18n';
import { useFormat } from '../../useFormat';
import { STATIONED_ROLES, TEAM_CADRE_ROLES } from '@shared/forces';

function StatCard({
  title,
  to,
  value,
  testId,
  danger,
  note,
  unit,
}: {
  title: string;
  to: string;
  value: ReactNode;
  testId: string;
  danger?: boolean;
  note?: ReactNode;
  /** 人 / 户 / 对 after the figure (Chinese only: an English title names what is counted). */
  unit?: string;
}) {
  return (
    <Col xs={12} md={8} xl={6} xxl={4}>
      <Card size="small" style={{ height: '100%' }}>
        <Statistic
          title={title}
          valueRender={() => (
            <Link to={to} data-testid={testId} style={danger ? { color: '#cf1322' } : undefined}>
              {value}
            </Link>
          )}
          suffix={unit ? <span style={{ fontSize: 14 }}>{unit}</span> : undefined}
        />
        {note && <Typography.Text type="secondary">{note}</Typography.Text>}
      </Card>
    </Col>
  );
}

export function ForceStatCards({ d, r }: { d: CadreStats; r: string }) {
  const { t } = useI18n();
  const { count: num, decimal: avg, shareOf: shareText, percent: pct, unitSuffix } = useFormat();
  const persons = unitSuffix('person');
  return (
    <Row gutter={[12, 12]} data-testid="force-stat-cards">
      <StatCard
        title={t('fa.st.firstSecretaries')}
        value={num(d.firstSecretaries)}
        to={`/forces/cadres?${r}&role=first_secretary`}
        testId="stat-first-secretaries"
        unit={persons}
      />
      <StatCard
        title={t('fa.st.teamCadres')}
        value={num(d.teamCadres)}
        to={`/forces/teams?tab=stations&${r}&role=${TEAM_CADRE_ROLES.join(',')}`}
        testId="stat-team-cadres"
        unit={persons}
        note={t('fa.st.teamCadresNote')}
      />
      <StatCard
        title={t('fa.st.teams')}
        value={num(d.teams)}
        to={`/forces/teams?${r}`}
        testId="stat-teams"
        note={t('fa.st.villagesWithTeam', { n: d.villagesWithTeam, total: d.villages })}
      />
      <StatCard
        title={t('fa.st.cadresPerVillage')}
        value={avg(d.cadresPerVillage)}
        to={`/forces/teams?tab=stations&${r}&role=${STATIONED_ROLES.join(',')}`}
        testId="stat-cadres-per-village"
        note={t('fa.st.teamsPerVillage', { n: avg(d.teamsPerVillage) })}
      />
      <StatCard
        title={t('fa.st.young', { n: d.youngAgeMax })}
        value={shareText(d.aged45OrUnder, d.stationed)}
        to={`/forces/cadres?${r}&stationed=true&maxAge=${d.youngAgeMax}`}
        testId="stat-young-share"
        note={
          d.firstSecretaryShares &&
          t('fa.st.amongFirstSecretaries', { p: pct(d.firstSecretaryShares.aged45OrUnder.share) })
        }
      />
      <StatCard
        title={t('fa.st.bachelor')}
        value={shareText(d.bachelorOrHigher, d.stationed)}
        to={`/forces/cadres?${r}&stationed=true&bachelorOrHigher=true`}
        testId="stat-bachelor-share"
        note={
          d.firstSecretaryShares &&
          t('fa.st.amongFirstSecretaries', { p: pct(d.firstSecretaryShares.bachelorOrHigher.share) })
        }
      />
      <StatCard
        title={t('fa.st.smallTeams')}
        value={num(d.smallTeams)}
        to={`/forces/teams?${r}&belowMinimum=true`}
        testId="stat-small-teams"
        danger={d.smallTeams > 0}
      />
      <StatCard
        title={t('fa.st.recalls')}
        value={num(d.recalls.total)}
        to={`/forces/teams?tab=recalls&${r}`}
        testId="stat-recalls"
        note={d.recalls.pending ? t('fa.st.pendingRecalls', { n: d.recalls.pending }) : undefined}
      />
      <StatCard
        title={t('fa.st.pairingCadres')}
        value={num(d.pairingCadres)}
        to={`/forces/pairings?${r}&kind=cadre_household`}
        testId="stat-pairing-cadres"
        unit={persons}
      />
      <StatCard
        title={t('fa.st.householdsPerCadre')}
        value={d.pairingCadres ? avg(d.pairedHouseholds / d.pairingCadres) : '—'}
        to={`/forces/pairings?${r}&kind=cadre_household`}
        testId="stat-households-per-cadre"
        note={t('fa.st.pairedHouseholds', { n: num(d.pairedHouseholds) })}
      />
      <StatCard
        title={t('fa.st.behind', { year: d.days.year })}
        value={num(d.days.behind)}
        to={`/forces/duty?tab=days&${r}&behind=true`}
        testId="stat-behind"
        unit={persons}
        danger={d.days.behind > 0}
        note={t('fa.daysMinimum', { n: d.days.minimum })}
      />
      <StatCard
        title={t('fa.st.stationed')}
        value={num(d.stationed)}
        to={`/forces/cadres?${r}&stationed=true`}
        testId="stat-stationed"
        unit={persons}
      />
      <StatCard
        title={t('fa.st.higherUnits')}
        value={num(d.higherUnits)}
        to={`/forces/pairings?${r}&kind=unit_village&unitLevel=central,provincial,city`}
        testId="stat-higher-units"
        note={t('fa.st.higherUnitsNote')}
      />
      <StatCard
        title={t('fa.st.enterprises')}
        value={num(d.enterprises.partners)}
        to={`/forces/pairings?${r}&kind=enterprise_village`}
        testId="stat-enterprises"
        note={t('fa.st.enterprisesNote', { n: num(d.enterprises.villages) })}
      />
      <StatCard
        title={t('fa.st.sent', { since: d.sent.since })}
        value={num(d.sent.cadres)}
        to={`/forces/cadres?${r}&sentSince=${d.sent.since}`}
        testId="stat-sent"
        unit={persons}
        note={t('fa.st.sentTimes', { n: num(d.sent.stationings) })}
      />
    </Row>
  );
}

/**
 * /forces/teams?tab=teams|stations|recalls&region=&belowMinimum=&role=&status= — 驻村工作队: work teams (flagged below
 * the minimum size), stationing (first secretaries, team members, instructors, linked leaders) and recalls.
 */
import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n';
import { ApiResult } from '../../components/ApiResult';
import { useDefaultRegion } from '../../components/forces/CadreCommon';
import { RecallTab } from '../../components/forces/RecallTab';
import { StationTab } from '../../components/forces/StationTab';
import { TeamTab } from '../../components/forces/TeamTab';

export default function TeamsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const { region, error, reload } = useDefaultRegion();
  const tab = params.get('tab') ?? 'teams';

  if (error) return <ApiResult error={error} onRetry={reload} />;
  return (
    <Card data-testid="teams-page">
      <Tabs
        activeKey={tab}
        onChange={(next) => {
          // Each tab has its own filters: keep only the region.
          const keep = new URLSearchParams();
          if (region) keep.set('region', region);
          if (next !== 'teams') keep.set('tab', next);
          setParams(keep);
        }}
        destroyOnHidden
        items={[
          { key: 'teams', label: t('fa.tabTeams'), children: <TeamTab region={region} /> },
          { key: 'stations', label: t('fa.tabStations'), children: <StationTab region={region} /> },
          { key: 'recalls', label: t('fa.tabRecalls'), children: <RecallTab region={region} /> },
        ]}
      />
    </Card>
  );
}

/**
 * /forces/pairings?kind=&tab=gaps&region= — 结对帮扶: summary numbers, one tab per pairing kind
 * (GET /api/pairings?kind=), and 缺帮扶责任人 (registered poor households without a responsible cadre,
 * GET /api/pairings/gaps) with 指定帮扶责任人. Create, edit and end pairings. ?personId= / ?householdId= narrow the list.
 */
import { useState } from 'react';
import { App, Card, Space, Tabs, Typography } from 'antd';
import { pairings } from '@shared/contracts/pairings';
import { PAIRING_KINDS, type PairingKind } from '@shared/forces';
import { useI18n } from '../../i18n';
import { ApiResult } from '../../components/ApiResult';
import { useCall } from '../../components/common/useList';
import { forceText, useForceQuery } from '../../components/forces/DutyShared';
import { PairingFormModal } from '../../components/forces/PairingFormModal';
import type { PairingPrefill } from '../../components/forces/PairingFormModal';
import { PairingGapList } from '../../components/forces/PairingGapList';
import { PairingList, useReloadOn } from '../../components/forces/PairingList';
import { PairingSummaryCards } from '../../components/forces/PairingSummaryCards';

const KINDS = PAIRING_KINDS.map((k) => k.code);

export default function PairingsPage() {
  const { t, L } = useI18n();
  const { message } = App.useApp();
  const q = useForceQuery();
  const askedKind = q.params.get('kind') as PairingKind | null;
  const kind: PairingKind = askedKind && KINDS.includes(askedKind) ? askedKind : 'cadre_household';
  const tab = q.params.get('tab') === 'gaps' ? 'gaps' : kind;
  const [creating, setCreating] = useState<PairingPrefill | null>(null);
  // Moves on after every change on the page, so that the summary and the lists read again.
  const [tick, setTick] = useState(0);
  const changed = () => setTick((n) => n + 1);
  const summary = useCall(pairings.summary, q.region ? { query: { region: q.region } } : null);
  useReloadOn(tick, summary.reload);
  const gaps = summary.data?.gaps ?? 0;

  if (q.rootsError) return <ApiResult error={q.rootsError} onRetry={q.reloadRoots} />;
  const openKind = (k: PairingKind) => q.reset({ kind: k === 'cadre_household' ? undefined : k, region: q.region });
  const openGaps = () => q.reset({ tab: 'gaps', region: q.region });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="pairings-page">
      <Card size="small">
        <PairingSummaryCards sum={summary} onKind={openKind} onGaps={openGaps} />
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => (k === 'gaps' ? openGaps() : openKind(k as PairingKind))}
          destroyOnHidden
          items={[
            ...KINDS.map((k) => ({
              key: k,
              label: forceText('pairing_kind', k, L),
              children: (
                <PairingList kind={k} tick={tick} onChanged={changed} onCreate={() => setCreating({ kind: k })} />
              ),
            })),
            {
              key: 'gaps',
              label:
                gaps > 0 ? (
                  <Typography.Text type="danger" data-testid="gaps-tab">
                    {t('pair.gapsTab')} ({gaps})
                  </Typography.Text>
                ) : (
                  <span data-testid="gaps-tab">{t('pair.gapsTab')}</span>
                ),
              children: (
                <PairingGapList
                  tick={tick}
                  onAssign={(g) =>
                    setCreating({
                      kind: 'cadre_household',
                      household: { id: g.id, code: g.code, headName: g.headName, regionCode: g.regionCode },
                      regionCode: g.regionCode,
                    })
                  }
                />
              ),
            },
          ]}
        />
      </Card>
      <PairingFormModal
        open={creating !== null}
        region={q.region}
        prefill={creating ?? undefined}
        onClose={() => setCreating(null)}
        onSaved={() => {
          setCreating(null);
          void message.success(t('pair.created'));
          changed();
        }}
      />
    </Space>
  );
}

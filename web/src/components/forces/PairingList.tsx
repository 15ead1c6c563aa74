/**
 * One tab of 结对帮扶: the pairings of a kind in the region (GET /api/pairings?kind=), ended ones on request,
 * narrowed by ?personId= / ?householdId= / ?unitLevel= from the URL; editing and ending a pairing (versioned).
 */
import { useEffect, useRef, useState } from 'react';
import { App, Button, Space, Switch, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { pairings, type PairingView } from '@shared/contracts/pairings';
import type { PairingKind } from '@shared/forces';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { ListTab, useList } from '../common/useList';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { forceText, useForceQuery } from './DutyShared';
import { PairingEditModal, PairingEndModal } from './PairingChangeModals';
import { pairingColumns } from './pairingColumns';
import { colon, list as listOf } from '../../format';

/** Calls `reload` when `tick` changes after the first render (a change elsewhere on the page). */
export function useReloadOn(tick: number, reload: () => void) {
  const seen = useRef(tick);
  useEffect(() => {
    if (seen.current === tick) return;
    seen.current = tick;
    reload();
  }, [tick, reload]);
}

interface Props {
  kind: PairingKind;
  onCreate: () => void;
  /** Changes when a pairing was created elsewhere on the page (the list reloads). */
  tick: number;
  /** Called after a pairing was ended or edited (the summary reloads). */
  onChanged: () => void;
}

export function PairingList({ kind, onCreate, tick, onChanged }: Props) {
  const i18n = useI18n();
  const { t, L } = i18n;
  const { can } = useAuth();
  const { message } = App.useApp();
  const q = useForceQuery();
  const all = q.params.get('active') === 'all';
  const personId = q.params.get('personId') ?? '';
  const householdId = q.params.get('householdId') ?? '';
  // Unit levels (the statistics' "units above the county" link here with central,provincial,city).
  const unitLevel = q.params.get('unitLevel') ?? '';
  const [ending, setEnding] = useState<PairingView | null>(null);
  const [editing, setEditing] = useState<PairingView | null>(null);

  const list = useList(
    pairings.list,
    q.region
      ? {
          region: q.region,
          kind,
          personId: personId || undefined,
          householdId: householdId || undefined,
          unitLevel: unitLevel || undefined,
          active: all ? 'all' : undefined,
        }
      : null,
  );
  const { reload } = list;
  useReloadOn(tick, reload);
  const changed = (text: string) => () => {
    setEnding(null);
    setEditing(null);
    void message.success(text);
    reload();
    onChanged();
  };

  const columns = pairingColumns(kind, i18n);
  if (can('force.write'))
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, p) => (
        <Space size={12}>
          <Typography.Link onClick={() => setEditing(p)} data-testid="pair-edit">
            {t('pair.edit')}
          </Typography.Link>
          {!p.endDate && (
            <Typography.Link type="danger" onClick={() => setEnding(p)} data-testid="pair-end">
              {t('pair.end')}
            </Typography.Link>
          )}
        </Space>
      ),
    });

  const items = list.data?.items ?? [];
  const personName = items.find((p) => String(p.person?.id) === personId)?.person?.name;
  const hh = items.find((p) => String(p.household?.id) === householdId)?.household;
  return (
    <>
      <ListTab
        list={list}
        columns={columns}
        testId="pairing-table"
        toolbar={
          <Space wrap>
            <RegionTreeSelect value={q.region} onChange={(c) => q.update({ region: c })} style={{ width: 260 }} />
            <Space>
              <Switch checked={all} onChange={(v) => q.update({ active: v ? 'all' : undefined })} />
              {t('pair.includeEnded')}
            </Space>
            {personId && (
              <Tag closable onClose={() => q.update({ personId: undefined })}>
                {t('fb.cadre')}
                {colon()}
                {personName ?? `#${personId}`}
              </Tag>
            )}
            {householdId && (
              <Tag closable onClose={() => q.update({ householdId: undefined })}>
                {t('pair.household')}
                {colon()}
                {hh ? `${hh.code} ${hh.headName}` : `#${householdId}`}
              </Tag>
            )}
            {unitLevel && (
              <Tag closable onClose={() => q.update({ unitLevel: undefined })} data-testid="filter-tag-unitLevel">
                {t('fa.unitLevel')}
                {colon()}
                {listOf(unitLevel.split(',').map((l) => forceText('unit_level', l, L)))}
              </Tag>
            )}
          </Space>
        }
        actions={
          can('force.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid="pair-new">
              {t('pair.new')}
            </Button>
          )
        }
      />
      <PairingEndModal pairing={ending} onClose={() => setEnding(null)} onSaved={changed(t('pair.ended'))} />
      <PairingEditModal pairing={editing} onClose={() => setEditing(null)} onSaved={changed(t('pair.edited'))} />
    </>
  );
}

/**
 * Pieces of the five ones (五个一): labels, a village's five rows with names (GET /api/villages/:code/five-ones),
 * lazily loaded names for tooltips.
 */
import { useEffect, useState } from 'react';
import { Descriptions, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { FIVE_ONES, forceStats, type FiveOne, type VillageFiveOnes } from '@shared/contracts/forces-stats';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { UnitLevelTag } from './CadreCommon';
import { colon, list } from '../../format';

type CadreRef = VillageFiveOnes['present']['first_secretary'][number];
type UnitRef = VillageFiveOnes['otherUnits'][number];

export const FIVE_ONE_KEYS: Record<FiveOne, MessageKey> = {
  county_leader: 'fa.five.county_leader',
  township_leader: 'fa.five.township_leader',
  paired_unit: 'fa.five.paired_unit',
  first_secretary: 'fa.five.first_secretary',
  instructor: 'fa.five.instructor',
};

// One request per village however many tooltips ask; dropped after a minute.
const cache = new Map<string, { at: number; promise: Promise<VillageFiveOnes> }>();
export function loadVillageFiveOnes(code: string): Promise<VillageFiveOnes> {
  const hit = cache.get(code);
  if (hit && Date.now() - hit.at < 60_000) return hit.promise;
  const promise = call(forceStats.village, { params: { code } });
  promise.catch(() => cache.delete(code));
  cache.set(code, { at: Date.now(), promise });
  return promise;
}

const isUnit = (x: CadreRef | UnitRef): x is UnitRef => 'level' in x;

/** Names of one kind, each cadre linking to its page. */
export function FiveOneNames({ items }: { items: (CadreRef | UnitRef)[] }) {
  return (
    <>
      {items.map((x) =>
        isUnit(x) ? (
          <span key={`u${x.id}`} style={{ marginRight: 8 }}>
            {x.name} <UnitLevelTag level={x.level} />
          </span>
        ) : (
          <Link key={`c${x.id}`} to={`/forces/cadres/${x.id}`} style={{ marginRight: 8 }}>
            {x.name}
          </Link>
        ),
      )}
    </>
  );
}

/** The five rows of a village: names when present, a red 缺 when missing. */
export function FiveOnesDescriptions({ data }: { data: VillageFiveOnes }) {
  const { t } = useI18n();
  return (
    <Descriptions size="small" column={1} bordered data-testid="village-five-ones">
      {FIVE_ONES.map((k) => {
        const items = data.present[k] ?? [];
        return (
          <Descriptions.Item key={k} label={t(FIVE_ONE_KEYS[k])}>
            {items.length ? (
              <FiveOneNames items={items} />
            ) : (
              <Tag color="red" data-testid="five-missing">
                {t('fa.missing')}
              </Tag>
            )}
          </Descriptions.Item>
        );
      })}
      {data.otherUnits && data.otherUnits.length > 0 && (
        <Descriptions.Item label={t('fa.otherUnits')}>
          <FiveOneNames items={data.otherUnits} />
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** Tooltip body: the names of one kind in a village, loaded when the tooltip opens. */
export function FiveOneTooltip({ code, kind }: { code: string; kind: FiveOne }) {
  const { t } = useI18n();
  const [data, setData] = useState<VillageFiveOnes | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadVillageFiveOnes(code).then(
      (d) => live && setData(d),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [code]);
  if (failed) return <span>{t('error.loadFailed')}</span>;
  if (!data) return <Spin size="small" />;
  const names = (data.present[kind] ?? []).map((x) => x.name);
  return (
    <span>
      {t(FIVE_ONE_KEYS[kind])}
      {colon()}
      {names.length ? list(names) : <Typography.Text style={{ color: '#ff7875' }}>{t('fa.missing')}</Typography.Text>}
    </span>
  );
}

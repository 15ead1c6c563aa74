/**
 * The pairings of the demo county's villages (seed 002): each village with a county-or-higher unit (结对共建:
 * its sending unit, or a county department), enterprises with villages (万企帮万村, poor villages first),
 * advanced villages with poor ones in the same township, and better-off Party members with poor ones.
 */
import type { Db } from '../../../db/index.ts';
import { nowIso } from '../../../db/index.ts';
import { personName, type Rng } from '../random.ts';
import { insertRows, INT, shuffle, workdayBetween } from './common.ts';
import type { Village } from './stations.ts';
import type { Partner, Unit } from './units.ts';

export interface VillagePairingsContext {
  villages: Village[];
  /** The villages with a work team (the enterprises' villages are drawn from them). */
  teamVillages: Village[];
  /** Each team village's sending unit. */
  unitOf: Map<string, Unit>;
  /** County departments that pair with the villages whose sending unit is a township. */
  departments: Unit[];
  enterprises: Partner[];
  /** The villages left without a paired unit (a gap of the five ones). */
  withoutUnit: Set<string>;
  counts: { enterpriseVillages: number; villagePairs: number; memberPairs: number };
}

/** Writes the village pairings; returns how many. */
export async function loadVillagePairings(db: Db, r: Rng, ctx: VillagePairingsContext): Promise<number> {
  const now = nowIso();
  const pairing = (x: {
    kind: string;
    region: string;
    unitId?: number;
    partnerId?: number;
    helperRegion?: string;
    helperName?: string;
    helpedName?: string;
    start: string;
    note?: string;
  }) => ({
    kind: x.kind,
    region_code: x.region,
    household_id: null,
    person_id: null,
    unit_id: x.unitId ?? null,
    partner_id: x.partnerId ?? null,
    helper_region_code: x.helperRegion ?? null,
    helper_name: x.helperName ?? null,
    helped_name: x.helpedName ?? null,
    start_date: x.start,
    end_date: null,
    note: x.note ?? null,
    created_at: now,
    updated_at: now,
  });
  const pairings: ReturnType<typeof pairing>[] = [];
  for (const v of ctx.villages) {
    if (ctx.withoutUnit.has(v.code)) continue;
    const sending = ctx.unitOf.get(v.code);
    const own = sending && sending.level !== 'township';
    const unit = own ? sending : r.pick(ctx.departments);
    // the sending unit has been paired since its first team (2015); another department since a later rotation
    const y = own ? 2015 : r.pick([2015, 2017, 2019, 2021, 2023, 2025]);
    const start = workdayBetween(r, `${y}-03-02`, `${y}-06-30`);
    pairings.push(
      pairing({ kind: 'unit_village', region: v.code, unitId: unit.id, start, note: '支部共建、结对帮扶' }),
    );
  }
  const enterpriseVillages = [
    ...shuffle(
      r,
      ctx.teamVillages.filter((v) => v.poor),
    ),
    ...shuffle(
      r,
      ctx.teamVillages.filter((v) => !v.poor),
    ),
  ].slice(0, ctx.counts.enterpriseVillages);
  const enterprises = shuffle(r, [...ctx.enterprises]);
  const ENTERPRISE_NOTES = [
    '产业带动，订单收购农产品',
    '吸纳脱贫劳动力就业',
    '捐资修建产业路',
    '合作共建产业基地',
    '消费帮扶',
  ];
  enterprises.forEach((e, i) => {
    const v = enterpriseVillages[i % enterpriseVillages.length];
    if (!v) return;
    pairings.push(
      pairing({
        kind: 'enterprise_village',
        region: v.code,
        partnerId: e.id,
        start: workdayBetween(r, '2025-03-03', '2025-12-31'),
        note: r.pick(ENTERPRISE_NOTES),
      }),
    );
  });
  const advanced = ctx.villages.filter((v) => !v.poor);
  const helped = shuffle(
    r,
    ctx.villages.filter((v) => v.poor),
  ).slice(0, ctx.counts.villagePairs);
  const helps = new Map<string, number>();
  for (const v of helped) {
    const near = advanced.filter((a) => a.township === v.township && (helps.get(a.code) ?? 0) < 2);
    const a = near.length ? r.pick(near) : advanced.find((x) => (helps.get(x.code) ?? 0) < 2);
    if (!a) continue;
    helps.set(a.code, (helps.get(a.code) ?? 0) + 1);
    pairings.push(
      pairing({
        kind: 'village_village',
        region: v.code,
        helperRegion: a.code,
        start: workdayBetween(r, '2025-03-03', '2025-06-30'),
        note: '先进村帮带：支部联建、产业互助、人才共育',
      }),
    );
  }
  const poorVillages = ctx.villages.filter((v) => v.poor);
  const MEMBER_NOTES = ['传授种养技术', '帮助销售农产品', '资助子女上学', '介绍务工岗位', '帮助发展庭院经济'];
  for (let i = 0; i < ctx.counts.memberPairs && poorVillages.length; i++) {
    const v = r.pick(poorVillages);
    pairings.push(
      pairing({
        kind: 'member_member',
        region: v.code,
        helperName: personName(r, r.chance(0.8) ? 'male' : 'female'),
        helpedName: personName(r, r.chance(0.7) ? 'male' : 'female'),
        start: workdayBetween(r, '2025-03-03', '2026-06-30'),
        note: r.pick(MEMBER_NOTES),
      }),
    );
  }
  await insertRows(db, 'pairing', pairings, { household_id: INT, person_id: INT, unit_id: INT, partner_id: INT });
  return pairings.length;
}

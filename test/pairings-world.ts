/**
 * The small world of the pairing tests: registered households in 董家沟村 and 龙井村, a unit, an enterprise,
 * cadres (managed in the village, stationed there, of the county, of 龙井村) and sessions of the county, the
 * village and the neighbouring county. `pairedVillage` adds the pairings of a village that is well under way.
 */
import type { Db } from '../src/core/db/index.ts';
import { saveHouseholds } from '../src/core/modules/households/write.ts';
import { todayInChina } from '../src/core/clock.ts';
import { buildCadre, buildHelpUnit, buildPairing, buildPartner, buildStation } from './factories.ts';
import { household } from './fixtures.ts';
import type { TestApp } from './harness.ts';

export const DONG = '420323104211'; // 董家沟村, 擂鼓镇
export const LEIGU_VILLAGE = '420323104200'; // 擂鼓村, same township
export const SHANGBA = '420323103202'; // 上坝村, 宝丰镇 (same county, another township)
export const LONGJING = '420323103211'; // 龙井村, 宝丰镇
export const YUNXI_VILLAGE = '420322100200'; // 下北隅村, 郧西县

export const dayBefore = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export async function count(db: Db, table: 'pairing' | 'measure' | 'audit_log') {
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Registered households by code (status per code), all with the fixture's causes: illness + lack_funds. */
export async function households(db: Db, village: string, rows: [code: string, status: string][]) {
  const ids = await saveHouseholds(
    db,
    `${village.slice(0, 6)}000000`,
    rows.map(([code, status]) => household(code, village, { status }) as never),
  );
  return Object.fromEntries(rows.map(([code]) => [code, ids.get(code)!]));
}

export async function pairingWorld(t: TestApp) {
  const h: Record<string, number> = {
    ...(await households(t.db, DONG, [
      ['DJG-01', 'poor'],
      ['DJG-02', 'poor'],
      ['DJG-03', 'poor'],
      ['DJG-04', 'poor'],
      ['DJG-05', 'poor'],
      ['DJG-06', 'poor'],
      ['DJG-07', 'poor'],
      ['DJG-08', 'returned'],
      ['DJG-09', 'exited'],
      ['DJG-10', 'non_poor'],
      ['DJG-11', 'poor'],
      ['DJG-12', 'returned'],
    ])),
    ...(await households(t.db, LONGJING, [['LJ-01', 'poor']])),
  };
  const unitId = await buildHelpUnit(t.db, { name: '竹山县财政局', level: 'county' });
  const partnerId = await buildPartner(t.db, '420323', { name: '竹山绿松石公司', kind: 'enterprise' });
  const c = {
    a: await buildCadre(t.db, DONG, { name: '王帮扶', unitId }), // managed in the village
    b: await buildCadre(t.db, '420323', { name: '李驻村' }), // county cadre stationed in 董家沟
    c: await buildCadre(t.db, '420323', { name: '赵县干' }), // county cadre, no station
    l: await buildCadre(t.db, LONGJING, { name: '孙龙井' }), // managed in 龙井村
  };
  await buildStation(t.db, c.b, DONG, 'first_secretary');
  return {
    county: await t.as('county', '420323'),
    dong: await t.as('village', DONG),
    yunxi: await t.as('county', '420322'),
    h,
    unitId,
    partnerId,
    c,
    today: todayInChina(),
  };
}
export type PairingWorld = Awaited<ReturnType<typeof pairingWorld>>;

/**
 * 董家沟村 under way: 王帮扶 helps 01–04 and 06 (05 ended yesterday), 李驻村 helps 07 and 08; two advanced
 * villages, a unit, an enterprise and a pair of members. Gaps: 05, 11 (poor) and 12 (returned); 龙井村: LJ-01.
 */
export async function pairedVillage(db: Db, w: PairingWorld) {
  const ids: Record<string, number> = {};
  const start = '2025-01-01';
  for (const code of ['DJG-01', 'DJG-02', 'DJG-03', 'DJG-04', 'DJG-05', 'DJG-06'])
    ids[code] = await buildPairing(db, {
      kind: 'cadre_household',
      region: DONG,
      householdId: w.h[code],
      personId: w.c.a,
      start,
      end: code === 'DJG-05' ? dayBefore(w.today) : null,
    });
  for (const code of ['DJG-07', 'DJG-08'])
    ids[code] = await buildPairing(db, {
      kind: 'cadre_household',
      region: DONG,
      householdId: w.h[code],
      personId: w.c.b,
      start,
    });
  for (const helperRegion of [LEIGU_VILLAGE, SHANGBA])
    await buildPairing(db, { kind: 'village_village', region: DONG, helperRegion, start });
  await buildPairing(db, { kind: 'unit_village', region: DONG, unitId: w.unitId, start });
  await buildPairing(db, { kind: 'enterprise_village', region: DONG, partnerId: w.partnerId, start });
  await buildPairing(db, { kind: 'member_member', region: DONG, start });
  return ids;
}

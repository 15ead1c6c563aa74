import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { saveHouseholds } from '../src/core/modules/households/write.ts';
import { todayInChina } from '../src/core/clock.ts';
import { nowIso, type Db } from '../src/core/db/index.ts';
import { buildCadre, buildHelpUnit, buildStation, buildUser } from './factories.ts';
import { household } from './fixtures.ts';
import { DIALECTS, testApp, type Session, type TestApp } from './harness.ts';

const DONG = '420323104211'; // 董家沟村, 擂鼓镇
const LEIGU_VILLAGE = '420323104200'; // 擂鼓村, same township
const SHANGBA = '420323103202'; // 上坝村, 宝丰镇 (same county, another township)
const LONGJING = '420323103211'; // 龙井村, 宝丰镇
const YUNXI_VILLAGE = '420322100200'; // 下北隅村, 郧西县

const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

async function count(db: Db, table: 'pairing' | 'measure' | 'audit_log') {
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Registered households by code (status per code), all with the fixture's causes: illness + lack_funds. */
async function households(db: Db, village: string, rows: [code: string, status: string][]) {
  const ids = await saveHouseholds(
    db,
    `${village.slice(0, 6)}000000`,
    rows.map(([code, status]) => household(code, village, { status }) as never),
  );
  return Object.fromEntries(rows.map(([code]) => [code, ids.get(code)!]));
}

for (const dialect of DIALECTS) {
  describe(`pairings [${dialect}]`, () => {
    let t: TestApp;
    let county: Session;
    let dong: Session;
    let yunxi: Session;
    let h: Record<string, number> = {};
    let unitId = 0;
    let partnerId = 0;
    const c: Record<string, number> = {};
    const today = todayInChina();
    const pairingIds: Record<string, number> = {};

    before(async () => {
      t = await testApp(dialect);
      await buildUser(t.db, 'county', '420323', 'cty');
      await buildUser(t.db, 'village', DONG, 'dong');
      await buildUser(t.db, 'county', '420322', 'yx');
      county = await t.login('cty');
      dong = await t.login('dong');
      yunxi = await t.login('yx');
      h = {
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
      unitId = await buildHelpUnit(t.db, { name: '竹山县财政局', level: 'county' });
      const now = nowIso();
      partnerId = (
        await t.db
          .insertInto('partner')
          .values({
            name: '竹山绿松石公司',
            kind: 'enterprise',
            region_code: '420323000000',
            contact: null,
            phone: null,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      c.a = await buildCadre(t.db, DONG, { name: '王帮扶', unitId }); // managed in the village
      c.b = await buildCadre(t.db, '420323', { name: '李驻村' }); // county cadre stationed in 董家沟
      await buildStation(t.db, c.b, DONG, 'first_secretary');
      c.c = await buildCadre(t.db, '420323', { name: '赵县干' }); // county cadre, no station
      c.l = await buildCadre(t.db, LONGJING, { name: '孙龙井' }); // managed in 龙井村
    });
    after(() => t.close());

    it('creates a pairing of each of the five kinds', async () => {
      const auditBefore = await count(t.db, 'audit_log');
      const bodies: [string, Record<string, unknown>][] = [
        ['cadre_household', { householdId: h['DJG-07'], personId: c.b }],
        ['village_village', { regionCode: DONG, helperRegionCode: LEIGU_VILLAGE }],
        ['unit_village', { regionCode: '420323104211', unitId }],
        ['enterprise_village', { regionCode: DONG, partnerId }],
        ['member_member', { regionCode: DONG, helperName: '陈富', helpedName: '刘贫' }],
      ];
      for (const [kind, body] of bodies) {
        const res = await t.call(county, 'POST', '/api/pairings', { kind, startDate: '2025-01-01', ...body });
        assert.equal(res.statusCode, 201, `${kind}: ${res.body}`);
        const p = res.json();
        assert.equal(p.kind, kind);
        assert.equal(p.regionCode, DONG);
        assert.equal(p.regionName, '董家沟村');
        assert.equal(p.active, true);
        assert.equal(p.endDate, null);
        pairingIds[kind] = p.id;
        if (kind === 'cadre_household') {
          assert.deepEqual(p.household, { id: h['DJG-07'], code: 'DJG-07', headName: '张大山' });
          assert.deepEqual(p.person, { id: c.b, name: '李驻村' });
        }
        if (kind === 'village_village') assert.deepEqual(p.helperRegion, { code: LEIGU_VILLAGE, name: '擂鼓村' });
        if (kind === 'unit_village') assert.deepEqual(p.unit, { id: unitId, name: '竹山县财政局', level: 'county' });
        if (kind === 'enterprise_village')
          assert.deepEqual(p.partner, { id: partnerId, name: '竹山绿松石公司', kind: 'enterprise' });
        if (kind === 'member_member') assert.deepEqual([p.helperName, p.helpedName, p.person], ['陈富', '刘贫', null]);
      }
      const list = (await t.call(county, 'GET', `/api/pairings?region=${DONG}`)).json();
      assert.equal(list.total, 5);
      assert.deepEqual(list.items.map((i: { kind: string }) => i.kind).sort(), [
        'cadre_household',
        'enterprise_village',
        'member_member',
        'unit_village',
        'village_village',
      ]);
      const byKind = (await t.call(county, 'GET', `/api/pairings?region=420323&kind=unit_village`)).json();
      assert.equal(byKind.total, 1);
      const byPerson = (await t.call(county, 'GET', `/api/pairings?personId=${c.b}`)).json();
      assert.deepEqual(
        byPerson.items.map((i: { id: number }) => i.id),
        [pairingIds.cadre_household],
      );
      const byHousehold = (await t.call(county, 'GET', `/api/pairings?householdId=${h['DJG-07']}`)).json();
      assert.equal(byHousehold.total, 1);
      assert.equal(await count(t.db, 'audit_log'), auditBefore + 5);
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['action', 'region_code'])
        .where('entity', '=', 'pairing')
        .execute();
      assert.deepEqual(
        audit.map((a) => [a.action, a.region_code]),
        Array(5).fill(['create', DONG]),
      );
    });

    it('refuses missing fields for the kind, naming the field, and writes nothing', async () => {
      const before = await count(t.db, 'pairing');
      const cases: [Record<string, unknown>, string][] = [
        [{ kind: 'cadre_household', householdId: h['DJG-01'] }, 'personId'],
        [{ kind: 'cadre_household', personId: c.a, regionCode: DONG }, 'householdId'],
        [{ kind: 'village_village', regionCode: DONG }, 'helperRegionCode'],
        [{ kind: 'village_village', helperRegionCode: LEIGU_VILLAGE }, 'regionCode'],
        [{ kind: 'unit_village', regionCode: DONG, partnerId }, 'unitId'],
        [{ kind: 'enterprise_village', regionCode: DONG, unitId }, 'partnerId'],
        [{ kind: 'member_member', regionCode: DONG, helperName: '陈富' }, 'helpedName'],
        [{ kind: 'member_member', regionCode: DONG, helperName: ' ', helpedName: '刘贫' }, 'helperName'],
        // wrong values, each named
        [{ kind: 'cadre_household', householdId: h['DJG-10'], personId: c.a }, 'householdId'], // not registered
        [{ kind: 'cadre_household', householdId: 999999, personId: c.a }, 'householdId'],
        [{ kind: 'cadre_household', householdId: h['DJG-01'], personId: 999999 }, 'personId'],
        [{ kind: 'cadre_household', householdId: h['DJG-01'], personId: c.a, regionCode: LONGJING }, 'regionCode'],
        [{ kind: 'unit_village', regionCode: '420323104', unitId }, 'regionCode'], // a township
        [{ kind: 'unit_village', regionCode: DONG, unitId: 999999 }, 'unitId'],
        [{ kind: 'enterprise_village', regionCode: DONG, partnerId: 999999 }, 'partnerId'],
        [{ kind: 'village_village', regionCode: DONG, helperRegionCode: DONG }, 'helperRegionCode'],
        [{ kind: 'village_village', regionCode: DONG, helperRegionCode: YUNXI_VILLAGE }, 'helperRegionCode'],
        [{ kind: 'village_village', regionCode: DONG, helperRegionCode: '420323104' }, 'helperRegionCode'],
        [{ kind: 'cadre_household', householdId: h['DJG-01'], personId: c.a, startDate: '2025-02-30' }, 'startDate'],
        [{ kind: 'twinning', regionCode: DONG }, 'kind'],
      ];
      for (const [body, path] of cases) {
        const res = await t.call(county, 'POST', '/api/pairings', { startDate: '2025-01-01', ...body });
        assert.equal(res.statusCode, 400, `${JSON.stringify(body)}: ${res.body}`);
        const err = res.json().error;
        assert.equal(err.code, 'VALIDATION');
        assert.deepEqual(
          err.details.map((d: { path: string }) => d.path),
          [path],
          JSON.stringify(body),
        );
        assert.ok(err.details[0].message.length > 0);
      }
      const en = await t.call(
        county,
        'POST',
        '/api/pairings',
        { kind: 'unit_village', regionCode: DONG, startDate: '2025-01-01' },
        { 'accept-language': 'en' },
      );
      assert.equal(en.json().error.details[0].message, 'This kind of pairing needs the paired unit');
      assert.equal(await count(t.db, 'pairing'), before);
    });

    it('holds a cadre to the household cap: at the cap passes, one more fails; ending frees a place', async () => {
      for (const code of ['DJG-01', 'DJG-02', 'DJG-03', 'DJG-04', 'DJG-05']) {
        const res = await t.call(county, 'POST', '/api/pairings', {
          kind: 'cadre_household',
          householdId: h[code],
          personId: c.a,
          startDate: '2025-01-01',
        });
        assert.equal(res.statusCode, 201, `${code}: ${res.body}`);
        pairingIds[code] = res.json().id;
      }
      const before = await count(t.db, 'pairing');
      const auditBefore = await count(t.db, 'audit_log');
      const sixth = await t.call(county, 'POST', '/api/pairings', {
        kind: 'cadre_household',
        householdId: h['DJG-06'],
        personId: c.a,
        startDate: '2025-01-01',
      });
      assert.equal(sixth.statusCode, 400, sixth.body);
      const err = sixth.json().error;
      assert.equal(err.code, 'VALIDATION');
      assert.equal(err.details[0].path, 'personId');
      assert.equal(err.details[0].message, '该干部已结对帮扶 5 户，已达上限 5 户');
      assert.equal(await count(t.db, 'pairing'), before);
      assert.equal(await count(t.db, 'audit_log'), auditBefore);

      const dup = await t.call(county, 'POST', '/api/pairings', {
        kind: 'cadre_household',
        householdId: h['DJG-07'],
        personId: c.b,
        startDate: '2025-06-01',
      });
      assert.equal(dup.statusCode, 409, dup.body);

      const yesterday = dayBefore(today);
      const bad = await t.call(county, 'POST', `/api/pairings/${pairingIds['DJG-05']}/end`, { endDate: '2024-12-31' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details[0].path, 'endDate');
      const ended = await t.call(county, 'POST', `/api/pairings/${pairingIds['DJG-05']}/end`, { endDate: yesterday });
      assert.equal(ended.statusCode, 200, ended.body);
      assert.equal(ended.json().endDate, yesterday);
      assert.equal(ended.json().active, false);
      const again = await t.call(county, 'POST', `/api/pairings/${pairingIds['DJG-05']}/end`, { endDate: yesterday });
      assert.equal(again.statusCode, 409);
      const endAudit = await t.db
        .selectFrom('audit_log')
        .select(['before_json', 'after_json'])
        .where('entity', '=', 'pairing')
        .where('action', '=', 'end')
        .execute();
      assert.equal(endAudit.length, 1);
      assert.equal(JSON.parse(endAudit[0]!.before_json!).endDate, null);
      assert.equal(JSON.parse(endAudit[0]!.after_json!).endDate, yesterday);

      const now = await t.call(county, 'POST', '/api/pairings', {
        kind: 'cadre_household',
        householdId: h['DJG-06'],
        personId: c.a,
        startDate: today,
      });
      assert.equal(now.statusCode, 201, now.body);
      const active = (await t.call(county, 'GET', `/api/pairings?personId=${c.a}`)).json();
      assert.equal(active.total, 5);
      const ended2 = (await t.call(county, 'GET', `/api/pairings?personId=${c.a}&active=false`)).json();
      assert.deepEqual(
        ended2.items.map((i: { id: number }) => i.id),
        [pairingIds['DJG-05']],
      );
      assert.equal((await t.call(county, 'GET', `/api/pairings?personId=${c.a}&active=all`)).json().total, 6);
    });

    it('refuses a pairing across the caller’s scope', async () => {
      const before = await count(t.db, 'pairing');
      const cases: [Session, Record<string, unknown>, number, string | null][] = [
        // the household or village is outside the caller's scope
        [dong, { kind: 'cadre_household', householdId: h['LJ-01'], personId: c.b }, 403, null],
        [dong, { kind: 'unit_village', regionCode: LONGJING, unitId }, 403, null],
        [yunxi, { kind: 'cadre_household', householdId: h['DJG-11'], personId: c.c }, 403, null],
        [yunxi, { kind: 'member_member', regionCode: DONG, helperName: 'a', helpedName: 'b' }, 403, null],
        // the helping cadre is not visible to the caller
        [dong, { kind: 'cadre_household', householdId: h['DJG-08'], personId: c.l }, 400, 'personId'],
        [dong, { kind: 'cadre_household', householdId: h['DJG-08'], personId: c.c }, 400, 'personId'],
        [
          dong,
          { kind: 'member_member', regionCode: DONG, helperName: 'a', helpedName: 'b', personId: c.l },
          400,
          'personId',
        ],
      ];
      for (const [s, body, status, path] of cases) {
        const res = await t.call(s, 'POST', '/api/pairings', { startDate: '2025-01-01', ...body });
        assert.equal(res.statusCode, status, `${JSON.stringify(body)}: ${res.body}`);
        if (path) assert.equal(res.json().error.details[0].path, path);
        assert.ok(res.json().error.message.length > 0);
      }
      const msg = await t.call(dong, 'POST', '/api/pairings', {
        kind: 'cadre_household',
        householdId: h['DJG-08'],
        personId: c.l,
        startDate: '2025-01-01',
      });
      assert.match(msg.json().error.details[0].message, /孙龙井.*管辖范围/);
      assert.equal(await count(t.db, 'pairing'), before);

      // a cadre stationed in the caller's village is visible; an advanced village may be anywhere in the county
      const ok = await t.call(dong, 'POST', '/api/pairings', {
        kind: 'cadre_household',
        householdId: h['DJG-08'],
        personId: c.b,
        startDate: '2025-01-01',
      });
      assert.equal(ok.statusCode, 201, ok.body);
      const vv = await t.call(dong, 'POST', '/api/pairings', {
        kind: 'village_village',
        regionCode: DONG,
        helperRegionCode: SHANGBA,
        startDate: '2025-01-01',
      });
      assert.equal(vv.statusCode, 201, vv.body);
      assert.equal(vv.json().helperRegion.name, '上坝村');
      // another village's user cannot end it
      assert.equal(
        (await t.call(yunxi, 'POST', `/api/pairings/${vv.json().id}/end`, { endDate: today })).statusCode,
        403,
      );
    });

    it('lists the gaps exactly: registered poor households without an active responsible cadre', async () => {
      // 董家沟: 05 (its pairing ended), 11 (poor), 12 (returned); 09 exited and 10 non-poor are no gaps.
      const gaps = (await t.call(county, 'GET', `/api/pairings/gaps?region=${DONG}`)).json();
      assert.equal(gaps.total, 3);
      assert.deepEqual(
        gaps.items.map((i: { code: string; status: string }) => [i.code, i.status]),
        [
          ['DJG-05', 'poor'],
          ['DJG-11', 'poor'],
          ['DJG-12', 'returned'],
        ],
      );
      assert.deepEqual(gaps.items[0], {
        id: h['DJG-05'],
        code: 'DJG-05',
        headName: '张大山',
        regionCode: DONG,
        regionName: '董家沟村',
        status: 'poor',
      });
      const page2 = (await t.call(county, 'GET', `/api/pairings/gaps?region=${DONG}&pageSize=2&page=2`)).json();
      assert.equal(page2.total, 3);
      assert.deepEqual(
        page2.items.map((i: { code: string }) => i.code),
        ['DJG-12'],
      );
      // the county (its first scope by default) also has 龙井村's household
      assert.equal((await t.call(county, 'GET', '/api/pairings/gaps')).json().total, 4);
      assert.equal((await t.call(county, 'GET', '/api/pairings/gaps?region=420323103')).json().total, 1);
      assert.equal((await t.call(dong, 'GET', '/api/pairings/gaps')).json().total, 3);
      assert.equal((await t.call(yunxi, 'GET', '/api/pairings/gaps')).json().total, 0);
      assert.equal((await t.call(county, 'GET', '/api/pairings/gaps?pageSize=201')).statusCode, 400);
    });

    it('summarises pairs by kind, gaps, cadres and households per cadre', async () => {
      const s = (await t.call(county, 'GET', `/api/pairings/summary?region=${DONG}`)).json();
      assert.deepEqual(s.region, { code: DONG, name: '董家沟村' });
      assert.deepEqual(s.byKind, [
        { kind: 'cadre_household', pairs: 7 }, // 王帮扶: 01–04, 06; 李驻村: 07, 08
        { kind: 'village_village', pairs: 2 },
        { kind: 'unit_village', pairs: 1 },
        { kind: 'enterprise_village', pairs: 1 },
        { kind: 'member_member', pairs: 1 },
      ]);
      assert.equal(s.gaps, 3);
      assert.equal(s.cadres, 2);
      assert.equal(s.households, 7);
      assert.deepEqual(s.householdsPerCadre, [
        { households: 2, cadres: 1 },
        { households: 5, cadres: 1 },
      ]);
      const whole = (await t.call(county, 'GET', '/api/pairings/summary')).json();
      assert.equal(whole.region.code, '420323000000');
      assert.equal(whole.gaps, 4);
      const lj = (await t.call(county, 'GET', `/api/pairings/summary?region=${LONGJING}`)).json();
      assert.deepEqual(
        [lj.gaps, lj.cadres, lj.households, lj.byKind.reduce((a: number, b: { pairs: number }) => a + b.pairs, 0)],
        [1, 0, 0, 0],
      );
    });

    it('shows the household plan with suggestions from its causes', async () => {
      const plan = (await t.call(county, 'GET', `/api/households/${h['DJG-01']}/plan`)).json();
      assert.deepEqual(plan.household, {
        id: h['DJG-01'],
        code: 'DJG-01',
        headName: '张大山',
        regionCode: DONG,
        status: 'poor',
        mainCause: 'illness',
        otherCauses: ['lack_funds'],
      });
      assert.equal(plan.responsible.length, 1);
      assert.deepEqual(plan.responsible[0], {
        id: c.a,
        name: '王帮扶',
        phone: '138****8000',
        post: '干部',
        unit: { id: unitId, name: '竹山县财政局', level: 'county' },
        pairingId: pairingIds['DJG-01'],
        startDate: '2025-01-01',
      });
      assert.deepEqual(plan.measures, []);
      assert.deepEqual(plan.suggestedTypes, ['health', 'credit', 'industry']);
      const m = await t.call(county, 'POST', '/api/measures', {
        householdId: h['DJG-01'],
        type: 'health',
        title: '家庭医生签约服务',
        amount: 1200,
        plannedDate: '2025-03-01',
        status: 'in_progress',
        personId: c.a,
      });
      assert.equal(m.statusCode, 201, m.body);
      const after = (await t.call(county, 'GET', `/api/households/${h['DJG-01']}/plan`)).json();
      assert.deepEqual(after.suggestedTypes, ['credit', 'industry']);
      assert.equal(after.measures.length, 1);
      assert.equal(after.measures[0].title, '家庭医生签约服务');
      assert.deepEqual(after.measures[0].person, { id: c.a, name: '王帮扶' });
      // the ended pairing is no longer a responsible cadre
      const ended = (await t.call(county, 'GET', `/api/households/${h['DJG-05']}/plan`)).json();
      assert.deepEqual(ended.responsible, []);
      assert.equal((await t.call(county, 'GET', '/api/households/999999/plan')).statusCode, 404);
      assert.equal((await t.call(yunxi, 'GET', `/api/households/${h['DJG-01']}/plan`)).statusCode, 403);
    });

    it('prints the responsible cadre and the measures on the household card', async () => {
      const res = await t.call(dong, 'GET', `/api/households/${h['DJG-01']}/card.docx`);
      assert.equal(res.statusCode, 200);
      const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
      for (const s of [
        '明白卡',
        '张大山',
        '帮扶责任人',
        '王帮扶',
        '竹山县财政局',
        '138****8000',
        '帮扶措施',
        '家庭医生签约服务',
        '健康扶贫',
        '1200.00',
        '实施中',
      ])
        assert.ok(xml.includes(s), s);
      assert.ok(!xml.includes('13800138000'), 'a village user cannot reveal: the phone is masked');
      const audits = async () =>
        Number(
          (
            await t.db
              .selectFrom('audit_log')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('action', '=', 'reveal')
              .where('entity', '=', 'household')
              .where('entity_id', '=', String(h['DJG-01']))
              .executeTakeFirstOrThrow()
          ).n,
        );
      assert.equal(await audits(), 0);
      // The county (pii.reveal) prints the phone in full, so that the family can call; the reveal is audited.
      const full = await t.call(county, 'GET', `/api/households/${h['DJG-01']}/card.docx`);
      const fullXml = await (await JSZip.loadAsync(full.rawPayload)).file('word/document.xml')!.async('string');
      assert.ok(fullXml.includes('13800138000'));
      assert.equal(await audits(), 1);
      const masked = await t.call(county, 'GET', `/api/households/${h['DJG-01']}/card.docx?mask=true`);
      const maskedXml = await (await JSZip.loadAsync(masked.rawPayload)).file('word/document.xml')!.async('string');
      assert.ok(maskedXml.includes('138****8000') && !maskedXml.includes('13800138000'));
      assert.equal(await audits(), 1);
      const none = await t.call(dong, 'GET', `/api/households/${h['DJG-11']}/card.docx`);
      const xml2 = await (await JSZip.loadAsync(none.rawPayload)).file('word/document.xml')!.async('string');
      assert.ok(xml2.includes('（待落实）'));
      assert.ok(!xml2.includes('王帮扶'));
    });
  });
}

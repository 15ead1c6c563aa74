// The reads of a village under way (pairedVillage): the pairing gaps, the summary, the household plan (一户一策)
// and the household card (明白卡) that prints the responsible cadre and the measures.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { buildMeasure } from './factories.ts';
import { DIALECTS, eachTest } from './harness.ts';
import { DONG, LONGJING, pairedVillage, pairingWorld } from './pairings-world.ts';

for (const dialect of DIALECTS) {
  describe(`pairing gaps, summary, plan and card [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => {
      const w = await pairingWorld(t);
      return { ...w, pairingIds: await pairedVillage(t.db, w) };
    });

    it('lists the gaps exactly: registered poor households without an active responsible cadre', async () => {
      const { t, county, dong, yunxi, h } = app();
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
      // the county (its scope by default) also has 龙井村's household
      assert.equal((await t.call(county, 'GET', '/api/pairings/gaps')).json().total, 4);
      assert.equal((await t.call(county, 'GET', '/api/pairings/gaps?region=420323103')).json().total, 1);
      assert.equal((await t.call(dong, 'GET', '/api/pairings/gaps')).json().total, 3);
      assert.equal((await t.call(yunxi, 'GET', '/api/pairings/gaps')).json().total, 0);
      assert.equal((await t.call(county, 'GET', '/api/pairings/gaps?pageSize=201')).statusCode, 400);
    });

    it('narrows the gaps to a group of the village (村民小组); pairings and measures of a group are its village’s', async () => {
      const { t, county, h } = app();
      const made = await t.call(county, 'POST', `/api/regions/${DONG}/groups`, { no: 9 });
      assert.equal(made.statusCode, 201, made.body);
      const group = `${DONG}009`;
      await t.db.updateTable('household').set({ group_code: group }).where('id', '=', h['DJG-11']!).execute();
      const gaps = (await t.call(county, 'GET', `/api/pairings/gaps?region=${group}`)).json();
      assert.deepEqual(
        gaps.items.map((i: { code: string }) => i.code),
        ['DJG-11'],
      );
      const pairings = (await t.call(county, 'GET', `/api/pairings?region=${group}`)).json();
      assert.equal(pairings.total, 12); // the village's active pairings (05 has ended)
      const summary = (await t.call(county, 'GET', `/api/pairings/summary?region=${group}`)).json();
      assert.deepEqual([summary.region.code, summary.gaps, summary.households], [group, 1, 7]);
    });

    it('summarises pairs by kind, gaps, cadres and households per cadre', async () => {
      const { t, county } = app();
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
      const { t, county, yunxi, h, c, unitId, pairingIds } = app();
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
      assert.equal(after.measures[0].version, 1);
      // the ended pairing is no longer a responsible cadre
      const ended = (await t.call(county, 'GET', `/api/households/${h['DJG-05']}/plan`)).json();
      assert.deepEqual(ended.responsible, []);
      assert.equal((await t.call(county, 'GET', '/api/households/999999/plan')).statusCode, 404);
      assert.equal((await t.call(yunxi, 'GET', `/api/households/${h['DJG-01']}/plan`)).statusCode, 403);
    });

    it('prints the responsible cadre and the measures on the household card', async () => {
      const { t, county, dong, h, c } = app();
      await buildMeasure(t.db, h['DJG-01']!, DONG, {
        type: 'health',
        title: '家庭医生签约服务',
        amount: 1200,
        status: 'in_progress',
        personId: c.a,
      });
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

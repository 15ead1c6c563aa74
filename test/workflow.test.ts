import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SYSTEM } from '../src/core/access/permissions.ts';
import { Scope } from '../src/core/access/scope.ts';
import { recordStep } from '../src/core/modules/workflow/service.ts';
import { DIALECTS, eachTest, type Session } from './harness.ts';
import {
  buildHousehold,
  count,
  docxText,
  householdRow as household,
  idNumber,
  review,
  setPovertyLine2025,
  SIBLING,
  step as stepAs,
  VILLAGE,
} from './workflow-helpers.ts';

for (const dialect of DIALECTS) {
  describe(`identification and exit workflows [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => {
      await setPovertyLine2025(t.db);
      return { village: await t.as('village', VILLAGE), sibling: await t.as('village', SIBLING) };
    });
    /** A step with the household's current version (the caller has just read it). */
    const step = (s: Session, id: number, path: string, body: Record<string, unknown>) =>
      stepAs(app().t, s, id, path, body);

    it('walks the whole identification path, with a cross-check hit cleared and the notice generated', async () => {
      const { t, village } = app();
      const h = await buildHousehold(t.db);
      const attachments = [{ name: '申请书.pdf', size: 12345, type: 'application/pdf' }];
      let r = await step(village, h.id, 'identification', { step: 'application', date: '2026-03-01', attachments });
      assert.equal(r.statusCode, 201, r.body);
      assert.equal(r.json().status, 'applicant');
      r = await step(village, h.id, 'identification', {
        step: 'first_appraisal',
        date: '2026-03-05',
        actorName: '村民代表大会',
        note: '到会 32 人，同意 30 人',
      });
      assert.equal(r.statusCode, 201, r.body);
      // a department record matches the head: the cross-check waits for the review
      const up = await t.call(village, 'POST', `/api/villages/${VILLAGE}/crosscheck`, {
        rows: [
          { idNumber: h.idNumber.toLowerCase(), source: '车辆', detail: '农用三轮车 鄂C12345' },
          { idNumber: '4.20323E+17', source: '车辆', detail: 'x' },
          { idNumber: idNumber(800), source: '商品房', detail: '无此人' },
        ],
      });
      assert.equal(up.statusCode, 200, up.body);
      assert.equal(up.json().checked, 2);
      assert.equal(up.json().hits.length, 1);
      assert.match(up.json().rejected[0].message, /精度已丢失/);
      const again = await t.call(village, 'POST', `/api/villages/${VILLAGE}/crosscheck`, [
        { idNumber: h.idNumber, source: 'vehicle', detail: '农用三轮车 鄂C12345' },
      ]);
      assert.equal(again.json().hits.length, 0, 'the same record opens no second hit');
      const waiting = await step(village, h.id, 'identification', { step: 'crosscheck', date: '2026-03-10' });
      assert.equal(waiting.statusCode, 409);
      assert.match(waiting.json().error.message, /1 条部门比对疑点未核实/);
      const hitId = up.json().hits[0].id;
      const cleared = await review(t, village, hitId, 'cleared');
      assert.equal(cleared.statusCode, 200, cleared.body);
      const twice = await review(t, village, hitId, 'confirmed');
      assert.equal(twice.statusCode, 409, 'a reviewed hit is not reviewed again');
      assert.equal(twice.json().error.code, 'CONFLICT');
      for (const [s, date] of [
        ['crosscheck', '2026-03-10'],
        ['second_appraisal', '2026-03-15'],
      ]) {
        r = await step(village, h.id, 'identification', { step: s, date });
        assert.equal(r.statusCode, 201, r.body);
      }
      const doc = await t.call(
        village,
        'GET',
        `/api/villages/${VILLAGE}/notice.docx?workflow=identification&year=2026&from=2026-03-16&contact=0719-4321234`,
      );
      assert.equal(doc.statusCode, 200, doc.body);
      assert.match(String(doc.headers['content-type']), /wordprocessingml/);
      const text = docxText(doc.rawPayload);
      assert.match(text, /董家沟村2026年建档立卡贫困户识别公示/);
      assert.match(text, new RegExp(`${h.code}户主\\d+420323\\*{8}${h.idNumber.slice(-4)}3因病`));
      assert.ok(!text.includes(h.idNumber), 'the ID number appears masked only');
      assert.match(text, /2026年3月16日至2026年3月22日（共 7 天）/);
      assert.match(text, /0719-4321234/);
      for (const [s, date] of [
        ['village_notice', '2026-03-16'],
        ['township_notice', '2026-03-23'],
        ['county_announcement', '2026-03-30'],
        ['registered', '2026-04-01'],
      ]) {
        r = await step(village, h.id, 'identification', { step: s, date });
        assert.equal(r.statusCode, 201, r.body);
      }
      const w = r.json();
      assert.equal(w.status, 'poor');
      assert.equal(w.identifiedYear, 2026);
      assert.equal(w.events.length, 8);
      assert.deepEqual(w.events[0].attachments, attachments);
      assert.equal(w.events[1].actorName, '村民代表大会');
      assert.equal(w.events[7].label, '建档立卡');
      assert.deepEqual(
        w.allowed.map((n: { step: string }) => n.step),
        ['village_appraisal'],
      );
      assert.equal((await household(t, h.id)).identified_year, 2026);
      const audits = await t.db
        .selectFrom('audit_log')
        .select(['entity', 'action'])
        .where('entity', 'in', ['household_event', 'household', 'crosscheck_hit'])
        .execute();
      assert.equal(audits.filter((a) => a.entity === 'household_event').length, 8);
      assert.equal(audits.filter((a) => a.entity === 'household').length, 2); // applicant, then poor
    });

    it('refuses an invalid transition and changes nothing', async () => {
      const { t, village } = app();
      const h = await buildHousehold(t.db);
      await step(village, h.id, 'identification', { step: 'application', date: '2026-03-01' });
      const before = [
        await count(t, 'household_event'),
        await count(t, 'audit_log'),
        (await household(t, h.id)).status,
      ];
      const skip = await step(village, h.id, 'identification', { step: 'registered', date: '2026-03-02' });
      assert.equal(skip.statusCode, 409);
      assert.match(skip.json().error.message, /不能办理「建档立卡」.*下一步为「村民主评议（第一次）、不予识别」/);
      const noReason = await step(village, h.id, 'identification', { step: 'rejected', date: '2026-03-02' });
      assert.equal(noReason.statusCode, 400);
      assert.equal(noReason.json().error.details[0].path, 'note');
      const early = await step(village, h.id, 'identification', { step: 'first_appraisal', date: '2026-02-01' });
      assert.equal(early.statusCode, 400);
      assert.equal(
        (await step(village, h.id, 'exit', { step: 'village_appraisal', date: '2026-03-02', year: 2025 })).statusCode,
        409,
      );
      assert.equal(
        (await step(village, h.id, 'identification', { step: 'teleport', date: '2026-03-02' })).statusCode,
        400,
      );
      assert.deepEqual(before, [
        await count(t, 'household_event'),
        await count(t, 'audit_log'),
        (await household(t, h.id)).status,
      ]);
    });

    it('ends identification when a cross-check hit is confirmed', async () => {
      const { t, village } = app();
      const h = await buildHousehold(t.db);
      await step(village, h.id, 'identification', { step: 'application', date: '2026-03-01' });
      await step(village, h.id, 'identification', { step: 'first_appraisal', date: '2026-03-02' });
      const up = await t.call(village, 'POST', `/api/villages/${VILLAGE}/crosscheck`, {
        rows: [{ idNumber: h.idNumber, source: 'public_payroll', detail: '县教育局在编' }],
      });
      const hit = up.json().hits[0];
      const open = await t.call(village, 'GET', `/api/villages/${VILLAGE}/crosscheck-hits?status=open`);
      assert.ok(open.json().items.some((x: { id: number }) => x.id === hit.id));
      const res = await review(t, village, hit.id, 'confirmed');
      assert.equal(res.json().status, 'confirmed');
      const w = (await t.call(village, 'GET', `/api/households/${h.id}/workflow`)).json();
      assert.equal(w.status, 'non_poor');
      assert.equal(w.events.at(-1).step, 'rejected');
      assert.match(w.events.at(-1).note, /财政供养（县教育局在编）/);
    });

    it('refuses exit when income is exactly at the line, with the reasons', async () => {
      const { t, village } = app();
      const h = await buildHousehold(t.db, { status: 'poor', year: { year: 2025, income: 4000, housing: null } });
      const check = await t.call(village, 'GET', `/api/households/${h.id}/exit-check?year=2025`);
      assert.equal(check.statusCode, 200, check.body);
      assert.equal(check.json().eligible, false);
      assert.equal(check.json().povertyLine, 4000);
      assert.deepEqual(check.json().reasons, [
        '收入未超过当年贫困线（4000 元 ≤ 4000 元）',
        '“住房安全有保障”指标未填报',
      ]);
      const events = await count(t, 'household_event');
      const r = await step(village, h.id, 'exit', { step: 'village_appraisal', date: '2026-01-10', year: 2025 });
      assert.equal(r.statusCode, 409);
      assert.match(r.json().error.message, /2025年不符合脱贫退出条件/);
      assert.equal(r.json().error.details.length, 2);
      assert.equal(await count(t, 'household_event'), events);
      const en = await t.call(village, 'GET', `/api/households/${h.id}/exit-check?year=2024`, undefined, {
        'accept-language': 'en',
      });
      assert.deepEqual(en.json().reasons, ['No income and indicator record for the year']);
    });

    it('lets a household above the line exit, then return to poverty with a reason', async () => {
      const { t, village } = app();
      const h = await buildHousehold(t.db, { status: 'poor', year: { year: 2025, income: 4000.01 } });
      assert.equal(
        (await t.call(village, 'GET', `/api/households/${h.id}/exit-check?year=2025`)).json().eligible,
        true,
      );
      const steps = [
        'village_appraisal',
        'team_verification',
        'household_consent',
        'notice',
        'announcement',
        'removed_from_list',
      ];
      for (const [i, s] of steps.entries()) {
        const r = await step(village, h.id, 'exit', { step: s, date: `2025-12-${10 + i}`, year: 2025 });
        assert.equal(r.statusCode, 201, r.body);
        if (s !== 'household_consent') continue;
        const doc = await t.call(village, 'GET', `/api/villages/${VILLAGE}/notice.docx?workflow=exit&year=2025`);
        const text = docxText(doc.rawPayload);
        assert.match(text, /董家沟村2025年贫困户脱贫退出公示/);
        assert.match(text, new RegExp(`${h.code}户主\\d+420323\\*{8}\\d{3}[0-9X]3因病4000\\.01`));
      }
      const row = await household(t, h.id);
      assert.deepEqual([row.status, row.exited_year], ['exited', 2025]);
      assert.equal((await step(village, h.id, 'return', { date: '2026-02-01', reason: '' })).statusCode, 400);
      const back = await step(village, h.id, 'return', {
        date: '2026-02-01',
        reason: '户主突发重病，医疗支出大',
      });
      assert.equal(back.statusCode, 201, back.body);
      assert.equal(back.json().status, 'returned');
      assert.equal(back.json().events.at(-1).note, '户主突发重病，医疗支出大');
      assert.equal((await step(village, h.id, 'return', { date: '2026-02-02', reason: 'again' })).statusCode, 409);
    });

    it('keeps a sibling village out of every workflow endpoint', async () => {
      const { t, village, sibling } = app();
      const h = await buildHousehold(t.db, {
        status: 'applicant',
        year: { year: 2025, income: 5000 },
        applied: '2026-03-01',
      });
      const up = await t.call(village, 'POST', `/api/villages/${VILLAGE}/crosscheck`, {
        rows: [{ idNumber: h.idNumber, source: '工商注册', detail: '个体户' }],
      });
      const hitId = up.json().hits[0].id;
      const before = [await count(t, 'household_event'), await count(t, 'crosscheck_hit'), await count(t, 'audit_log')];
      const calls: [string, string, unknown?][] = [
        ['GET', `/api/households/${h.id}/workflow`],
        ['POST', `/api/households/${h.id}/identification`, { step: 'first_appraisal', date: '2026-03-02', version: 1 }],
        ['POST', `/api/households/${h.id}/exit`, { step: 'village_appraisal', date: '2026-03-02', version: 1 }],
        ['POST', `/api/households/${h.id}/return`, { date: '2026-03-02', reason: 'x', version: 1 }],
        ['GET', `/api/households/${h.id}/exit-check?year=2025`],
        ['POST', `/api/villages/${VILLAGE}/crosscheck`, { rows: [{ idNumber: h.idNumber, source: '车辆' }] }],
        ['GET', `/api/villages/${VILLAGE}/crosscheck-hits`],
        ['PATCH', `/api/crosscheck-hits/${hitId}`, { status: 'confirmed', version: 1 }],
        ['GET', `/api/villages/${VILLAGE}/notice.docx`],
      ];
      for (const [method, url, body] of calls) {
        const r = await t.call(sibling, method as 'GET', url, body);
        assert.ok([403, 404].includes(r.statusCode), `${method} ${url} → ${r.statusCode}`);
      }
      assert.equal((await t.call(null, 'GET', `/api/households/${h.id}/workflow`)).statusCode, 401);
      assert.deepEqual(before, [
        await count(t, 'household_event'),
        await count(t, 'crosscheck_hit'),
        await count(t, 'audit_log'),
      ]);
    });

    it('takes cross-check rows as JSON beyond the default 1 MB body limit', async () => {
      const { t, village } = app();
      const h = await buildHousehold(t.db, { status: 'applicant' });
      const rows = Array.from({ length: 12_000 }, (_, i) => ({
        idNumber: idNumber(500 + (i % 399)),
        source: 'vehicle',
        detail: `登记车辆 ${String(i).padStart(6, '0')} ${'—'.repeat(20)}`,
      }));
      rows.push({ idNumber: h.idNumber, source: '车辆', detail: '农用三轮车' });
      const body = JSON.stringify({ rows });
      assert.ok(Buffer.byteLength(body) > 1024 * 1024, `${Buffer.byteLength(body)} bytes`);
      const res = await t.call(village, 'POST', `/api/villages/${VILLAGE}/crosscheck`, rows);
      assert.equal(res.statusCode, 200, res.body.slice(0, 500));
      assert.equal(res.json().checked, rows.length);
      assert.deepEqual(
        res
          .json()
          .hits.map((x: { householdId: number; status: string; version: number }) => [
            x.householdId,
            x.status,
            x.version,
          ]),
        [[h.id, 'open', 1]],
      );
    });

    it('takes the poverty line as a function in the service', async () => {
      const { t } = app();
      const h = await buildHousehold(t.db, { status: 'poor', year: { year: 2025, income: 4500 } });
      const system = Scope.global(SYSTEM, 'the service called directly, as the CLI would');
      const input = { workflow: 'exit' as const, step: 'village_appraisal', date: '2026-01-05', year: 2025 };
      await assert.rejects(
        recordStep(t.db, system, h.id, input, { version: 1, povertyLine: async () => 4500 }),
        /does not meet the exit criteria/,
      );
      const w = await recordStep(t.db, system, h.id, input, {
        version: 1,
        povertyLine: async (year, province) => (year === 2025 && province === '42' ? 4499.99 : 1e9),
      });
      assert.equal(w.active, 'exit');
    });
  });
}

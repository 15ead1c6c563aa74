// Scope of the workflow endpoints: every endpoint read and written from a sibling village, a foreign township and a
// foreign county answers 403 or 404 (never a row) and changes nothing; a read-only role reads but never writes; the
// village's own township reads and reviews its hits; the hit list holds only hits of the village, page by page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nowIso } from '../src/core/db/index.ts';
import { isWithin } from '../src/shared/regions.ts';
import { DIALECTS, eachTest, type TestApp } from './harness.ts';
import { buildHousehold, count, FOREIGN_TOWNSHIP, review, SIBLING, VILLAGE } from './workflow-helpers.ts';

type Method = 'GET' | 'POST' | 'PATCH';

/** A household that has applied, with an open hit on its head, in `village`. */
async function applicantWithHit(t: TestApp, village: string) {
  const h = await buildHousehold(t.db, {
    village,
    status: 'applicant',
    year: { year: 2025, income: 5000 },
    applied: '2026-03-01',
  });
  const { id } = await t.db
    .insertInto('crosscheck_hit')
    .values({
      household_id: h.id,
      member_id: null,
      region_code: village,
      source: 'vehicle',
      detail: '小型轿车',
      status: 'open',
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ...h, hitId: id };
}

const multipartCsv = (csv: string) => {
  const boundary = '----xiuhuaaccess';
  return {
    payload: Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\n` +
        `Content-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
    ),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
};

for (const dialect of DIALECTS) {
  describe(`workflow endpoints keep to the caller's scope [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => ({ h: await applicantWithHit(t, VILLAGE) }));

    const endpoints = (h: { id: number; idNumber: string; hitId: number }): [string, Method, string, unknown?][] => [
      ['workflow', 'GET', `/api/households/${h.id}/workflow`],
      ['exit check', 'GET', `/api/households/${h.id}/exit-check?year=2025`],
      [
        'identification step',
        'POST',
        `/api/households/${h.id}/identification`,
        { step: 'first_appraisal', date: '2026-03-02', version: 1 },
      ],
      [
        'exit step',
        'POST',
        `/api/households/${h.id}/exit`,
        { step: 'village_appraisal', date: '2026-03-02', version: 1 },
      ],
      ['return', 'POST', `/api/households/${h.id}/return`, { date: '2026-03-02', reason: 'x', version: 1 }],
      [
        'cross-check rows',
        'POST',
        `/api/villages/${VILLAGE}/crosscheck`,
        { rows: [{ idNumber: h.idNumber, source: '车辆' }] },
      ],
      ['hits', 'GET', `/api/villages/${VILLAGE}/crosscheck-hits`],
      ['review', 'PATCH', `/api/crosscheck-hits/${h.hitId}`, { status: 'confirmed', version: 1 }],
      ['notice', 'GET', `/api/villages/${VILLAGE}/notice.docx`],
    ];

    const outsiders: Record<string, [role: 'village' | 'township' | 'county', scope: string]> = {
      'a sibling village': ['village', SIBLING],
      'a foreign township': ['township', FOREIGN_TOWNSHIP],
      'a foreign county': ['county', '420322'],
    };
    for (const [who, [role, scope]] of Object.entries(outsiders)) {
      it(`${who} gets 403/404 on every endpoint and changes nothing`, async () => {
        const { t, h } = app();
        const s = await t.as(role, scope);
        const before = await Promise.all([
          count(t, 'household_event'),
          count(t, 'crosscheck_hit'),
          count(t, 'audit_log'),
        ]);
        for (const [name, method, url, body] of endpoints(h)) {
          const res = await t.call(s, method, url, body);
          assert.ok([403, 404].includes(res.statusCode), `${who} ${name}: ${res.statusCode} ${res.body}`);
          assert.doesNotMatch(res.body, /户主\d/, `${who} ${name} leaked a household`);
        }
        const file = multipartCsv(`身份证号,来源\r\n${h.idNumber},车辆\r\n`);
        const upload = await t.call(s, 'POST', `/api/villages/${VILLAGE}/crosscheck/file`, file.payload, file.headers);
        assert.ok([403, 404].includes(upload.statusCode), `${who} file: ${upload.statusCode}`);
        const after = await Promise.all([
          count(t, 'household_event'),
          count(t, 'crosscheck_hit'),
          count(t, 'audit_log'),
        ]);
        assert.deepEqual(after, before);
        const row = await t.db
          .selectFrom('household')
          .select(['status', 'version'])
          .where('id', '=', h.id)
          .executeTakeFirstOrThrow();
        assert.deepEqual([row.status, row.version], ['applicant', 1]);
      });
    }

    it('a read-only inspector of the county reads every endpoint and writes none', async () => {
      const { t, h } = app();
      const inspector = await t.as('inspector', '420323');
      for (const [name, method, url, body] of endpoints(h)) {
        const res = await t.call(inspector, method, url, body);
        assert.equal(res.statusCode, method === 'GET' ? 200 : 403, `inspector ${name}: ${res.body}`);
      }
      assert.equal(await count(t, 'household_event'), 1);
    });

    it('401 without a session', async () => {
      const { t, h } = app();
      for (const [name, method, url, body] of endpoints(h))
        assert.equal((await t.call(null, method, url, body)).statusCode, 401, name);
    });

    it("the village's own township reads the hits, page by page and only the village's, and reviews one", async () => {
      const { t, h } = app();
      const township = await t.as('township', '420323104');
      const more = [await applicantWithHit(t, VILLAGE), await applicantWithHit(t, SIBLING)];
      const page = await t.call(township, 'GET', `/api/villages/${VILLAGE}/crosscheck-hits?pageSize=1&page=2`);
      assert.equal(page.statusCode, 200, page.body);
      assert.equal(page.json().total, 2);
      assert.deepEqual(
        page.json().items.map((i: { id: number }) => i.id),
        [more[0]!.hitId],
      );
      const sibling = (await t.call(township, 'GET', `/api/villages/${SIBLING}/crosscheck-hits`)).json();
      assert.deepEqual(
        sibling.items.map((i: { id: number }) => i.id),
        [more[1]!.hitId],
      );
      const res = await review(t, township, h.hitId, 'cleared');
      assert.equal(res.statusCode, 200, res.body);
      const open = (await t.call(township, 'GET', `/api/villages/${VILLAGE}/crosscheck-hits?status=open`)).json();
      assert.deepEqual(
        open.items.map((i: { id: number }) => i.id),
        [more[0]!.hitId],
      );
      // A township is not a village: its hits are read village by village.
      const notVillage = await t.call(township, 'GET', '/api/villages/420323104/crosscheck-hits');
      assert.equal(notVillage.statusCode, 409, notVillage.body);
      const malformed = await t.call(township, 'GET', '/api/villages/42x/crosscheck-hits');
      assert.equal(malformed.statusCode, 400, malformed.body);
      assert.equal(malformed.json().error.details[0].path, 'code');
    });

    it("a county user's hits of any village of the county stay inside that village", async () => {
      const { t } = app();
      const county = await t.as('county', '420323');
      await applicantWithHit(t, SIBLING);
      for (const village of [VILLAGE, SIBLING]) {
        const res = (await t.call(county, 'GET', `/api/villages/${village}/crosscheck-hits?pageSize=500`)).json();
        assert.equal(res.items.length, 1);
        for (const item of res.items as { householdId: number }[]) {
          const row = await t.db
            .selectFrom('household')
            .select('region_code')
            .where('id', '=', item.householdId)
            .executeTakeFirstOrThrow();
          assert.ok(isWithin(row.region_code, village));
        }
      }
    });
  });
}

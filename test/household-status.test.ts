// After creation a household's status (with its identification and exit years) changes only through the workflow:
// an edit through the API that would change it is refused on the field, and changes nothing; an import that would
// change it rejects the household with a row error on the column, unless the import says allowStatus — which only
// the system administrator (household.status) may say, and which the import's audit row records.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { household } from './fixtures.ts';
import { csvOf, DONGJIAGOU, household as rowsOf, HEADERS, upload, type Value } from './import-helpers.ts';
import { DIALECTS, eachTest, type Session, type TestApp } from './harness.ts';

/** 董家沟村's household, identified in 2014 and exited in 2016. */
const exited = (over: Record<string, unknown> = {}) =>
  household('DJG-0001', DONGJIAGOU, { status: 'exited', identifiedYear: 2014, exitedYear: 2016, ...over });

const stored = (t: TestApp, id: number) =>
  t.db
    .selectFrom('household')
    .select(['status', 'identified_year', 'exited_year', 'address', 'version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
const auditCount = async (t: TestApp) =>
  Number(
    (
      await t.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

for (const dialect of DIALECTS) {
  describe(`status changes only through the workflow: edits [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => {
      const village = await t.as('village', DONGJIAGOU);
      const created = await t.call(village, 'POST', '/api/households', exited());
      assert.equal(created.statusCode, 201, created.body);
      return { village, county: await t.as('county', '420323'), id: created.json().id as number };
    });
    const put = (t: TestApp, s: Session, id: number, body: Record<string, unknown>, version = 1) =>
      t.call(s, 'PUT', `/api/households/${id}`, { ...body, version });

    it('an edit cannot move a household from exited to poor: 400 naming status, nothing changed', async () => {
      const { t, village, county, id } = app();
      const audits = await auditCount(t);
      for (const s of [village, county]) {
        const res = await put(t, s, id, exited({ status: 'poor', address: '改了地址' }));
        assert.equal(res.statusCode, 400, res.body);
        const err = res.json().error;
        assert.equal(err.code, 'VALIDATION');
        assert.deepEqual(
          err.details.map((d: { path: string }) => d.path),
          ['status'],
        );
        assert.match(err.details[0].message, /识别、退出、返贫流程.*已脱贫/);
      }
      assert.deepEqual(await stored(t, id), {
        status: 'exited',
        identified_year: 2014,
        exited_year: 2016,
        address: null,
        version: 1,
      });
      assert.equal(await auditCount(t), audits, 'no audit row for a refused edit');
    });

    it('nor clear or move the identification and exit years; each refusal on its field', async () => {
      const { t, village, id } = app();
      const res = await put(t, village, id, exited({ identifiedYear: 2015, exitedYear: null }));
      assert.equal(res.statusCode, 400, res.body);
      assert.deepEqual(
        res.json().error.details.map((d: { path: string }) => d.path),
        ['identifiedYear', 'exitedYear'],
      );
      assert.equal((await stored(t, id)).version, 1);
    });

    it('an edit that leaves them alone saves; the workflow still changes the status', async () => {
      const { t, village, id } = app();
      const ok = await put(t, village, id, exited({ address: '一组 8 号' }));
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(await stored(t, id), {
        status: 'exited',
        identified_year: 2014,
        exited_year: 2016,
        address: '一组 8 号',
        version: 2,
      });
      // Leaving the years out keeps them.
      const omitted = exited({ address: '一组 9 号' }) as Record<string, unknown>;
      delete omitted.identifiedYear;
      delete omitted.exitedYear;
      assert.equal((await put(t, village, id, omitted, 2)).statusCode, 200);
      assert.deepEqual((await stored(t, id)).exited_year, 2016);
      const back = await t.call(village, 'POST', `/api/households/${id}/return`, {
        date: '2020-03-01',
        reason: '因病返贫',
        version: 3,
      });
      assert.equal(back.statusCode, 201, back.body);
      assert.equal((await stored(t, id)).status, 'returned');
    });
  });

  describe(`status changes only through the workflow: imports [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => {
      const county = await t.as('county', '420323');
      const created = await t.call(county, 'POST', '/api/households', exited({ code: 'S1' }));
      assert.equal(created.statusCode, 201, created.body);
      return { county, admin: await t.as('admin', '000000000000'), id: created.json().id as number };
    });
    // S1 again, now 未脱贫 (the helper's rows), with a new address; S2 is new and 未脱贫.
    const file = (extra: { identified?: Value; exited?: Value } = {}) => {
      const headers = [...HEADERS, '识别年度', '脱贫年度'];
      const rows = [...rowsOf('S1', DONGJIAGOU), ...rowsOf('S2', DONGJIAGOU)].map((r) => [
        ...r,
        extra.identified ?? null,
        extra.exited ?? null,
      ]);
      return csvOf(rows, headers);
    };

    it('an update without allowStatus is a row error on 户状态; the household keeps its status', async () => {
      const { t, county, id } = app();
      const res = (await upload(t.app, county, 'h.csv', file())).json();
      assert.deepEqual([res.created, res.updated, res.rejected, res.statusChanges], [1, 0, 1, 0]);
      assert.deepEqual(
        res.errors.map((e: { row: number; column: string; household: string }) => [e.row, e.column, e.household]),
        [[2, '户状态', 'S1']],
      );
      assert.match(res.errors[0].message, /户状态只能通过识别、退出、返贫流程变更（现为“已脱贫”）.*允许导入修改户状态/);
      assert.deepEqual([(await stored(t, id)).status, (await stored(t, id)).version], ['exited', 1]);
      const s2 = await t.db.selectFrom('household').select('status').where('code', '=', 'S2').executeTakeFirst();
      assert.equal(s2?.status, 'poor', 'a household the import creates takes the status it is given');
    });

    it('the same status: the update saves and keeps the years an empty cell leaves out', async () => {
      const { t, county, id } = app();
      const rows = rowsOf('S1', DONGJIAGOU).map((r) => r.map((v) => (v === '未脱贫' ? '已脱贫' : v)));
      const res = (await upload(t.app, county, 'h.csv', csvOf(rows))).json();
      assert.deepEqual([res.updated, res.rejected], [1, 0], JSON.stringify(res.errors));
      assert.deepEqual(await stored(t, id), {
        status: 'exited',
        identified_year: 2014,
        exited_year: 2016,
        address: null,
        version: 2,
      });
      const moved = rowsOf('S1', DONGJIAGOU).map((r) => [...r.map((v) => (v === '未脱贫' ? '已脱贫' : v)), 2017]);
      const bad = (await upload(t.app, county, 'h.csv', csvOf(moved, [...HEADERS, '脱贫年度']))).json();
      assert.deepEqual(
        bad.errors.map((e: { column: string }) => e.column),
        ['脱贫年度'],
      );
      assert.equal((await stored(t, id)).exited_year, 2016);
    });

    it('allowStatus is the system administrator’s: a county asking for it gets 403 and nothing changes', async () => {
      const { t, county, id } = app();
      const res = await upload(t.app, county, 'h.csv', file(), 'mode=commit&allowStatus=true');
      assert.equal(res.statusCode, 403, res.body);
      assert.equal((await stored(t, id)).status, 'exited');
      assert.equal(
        await t.db.selectFrom('household').select('id').where('code', '=', 'S2').executeTakeFirst(),
        undefined,
      );
    });

    it('with allowStatus the administrator’s import sets the status, audited on the import’s row', async () => {
      const { t, admin, id } = app();
      const dry = (await upload(t.app, admin, 'h.csv', file(), 'mode=dry-run&allowStatus=true')).json();
      assert.deepEqual([dry.updated, dry.created, dry.rejected, dry.statusChanges], [1, 1, 0, 1]);
      assert.equal((await stored(t, id)).status, 'exited', 'a dry run changes nothing');
      const res = (
        await upload(t.app, admin, 'h.csv', file({ identified: 2019 }), 'mode=commit&allowStatus=true')
      ).json();
      assert.deepEqual([res.updated, res.created, res.rejected, res.statusChanges], [1, 1, 0, 1], JSON.stringify(res));
      // The exit year's cell is empty: kept; the identification year given: set.
      assert.deepEqual(await stored(t, id), {
        status: 'poor',
        identified_year: 2019,
        exited_year: 2016,
        address: null,
        version: 2,
      });
      const row = await t.db
        .selectFrom('audit_log')
        .select(['after_json', 'region_code'])
        .where('action', '=', 'import')
        .where('entity_id', 'is', null)
        .executeTakeFirstOrThrow();
      const after = JSON.parse(row.after_json!);
      assert.equal(after.allowStatus, true);
      assert.deepEqual(after.statusChanges, [
        {
          code: 'S1',
          changes: [
            { field: 'status', from: 'exited', to: 'poor' },
            { field: 'identifiedYear', from: 2014, to: 2019 },
          ],
        },
      ]);
      // The household's own before-image row keeps what it was.
      const image = await t.db
        .selectFrom('audit_log')
        .select('before_json')
        .where('action', '=', 'import')
        .where('entity_id', '=', String(id))
        .executeTakeFirstOrThrow();
      assert.equal(JSON.parse(image.before_json!).household.status, 'exited');
    });
  });
}

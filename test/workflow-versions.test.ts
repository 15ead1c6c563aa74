// No lost update in the workflows: a step moves the household's version on (a household form open meanwhile
// gets 409 on save; a step decided on a stale read gets 409 with the workflow as it is now), and a cross-check
// hit is reviewed once — two reviewers at once, one 200 and one 409.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { household } from './fixtures.ts';
import { DIALECTS, eachTest, type Session, type TestApp } from './harness.ts';
import { buildHousehold, count, householdRow, review, VILLAGE } from './workflow-helpers.ts';

const CODE = '420323104211-0001';
/** A household of the register that has not applied yet (the form's values, as an editor would send them). */
const form = (over: Record<string, unknown> = {}) =>
  household(CODE, VILLAGE, { status: 'non_poor', years: [], address: '一组 8 号', ...over });

const apply = (t: TestApp, s: Session, id: number, version?: number, headers: Record<string, string> = {}) =>
  t.call(
    s,
    'POST',
    `/api/households/${id}/identification`,
    { step: 'application', date: '2026-03-01', ...(version === undefined ? {} : { version }) },
    headers,
  );

/** A household under identification (it has applied) with one open hit on its head. */
async function openHit(t: TestApp, s: Session) {
  const h = await buildHousehold(t.db, { status: 'applicant', applied: '2026-03-01' });
  const up = await t.call(s, 'POST', `/api/villages/${VILLAGE}/crosscheck`, {
    rows: [{ idNumber: h.idNumber, source: '车辆', detail: '小型轿车' }],
  });
  assert.equal(up.statusCode, 200, up.body);
  const hit = up.json().hits[0] as { id: number; version: number };
  assert.equal(hit.version, 1);
  return { h, hit };
}

for (const dialect of DIALECTS) {
  describe(`workflow versions [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => {
      const a = await t.as('village', VILLAGE);
      const b = await t.as('township', '420323104');
      const res = await t.call(a, 'POST', '/api/households', form());
      assert.equal(res.statusCode, 201, res.body);
      return { a, b, id: res.json().id as number };
    });

    it('the workflow carries the household version and an ETag; a step without one answers 428 and records nothing', async () => {
      const { t, a, id } = app();
      const read = await t.call(a, 'GET', `/api/households/${id}/workflow`);
      assert.equal(read.statusCode, 200, read.body);
      assert.equal(read.json().version, 1);
      assert.equal(read.headers.etag, '"1"');
      const res = await apply(t, a, id);
      assert.equal(res.statusCode, 428, res.body);
      assert.equal(res.json().error.code, 'PRECONDITION_REQUIRED');
      assert.equal(await count(t, 'household_event'), 0);
      const row = await householdRow(t, id);
      assert.deepEqual([row.status, row.version], ['non_poor', 1]);
    });

    it('a step moves the household version on: a form open meanwhile gets 409 with the current record', async () => {
      const { t, a, b, id } = app();
      const opened = (await t.call(b, 'GET', `/api/households/${id}`)).json();
      assert.equal(opened.version, 1);
      const step = await apply(t, a, id, 1);
      assert.equal(step.statusCode, 201, step.body);
      assert.equal(step.json().version, 2);
      assert.equal(step.headers.etag, '"2"');
      assert.equal(step.json().status, 'applicant');
      // The form still says non_poor: saving it would undo the step.
      const save = await t.call(b, 'PUT', `/api/households/${id}`, { ...form({ address: '二组 3 号' }), version: 1 });
      assert.equal(save.statusCode, 409, save.body);
      const err = save.json().error;
      assert.equal(err.code, 'VERSION_CONFLICT');
      assert.deepEqual([err.current.status, err.current.version], ['applicant', 2]);
      const row = await householdRow(t, id);
      assert.deepEqual([row.status, row.address, row.version], ['applicant', '一组 8 号', 2]);
    });

    it('a step decided on a stale read gets 409 with the workflow as it is now, and records nothing', async () => {
      const { t, a, b, id } = app();
      const edit = await t.call(b, 'PUT', `/api/households/${id}`, { ...form({ address: '二组 3 号' }), version: 1 });
      assert.equal(edit.statusCode, 200, edit.body);
      const res = await apply(t, a, id, 1);
      assert.equal(res.statusCode, 409, res.body);
      const err = res.json().error;
      assert.equal(err.code, 'VERSION_CONFLICT');
      assert.equal(err.current.version, 2);
      assert.equal(err.current.householdId, id);
      assert.deepEqual(
        err.current.allowed.map((s: { step: string }) => s.step),
        ['application'],
      );
      assert.equal(await count(t, 'household_event'), 0);
      assert.equal((await householdRow(t, id)).status, 'non_poor');
      const again = await apply(t, a, id, err.current.version);
      assert.equal(again.statusCode, 201, again.body);
    });

    it('two steps at once on one household: exactly one 201 and one 409, one event', async () => {
      const { t, a, b, id } = app();
      const results = await Promise.all([apply(t, a, id, 1), apply(t, b, id, 1)]);
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 409], results.map((r) => r.body).join('\n'));
      const lost = results.find((r) => r.statusCode === 409)!;
      assert.equal(lost.json().error.code, 'VERSION_CONFLICT');
      assert.equal(await count(t, 'household_event'), 1);
      assert.equal((await householdRow(t, id)).version, 2);
    });

    it('If-Match carries the household version as well as the body', async () => {
      const { t, a, id } = app();
      assert.equal((await apply(t, a, id, undefined, { 'if-match': '"1"' })).statusCode, 201);
      const stale = await t.call(
        a,
        'POST',
        `/api/households/${id}/identification`,
        { step: 'first_appraisal', date: '2026-03-02' },
        { 'if-match': '"1"' },
      );
      assert.equal(stale.statusCode, 409, stale.body);
      assert.equal(stale.json().error.code, 'VERSION_CONFLICT');
    });

    it('a hit reviewed on a stale read gets 409 with the hit as it is now; without a version 428', async () => {
      const { t, a, b } = app();
      const { hit } = await openHit(t, a);
      const none = await t.call(a, 'PATCH', `/api/crosscheck-hits/${hit.id}`, { status: 'cleared' });
      assert.equal(none.statusCode, 428, none.body);
      const first = await review(t, b, hit.id, 'cleared', 1);
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual([first.json().status, first.json().version], ['cleared', 2]);
      assert.equal(first.headers.etag, '"2"');
      const second = await review(t, a, hit.id, 'confirmed', 1);
      assert.equal(second.statusCode, 409, second.body);
      const err = second.json().error;
      assert.equal(err.code, 'VERSION_CONFLICT');
      assert.deepEqual([err.current.id, err.current.status, err.current.version], [hit.id, 'cleared', 2]);
      const stored = await t.db.selectFrom('crosscheck_hit').selectAll().where('id', '=', hit.id).executeTakeFirst();
      assert.equal(stored?.status, 'cleared');
    });

    it('two reviewers at once: exactly one 200 and one 409', async () => {
      const { t, a, b } = app();
      const { h, hit } = await openHit(t, a);
      const results = await Promise.all([review(t, a, hit.id, 'cleared', 1), review(t, b, hit.id, 'confirmed', 1)]);
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409], results.map((r) => r.body).join('\n'));
      const winner = results.find((r) => r.statusCode === 200)!.json();
      const stored = await t.db.selectFrom('crosscheck_hit').selectAll().where('id', '=', hit.id).executeTakeFirst();
      assert.deepEqual([stored?.status, stored?.version], [winner.status, 2]);
      const audits = await t.db
        .selectFrom('audit_log')
        .select('id')
        .where('entity', '=', 'crosscheck_hit')
        .where('action', '=', 'update')
        .execute();
      assert.equal(audits.length, 1, 'one review, one audit row');
      // A confirmed hit ended the identification; a cleared one left the household alone.
      const row = await householdRow(t, h.id);
      assert.equal(row.status, winner.status === 'confirmed' ? 'non_poor' : 'applicant');
    });

    it('a confirmed hit that ends the identification moves the household version on', async () => {
      const { t, a } = app();
      const { h, hit } = await openHit(t, a);
      const before = await householdRow(t, h.id);
      const res = await review(t, a, hit.id, 'confirmed');
      assert.equal(res.statusCode, 200, res.body);
      const after = await householdRow(t, h.id);
      assert.deepEqual([after.status, after.version], ['non_poor', before.version + 1]);
      const stale = await t.call(a, 'POST', `/api/households/${h.id}/identification`, {
        step: 'application',
        date: '2026-03-05',
        version: before.version,
      });
      assert.equal(stale.statusCode, 409, stale.body);
      assert.equal(stale.json().error.code, 'VERSION_CONFLICT');
    });
  });
}

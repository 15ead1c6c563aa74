import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { todayInChina } from '../src/core/clock.ts';
import { buildCadre, buildRecall, buildStation } from './factories.ts';
import { addDays, addMonths } from './fixtures.ts';
import { DIALECTS, eachTest } from './harness.ts';

/**
 * Versions of stationing and recalls over HTTP: two approvers deciding one recall at once, a stale approver, the
 * end of a term by two people at once and after someone else ended it.
 */

const LONGJING = '420323103211'; // 龙井村, 宝丰镇
const DONG = '420323104211'; // 董家沟村, 擂鼓镇

const today = todayInChina();
const start = addDays(today, -200);
const end = addDays(addMonths(start, 24), -1);

for (const dialect of DIALECTS) {
  describe(`stationing and recall versions [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => ({ county: await t.as('county', '420323', 'cty') }));

    it('two approvers decide one recall at once: exactly one 200 and one 409, one decision recorded', async () => {
      const { t, county } = app();
      const other = await t.as('county', '420323', 'cty2');
      const cadre = await buildCadre(t.db, '420323', { name: '并发召回' });
      const station = await buildStation(t.db, cadre, LONGJING, 'first_secretary', { start, end });
      const recall = await buildRecall(t.db, station, { effectiveDate: today });
      const results = await Promise.all([
        t.call(county, 'POST', `/api/recalls/${recall}/decide`, { approve: true, version: 1 }),
        t.call(other, 'POST', `/api/recalls/${recall}/decide`, { approve: false, version: 1 }),
      ]);
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409], results.map((r) => r.body).join('\n'));
      const winner = results.find((r) => r.statusCode === 200)!.json();
      const loser = results.find((r) => r.statusCode === 409)!.json().error;
      assert.equal(loser.code, 'VERSION_CONFLICT');
      assert.equal(loser.current.status, winner.status);
      assert.equal(loser.current.version, 2);
      const stored = await t.db.selectFrom('recall').selectAll().where('id', '=', recall).executeTakeFirstOrThrow();
      assert.equal(stored.status, winner.status);
      assert.equal(stored.version, 2);
      const decisions = await t.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity', '=', 'recall')
        .where('entity_id', '=', String(recall))
        .execute();
      assert.equal(decisions.length, 1);
      const s = await t.db.selectFrom('stationing').selectAll().where('id', '=', station).executeTakeFirstOrThrow();
      assert.equal(s.ended_on, winner.status === 'approved' ? today : null);
    });

    it('a stale approver gets 409 with the recall as decided; an approval moves the stationing on', async () => {
      const { t, county } = app();
      const cadre = await buildCadre(t.db, '420323', { name: '先后召回' });
      const station = await buildStation(t.db, cadre, LONGJING, 'team_member', { start, end });
      const recall = await buildRecall(t.db, station, { effectiveDate: today });
      const none = await t.call(county, 'POST', `/api/recalls/${recall}/decide`, { approve: true });
      assert.equal(none.statusCode, 428, none.body);
      const first = await t.call(county, 'POST', `/api/recalls/${recall}/decide`, { approve: true, version: 1 });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().version, 2);
      const stale = await t.call(county, 'POST', `/api/recalls/${recall}/decide`, { approve: false, version: 1 });
      assert.equal(stale.statusCode, 409, stale.body);
      assert.equal(stale.json().error.code, 'VERSION_CONFLICT');
      assert.equal(stale.json().error.current.status, 'approved');
      assert.equal(stale.json().error.current.decidedBy, 'cty');
      // the stationing ended with the approval: its version moved, so an end with the version read before is stale
      const s = (await t.call(county, 'GET', `/api/stations/${station}`)).json();
      assert.equal(s.version, 2);
      assert.equal(s.endReason, 'recall');
    });

    it('ending a stationing is versioned: two at once give one 200 and one 409; a stale one gets the current record', async () => {
      const { t, county } = app();
      const other = await t.as('county', '420323', 'cty2');
      const cadre = await buildCadre(t.db, '420323', { name: '轮换甲' });
      const station = await buildStation(t.db, cadre, LONGJING, 'team_member', { start, end });
      const read = await t.call(county, 'GET', `/api/stations/${station}`);
      assert.equal(read.json().version, 1);
      assert.equal(read.headers.etag, '"1"');
      const none = await t.call(county, 'POST', `/api/stations/${station}/end`, { endedOn: today, reason: 'rotation' });
      assert.equal(none.statusCode, 428, none.body);
      const results = await Promise.all([
        t.call(county, 'POST', `/api/stations/${station}/end`, { endedOn: today, reason: 'rotation', version: 1 }),
        t.call(other, 'POST', `/api/stations/${station}/end`, {
          endedOn: addDays(today, -1),
          reason: 'completed',
          version: 1,
        }),
      ]);
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409], results.map((r) => r.body).join('\n'));
      const winner = results.find((r) => r.statusCode === 200)!.json();
      const stored = await t.db
        .selectFrom('stationing')
        .selectAll()
        .where('id', '=', station)
        .executeTakeFirstOrThrow();
      assert.equal(stored.ended_on, winner.endedOn);
      assert.equal(stored.version, 2);
      // another stationing, ended by someone else after it was read: the stale end shows it as it is now
      const next = await buildStation(t.db, cadre, DONG, 'team_member', { start: today, end: null });
      const ended = await t.call(other, 'POST', `/api/stations/${next}/end`, {
        endedOn: today,
        reason: 'other',
        version: 1,
      });
      assert.equal(ended.statusCode, 200, ended.body);
      const stale = await t.call(county, 'POST', `/api/stations/${next}/end`, {
        endedOn: today,
        reason: 'rotation',
        version: 1,
      });
      assert.equal(stale.statusCode, 409, stale.body);
      assert.equal(stale.json().error.code, 'VERSION_CONFLICT');
      assert.equal(stale.json().error.current.version, 2);
      assert.equal(stale.json().error.current.endedOn, today);
      assert.equal(stale.json().error.current.endReason, 'other');
    });
  });
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { todayInChina } from '../src/core/clock.ts';
import { buildCadre, buildStation, buildTeam } from './factories.ts';
import { addDays, addMonths } from './fixtures.ts';
import { DIALECTS, eachTest, type Session, type TestApp } from './harness.ts';

/** Stationing, teams and recalls over HTTP: the bad-input cases, rotation, recall → approval. */

const LONGJING = '420323103211'; // 龙井村, 宝丰镇
const HUACHANG = '420323103200'; // 铧厂村, 宝丰镇
const DONG = '420323104211'; // 董家沟村, 擂鼓镇

const count = async (t: TestApp, table: 'stationing' | 'recall' | 'work_team' | 'audit_log') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const today = todayInChina();
// A term that started 200 days ago and lasts exactly two years (the planned end is its last day).
const start = addDays(today, -200);
const end = addDays(addMonths(start, 24), -1);

for (const dialect of DIALECTS) {
  describe(`stationing, teams and recalls [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => ({
      county: await t.as('county', '420323', 'cty'),
      township: await t.as('township', '420323103', 'twn'),
      village: await t.as('village', LONGJING, 'vil'),
    }));

    /** Posts a stationing and asserts a refusal naming `field`, with nothing written. */
    async function refused(s: Session, body: Record<string, unknown>, status: number, field?: string) {
      const { t } = app();
      const [stations, audits] = [await count(t, 'stationing'), await count(t, 'audit_log')];
      const res = await t.call(s, 'POST', '/api/stations', body);
      assert.equal(res.statusCode, status, res.body);
      if (field)
        assert.ok(
          res.json().error.details.some((d: { path: string }) => d.path === field),
          `${field}: ${res.body}`,
        );
      assert.equal(await count(t, 'stationing'), stations);
      assert.equal(await count(t, 'audit_log'), audits);
      return res.json();
    }

    it('stations a first secretary and refuses a second village at the same time', async () => {
      const { t, county } = app();
      const cadre = await buildCadre(t.db, '420323', { name: '第一书记甲' });
      const res = await t.call(county, 'POST', '/api/stations', {
        personId: cadre,
        regionCode: LONGJING,
        role: 'first_secretary',
        startDate: start,
        endDate: end,
      });
      assert.equal(res.statusCode, 201, res.body);
      const s = res.json();
      assert.equal(s.personName, '第一书记甲');
      assert.equal(s.regionName, '龙井村');
      assert.equal(s.active, true);
      assert.equal(s.endedOn, null);
      const err = await refused(
        county,
        { personId: cadre, regionCode: DONG, role: 'team_member', startDate: addDays(end, -30), endDate: null },
        400,
        'startDate',
      );
      assert.match(err.error.message, /输入有误/);
      // English messages follow the language
      const en = await t.call(
        county,
        'POST',
        '/api/stations',
        { personId: cadre, regionCode: HUACHANG, role: 'first_secretary', startDate: today },
        { 'accept-language': 'en' },
      );
      assert.equal(en.statusCode, 400);
      assert.equal(en.json().error.details[0].message, 'The cadre is stationed in another village at that time');
      // a link (county leader) may cover several villages at once
      const leader = await buildCadre(t.db, '420323', { name: '县领导乙' });
      for (const v of [LONGJING, DONG]) {
        const link = await t.call(county, 'POST', '/api/stations', {
          personId: leader,
          regionCode: v,
          role: 'county_leader',
          startDate: start,
        });
        assert.equal(link.statusCode, 201, link.body);
      }
      // but not twice in one village
      await refused(
        county,
        { personId: leader, regionCode: DONG, role: 'county_leader', startDate: today },
        400,
        'role',
      );
    });

    it('refuses terms ending before they start or shorter than the policy minimum, regions that are not villages, teams of another village', async () => {
      const { t, county } = app();
      const cadre = await buildCadre(t.db, '420323', { name: '队员丙' });
      const base = { personId: cadre, regionCode: HUACHANG, role: 'team_member' };
      await refused(county, { ...base, startDate: today, endDate: addDays(today, -1) }, 400, 'endDate');
      await refused(county, { ...base, startDate: today, endDate: addDays(addMonths(today, 24), -2) }, 400, 'endDate');
      await refused(county, { ...base, startDate: today, endDate: '2026-02-30' }, 400, 'endDate');
      await refused(county, { ...base, regionCode: '420323103', startDate: today }, 400, 'regionCode');
      await refused(county, { ...base, personId: 999999, startDate: today }, 400, 'personId');
      const team = await t.call(county, 'POST', '/api/teams', {
        regionCode: LONGJING,
        name: '龙井村驻村工作队',
        startDate: start,
      });
      assert.equal(team.statusCode, 201, team.body);
      await refused(county, { ...base, teamId: team.json().id, startDate: today }, 400, 'teamId');
      // the policy minimum is a parameter: 12 months now suffice
      await t.db.updateTable('policy_param').set({ value: '12' }).where('key', '=', 'term_min_months').execute();
      const ok = await t.call(county, 'POST', '/api/stations', {
        ...base,
        startDate: today,
        endDate: addDays(addMonths(today, 12), -1),
      });
      assert.equal(ok.statusCode, 201, ok.body);
      await t.db.updateTable('policy_param').set({ value: '24' }).where('key', '=', 'term_min_months').execute();
    });

    it('lets only county users (force.station) station cadres', async () => {
      const { t, township, village } = app();
      const cadre = await buildCadre(t.db, LONGJING, { name: '队员丁' });
      const body = { personId: cadre, regionCode: LONGJING, role: 'team_member', startDate: today };
      await refused(township, body, 403);
      await refused(village, body, 403);
      const station = await buildStation(t.db, cadre, LONGJING, 'team_member', { start, end });
      for (const s of [township, village])
        assert.equal(
          (
            await t.call(s, 'POST', `/api/stations/${station}/end`, {
              endedOn: today,
              reason: 'rotation',
              version: 1,
            })
          ).statusCode,
          403,
        );
      assert.equal(
        (await t.call(township, 'POST', '/api/teams', { regionCode: LONGJING, name: 'x', startDate: today }))
          .statusCode,
        403,
      );
    });

    it('counts team members now and flags teams below the minimum', async () => {
      const { t, county, township, village } = app();
      await buildTeam(t.db, LONGJING, { name: '龙井村驻村工作队', start });
      const team = (await t.call(county, 'GET', `/api/teams?region=${LONGJING}`)).json().items[0];
      const leader = await buildCadre(t.db, '420323', { name: '队长戊' });
      const member = await buildCadre(t.db, '420323', { name: '队员己' });
      for (const [p, role] of [
        [leader, 'team_leader'],
        [member, 'team_member'],
      ] as const) {
        const res = await t.call(county, 'POST', '/api/stations', {
          personId: p,
          regionCode: LONGJING,
          role,
          teamId: team.id,
          startDate: start,
          endDate: end,
        });
        assert.equal(res.statusCode, 201, res.body);
        assert.equal(res.json().teamName, '龙井村驻村工作队');
      }
      // a former member does not count
      const former = await buildCadre(t.db, '420323', { name: '前队员' });
      const formerStation = await buildStation(t.db, former, LONGJING, 'team_member', {
        teamId: team.id,
        start: addMonths(start, -30),
        end: addDays(start, -1),
      });
      await t.db
        .updateTable('stationing')
        .set({ ended_on: addDays(start, -1), end_reason: 'completed' })
        .where('id', '=', formerStation)
        .execute();
      const second = await t.call(county, 'POST', '/api/teams', {
        regionCode: HUACHANG,
        name: '铧厂村驻村工作队',
        startDate: start,
      });
      let list = (await t.call(township, 'GET', '/api/teams')).json();
      assert.equal(list.total, 2);
      assert.equal(list.belowMinimum, 2);
      const lj = list.items.find((i: { id: number }) => i.id === team.id);
      assert.equal(lj.size, 2);
      assert.equal(lj.minimum, 3);
      assert.equal(lj.belowMinimum, true);
      assert.deepEqual(
        lj.members.map((m: { name: string; role: string }) => [m.name, m.role]),
        [
          ['队长戊', 'team_leader'],
          ['队员己', 'team_member'],
        ],
      );
      const third = await buildCadre(t.db, '420323', { name: '队员庚' });
      await t.call(county, 'POST', '/api/stations', {
        personId: third,
        regionCode: LONGJING,
        role: 'team_member',
        teamId: team.id,
        startDate: today,
      });
      list = (await t.call(township, 'GET', '/api/teams?belowMinimum=true')).json();
      assert.deepEqual(
        list.items.map((i: { id: number }) => i.id),
        [second.json().id],
      );
      assert.equal(list.belowMinimum, 1);
      const detail = (await t.call(village, 'GET', `/api/teams/${team.id}`)).json();
      assert.equal(detail.size, 3);
      assert.equal(detail.belowMinimum, false);
      // the minimum is the policy parameter
      await t.db.updateTable('policy_param').set({ value: '4' }).where('key', '=', 'team_min_size').execute();
      assert.equal((await t.call(village, 'GET', `/api/teams/${team.id}`)).json().belowMinimum, true);
      await t.db.updateTable('policy_param').set({ value: '3' }).where('key', '=', 'team_min_size').execute();
      // a team of another township is not the township's
      assert.equal((await t.call(township, 'GET', `/api/teams?region=420323104`)).statusCode, 403);
    });

    it('recalls: a village user cannot, a township requests, the county approves and the stationing ends', async () => {
      const { t, county, township, village } = app();
      const leader = await buildCadre(t.db, '420323', { name: '县领导乙' });
      await buildStation(t.db, leader, LONGJING, 'county_leader', { start, end: null });
      const cadre = await buildCadre(t.db, '420323', { name: '被召回者' });
      const station = (
        await t.call(county, 'POST', '/api/stations', {
          personId: cadre,
          regionCode: HUACHANG,
          role: 'first_secretary',
          startDate: start,
          endDate: end,
        })
      ).json();
      const effectiveDate = addDays(today, -1);
      const body = { stationId: station.id, reason: 'ineffective', note: '工作不在状态', effectiveDate };
      const recalls = await count(t, 'recall');
      const denied = await t.call(village, 'POST', '/api/recalls', body);
      assert.equal(denied.statusCode, 403, denied.body);
      assert.equal(await count(t, 'recall'), recalls);
      // effective before the stationing starts
      const early = await t.call(township, 'POST', '/api/recalls', { ...body, effectiveDate: addDays(start, -1) });
      assert.equal(early.statusCode, 400);
      assert.equal(early.json().error.details[0].path, 'effectiveDate');
      const req = await t.call(township, 'POST', '/api/recalls', body);
      assert.equal(req.statusCode, 201, req.body);
      const recall = req.json();
      assert.equal(recall.status, 'pending');
      assert.equal(recall.requestedBy, 'twn');
      assert.equal(recall.personName, '被召回者');
      assert.equal(recall.canDecide, false);
      assert.equal((await t.call(township, 'POST', '/api/recalls', body)).statusCode, 409);
      assert.equal(
        (await t.call(township, 'POST', `/api/recalls/${recall.id}/decide`, { approve: true, version: 1 })).statusCode,
        403,
      );
      const inbox = (await t.call(county, 'GET', '/api/recalls?status=pending')).json();
      assert.equal(inbox.total, 1);
      assert.equal(inbox.items[0].canDecide, true);
      const decided = await t.call(county, 'POST', `/api/recalls/${recall.id}/decide`, {
        approve: true,
        note: '同意召回',
        version: inbox.items[0].version,
      });
      assert.equal(decided.statusCode, 200, decided.body);
      assert.equal(decided.json().status, 'approved');
      assert.equal(decided.json().decidedBy, 'cty');
      const ended = await t.db
        .selectFrom('stationing')
        .selectAll()
        .where('id', '=', station.id)
        .executeTakeFirstOrThrow();
      assert.equal(ended.ended_on, effectiveDate);
      assert.equal(ended.end_reason, 'recall');
      const s = (await t.call(county, 'GET', `/api/stations/${station.id}`)).json();
      assert.equal(s.active, false);
      assert.equal(s.endReason, 'recall');
      // a second decision, even with the current version, is refused
      const twice = await t.call(county, 'POST', `/api/recalls/${recall.id}/decide`, {
        approve: false,
        version: decided.json().version,
      });
      assert.equal(twice.statusCode, 409, twice.body);
      assert.equal(twice.json().error.code, 'CONFLICT');
      // history stays on the cadre
      const detail = (await t.call(township, 'GET', `/api/cadres/${cadre}`)).json();
      assert.equal(detail.recalls.length, 1);
      assert.equal(detail.recalls[0].status, 'approved');
      assert.equal(detail.stations[0].endReason, 'recall');
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['action', 'entity'])
        .where((eb) =>
          eb.or([
            eb.and([eb('entity', '=', 'recall'), eb('entity_id', '=', String(recall.id))]),
            eb.and([eb('entity', '=', 'stationing'), eb('entity_id', '=', String(station.id))]),
          ]),
        )
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((a) => `${a.entity}:${a.action}`),
        ['stationing:create', 'recall:create', 'stationing:end', 'recall:approve'],
      );
      // only stationed roles, and only while in force
      assert.equal((await t.call(township, 'POST', '/api/recalls', body)).statusCode, 400);
      const link = await t.db
        .selectFrom('stationing')
        .select('id')
        .where('role', '=', 'county_leader')
        .executeTakeFirstOrThrow();
      const linkRecall = await t.call(county, 'POST', '/api/recalls', { ...body, stationId: link.id });
      assert.equal(linkRecall.statusCode, 400);
      assert.equal(linkRecall.json().error.details[0].path, 'stationId');
    });

    it('a rejected recall leaves the stationing; rotation ends it and frees the cadre for another village', async () => {
      const { t, county, township } = app();
      const cadre = await buildCadre(t.db, '420323', { name: '轮换者' });
      const station = await buildStation(t.db, cadre, LONGJING, 'team_member', { start, end });
      const recall = (
        await t.call(county, 'POST', '/api/recalls', { stationId: station, reason: 'health', effectiveDate: today })
      ).json();
      const rejected = await t.call(county, 'POST', `/api/recalls/${recall.id}/decide`, {
        approve: false,
        note: '不同意',
        version: recall.version,
      });
      assert.equal(rejected.json().status, 'rejected');
      let row = await t.db.selectFrom('stationing').selectAll().where('id', '=', station).executeTakeFirstOrThrow();
      assert.equal(row.ended_on, null);
      // rotation; a pending recall is cancelled with it
      const again = (
        await t.call(township, 'POST', '/api/recalls', { stationId: station, reason: 'other', effectiveDate: today })
      ).json();
      const early = await t.call(county, 'POST', `/api/stations/${station}/end`, {
        endedOn: addDays(start, -1),
        reason: 'rotation',
        version: 1,
      });
      assert.equal(early.statusCode, 400);
      const rotated = await t.call(county, 'POST', `/api/stations/${station}/end`, {
        endedOn: addDays(today, -10),
        reason: 'rotation',
        version: 1,
      });
      assert.equal(rotated.statusCode, 200, rotated.body);
      assert.equal(rotated.json().endReason, 'rotation');
      assert.equal(rotated.json().active, false);
      row = await t.db.selectFrom('stationing').selectAll().where('id', '=', station).executeTakeFirstOrThrow();
      assert.equal(row.ended_on, addDays(today, -10));
      assert.equal(
        (await t.db.selectFrom('recall').select('status').where('id', '=', again.id).executeTakeFirstOrThrow()).status,
        'cancelled',
      );
      assert.equal(
        (
          await t.call(county, 'POST', `/api/stations/${station}/end`, {
            endedOn: today,
            reason: 'rotation',
            version: rotated.json().version,
          })
        ).statusCode,
        409,
      );
      const next = await t.call(county, 'POST', '/api/stations', {
        personId: cadre,
        regionCode: DONG,
        role: 'team_member',
        startDate: addDays(today, -9),
      });
      assert.equal(next.statusCode, 201, next.body);
      // lists: current by default, history on request
      const current = (await t.call(county, 'GET', `/api/stations?personId=${cadre}`)).json();
      assert.deepEqual(
        current.items.map((i: { regionCode: string }) => i.regionCode),
        [DONG],
      );
      const all = (await t.call(county, 'GET', `/api/stations?personId=${cadre}&active=all`)).json();
      assert.equal(all.total, 2);
      const past = (await t.call(county, 'GET', `/api/stations?personId=${cadre}&active=false`)).json();
      assert.deepEqual(
        past.items.map((i: { id: number }) => i.id),
        [station],
      );
      // the township sees only its villages
      assert.equal((await t.call(township, 'GET', `/api/stations?personId=${cadre}&active=all`)).json().total, 1);
      assert.equal((await t.call(township, 'GET', `/api/recalls?region=420323104`)).statusCode, 403);
    });
  });
}

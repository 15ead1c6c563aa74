import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildPerson, buildUnit } from './factories.ts';
import { DIALECTS, eachTest, type TestApp } from './harness.ts';

const DONG = '420323104211';

const count = async (t: TestApp, table: 'command_unit' | 'person' | 'command_member' | 'audit_log') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

for (const dialect of DIALECTS) {
  describe(`command hierarchy [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => ({
      county: await t.as('county', '420323'),
      township: await t.as('township', '420323104'),
    }));

    it('builds HQ → battle zone → command post with commanders and members, audited', async () => {
      const { t, county, township } = app();
      const sec = (
        await t.call(county, 'POST', '/api/people', {
          regionCode: '420323',
          name: '王书记',
          gender: 'male',
          phone: '13907191234',
          post: '县委书记',
        })
      ).json();
      assert.equal(sec.phone, '139****1234');
      const hq = await t.call(county, 'POST', '/api/command-units', {
        regionCode: '420323',
        kind: 'county_hq',
        name: '竹山县脱贫攻坚作战指挥部',
        commanderId: sec.id,
      });
      assert.equal(hq.statusCode, 201, hq.body);
      assert.equal(hq.json().commander.name, '王书记');
      const leader = (
        await t.call(county, 'POST', '/api/people', { regionCode: '420323', name: '李副县长', post: '副县长' })
      ).json();
      const zoneSec = (
        await t.call(township, 'POST', '/api/people', { regionCode: '420323104', name: '赵书记', post: '镇党委书记' })
      ).json();
      const zone = await t.call(county, 'POST', '/api/command-units', {
        regionCode: '420323104',
        kind: 'battle_zone',
        name: '擂鼓镇攻坚战区',
        parentId: hq.json().id,
        commanderId: zoneSec.id,
        leaderId: leader.id,
      });
      assert.equal(zone.statusCode, 201, zone.body);
      assert.equal(zone.json().leader.name, '李副县长');
      const post = await t.call(township, 'POST', '/api/command-units', {
        regionCode: DONG,
        kind: 'command_post',
        name: '董家沟村指挥所',
        parentId: zone.json().id,
      });
      assert.equal(post.statusCode, 201, post.body);
      const m = await t.call(township, 'POST', `/api/command-units/${post.json().id}/members`, {
        personId: zoneSec.id,
        duty: '联系领导',
      });
      assert.equal(m.statusCode, 201, m.body);
      assert.equal(
        (await t.call(township, 'POST', `/api/command-units/${post.json().id}/members`, { personId: zoneSec.id }))
          .statusCode,
        409,
      );
      const detail = (await t.call(township, 'GET', `/api/command-units/${post.json().id}`)).json();
      assert.equal(detail.memberCount, 1);
      assert.equal(detail.members[0].person.name, '赵书记');
      const region = (await t.call(county, 'GET', '/api/regions/420323104')).json();
      assert.deepEqual(
        region.commandUnits.map((u: { name: string }) => u.name),
        ['擂鼓镇攻坚战区'],
      );
      const audits = await t.db
        .selectFrom('audit_log')
        .select(['entity', 'action', 'username'])
        .where('entity', 'in', ['command_unit', 'command_member', 'person'])
        .execute();
      assert.equal(audits.filter((a) => a.entity === 'command_unit' && a.action === 'create').length, 3);
      assert.equal(audits.filter((a) => a.entity === 'person').length, 3);
      // the township user may not pick a county-level person it cannot see
      const refused = await t.call(township, 'PATCH', `/api/command-units/${post.json().id}`, {
        commanderId: sec.id,
        version: post.json().version,
      });
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().error.details[0].path, 'commanderId');
    });

    it('rejects a unit whose kind does not fit its region, or whose parent is elsewhere, changing nothing', async () => {
      const { t, county } = app();
      const before = [await count(t, 'command_unit'), await count(t, 'audit_log')];
      const wrongLevel = await t.call(county, 'POST', '/api/command-units', {
        regionCode: DONG,
        kind: 'battle_zone',
        name: 'x',
      });
      assert.equal(wrongLevel.statusCode, 400);
      assert.equal(wrongLevel.json().error.details[0].path, 'regionCode');
      await buildPerson(t.db, '420323103');
      const otherZone = await t.call(county, 'POST', '/api/command-units', {
        regionCode: '420323103',
        kind: 'battle_zone',
        name: '宝丰镇攻坚战区',
      });
      const wrongParent = await t.call(county, 'POST', '/api/command-units', {
        regionCode: DONG,
        kind: 'command_post',
        name: 'y',
        parentId: otherZone.json().id,
      });
      assert.equal(wrongParent.statusCode, 400);
      assert.equal(wrongParent.json().error.details[0].path, 'parentId');
      const missingName = await t.call(county, 'POST', '/api/command-units', {
        regionCode: DONG,
        kind: 'command_post',
        name: '',
      });
      assert.equal(missingName.json().error.details[0].path, 'name');
      const badKind = await t.call(county, 'POST', '/api/command-units', {
        regionCode: DONG,
        kind: 'army',
        name: 'z',
      });
      assert.equal(badKind.json().error.details[0].path, 'kind');
      const badRegion = await t.call(county, 'POST', '/api/command-units', {
        regionCode: '42032x',
        kind: 'command_post',
        name: 'z',
      });
      assert.equal(badRegion.statusCode, 400);
      assert.equal(badRegion.json().error.details[0].path, 'regionCode');
      assert.deepEqual([await count(t, 'command_unit'), await count(t, 'audit_log')], [before[0]! + 1, before[1]! + 1]);
    });

    it('reveals a phone only to a role allowed to, and audits the reveal', async () => {
      const { t, county, township } = app();
      const id = await buildPerson(t.db, DONG);
      assert.equal((await t.call(township, 'POST', `/api/people/${id}/reveal`)).statusCode, 403);
      const res = await t.call(county, 'POST', `/api/people/${id}/reveal`);
      assert.equal(res.json().phone, '13800138000');
      const list = (await t.call(county, 'GET', `/api/people?region=${DONG}`)).json();
      assert.equal(list.total, 1);
      assert.ok(list.items.every((p: { phone: string | null }) => !p.phone || p.phone.includes('****')));
      // The name search takes % and _ as typed.
      const pct = (await t.call(county, 'GET', `/api/people?region=${DONG}&q=${encodeURIComponent('%')}`)).json();
      assert.deepEqual([pct.total, pct.items], [0, []]);
      const audit = await t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'reveal')
        .executeTakeFirstOrThrow();
      assert.equal(audit.entity_id, String(id));
    });

    it('deletes a unit (with the version read) and keeps its people', async () => {
      const { t, county, township } = app();
      const personId = await buildPerson(t.db, DONG);
      await buildUnit(t.db, DONG, 'command_post', '董家沟村指挥所', personId);
      const list = (await t.call(county, 'GET', `/api/command-units?region=${DONG}`)).json();
      const unit = list.items[0];
      assert.equal(unit.commander.id, personId);
      const m = await t.call(township, 'POST', `/api/command-units/${unit.id}/members`, { personId });
      assert.equal(m.statusCode, 201, m.body);
      const people = await count(t, 'person');
      assert.equal((await t.call(township, 'DELETE', `/api/command-units/${unit.id}`)).statusCode, 428);
      assert.equal((await t.call(township, 'DELETE', `/api/command-units/${unit.id}`, { version: 9 })).statusCode, 409);
      const del = await t.call(township, 'DELETE', `/api/command-units/${unit.id}`, { version: unit.version });
      assert.equal(del.statusCode, 204, del.body);
      assert.equal((await t.call(township, 'GET', `/api/command-units/${unit.id}`)).statusCode, 404);
      assert.equal(await count(t, 'person'), people);
      assert.equal(await count(t, 'command_member'), 0);
    });

    it('one command unit, two editors one after the other: the stale write gets 409 with the unit as it is now', async () => {
      const { t, county, township } = app();
      const personId = await buildPerson(t.db, DONG);
      const id = await buildUnit(t.db, DONG, 'command_post', '董家沟村指挥所');
      await t.call(county, 'POST', `/api/command-units/${id}/members`, { personId, duty: '网格员' });
      const read = await t.call(township, 'GET', `/api/command-units/${id}`);
      assert.equal(read.json().version, 1);
      assert.equal(read.headers.etag, '"1"');
      const none = await t.call(township, 'PATCH', `/api/command-units/${id}`, { name: '无版本' });
      assert.equal(none.statusCode, 428, none.body);
      const first = await t.call(county, 'PATCH', `/api/command-units/${id}`, {
        name: '董家沟村指挥所（县改）',
        version: 1,
      });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().version, 2);
      assert.equal(first.headers.etag, '"2"');
      const stale = await t.call(township, 'PATCH', `/api/command-units/${id}`, {
        name: '董家沟村指挥所（镇改）',
        version: 1,
      });
      assert.equal(stale.statusCode, 409, stale.body);
      const err = stale.json().error;
      assert.equal(err.code, 'VERSION_CONFLICT');
      assert.equal(err.current.name, '董家沟村指挥所（县改）');
      assert.equal(err.current.version, 2);
      assert.equal(err.current.members[0].person.phone, '138****8000', 'the current unit is masked as a read shows it');
      assert.equal((await t.call(county, 'GET', `/api/command-units/${id}`)).json().name, '董家沟村指挥所（县改）');
      // Overwriting consciously: the version from the conflict.
      const again = await t.call(township, 'PATCH', `/api/command-units/${id}`, {
        name: '董家沟村指挥所（镇改）',
        version: err.current.version,
      });
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json().version, 3);
      // If-Match carries the version as well as the body.
      const ifMatch = await t.call(county, 'PATCH', `/api/command-units/${id}`, { name: '甲' }, { 'if-match': '"3"' });
      assert.equal(ifMatch.statusCode, 200, ifMatch.body);
      const audits = await t.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity', '=', 'command_unit')
        .where('action', '=', 'update')
        .execute();
      assert.equal(audits.length, 3, 'the refused writes left no audit row');
    });

    it('one command unit, two editors at once: exactly one 200 and one 409', async () => {
      const { t, county, township } = app();
      const id = await buildUnit(t.db, DONG, 'command_post', '董家沟村指挥所');
      const results = await Promise.all([
        t.call(county, 'PATCH', `/api/command-units/${id}`, { name: '甲', version: 1 }),
        t.call(township, 'PATCH', `/api/command-units/${id}`, { name: '乙', version: 1 }),
      ]);
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409], results.map((r) => r.body).join('\n'));
      const stored = (await t.call(county, 'GET', `/api/command-units/${id}`)).json();
      assert.equal(stored.version, 2);
      assert.equal(stored.name, results[0]!.statusCode === 200 ? '甲' : '乙');
    });

    it('a stale write from outside the scope is still 403, not 409 or 428', async () => {
      const { t } = app();
      const id = await buildUnit(t.db, DONG, 'command_post');
      const personId = await buildPerson(t.db, DONG);
      const other = await t.as('village', '420323103211');
      assert.equal((await t.call(other, 'PATCH', `/api/command-units/${id}`, { name: 'x' })).statusCode, 403);
      assert.equal((await t.call(other, 'DELETE', `/api/command-units/${id}`)).statusCode, 403);
      assert.equal(
        (await t.call(other, 'PATCH', `/api/people/${personId}`, { name: 'x', version: 7 })).statusCode,
        403,
      );
    });

    it('people: a stale update gets 409 with the person as a list shows it; a fresh one moves the version on', async () => {
      const { t, county, township } = app();
      const id = await buildPerson(t.db, DONG, '钱七');
      const first = await t.call(county, 'PATCH', `/api/people/${id}`, { post: '村支书', version: 1 });
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual([first.json().post, first.json().version, first.json().phone], ['村支书', 2, '138****8000']);
      const stale = await t.call(township, 'PATCH', `/api/people/${id}`, { post: '村主任', version: 1 });
      assert.equal(stale.statusCode, 409, stale.body);
      assert.deepEqual(
        [stale.json().error.current.post, stale.json().error.current.version, stale.json().error.current.phone],
        ['村支书', 2, '138****8000'],
      );
      assert.equal((await t.call(township, 'PATCH', `/api/people/${id}`, { post: '村主任' })).statusCode, 428);
      const both = await Promise.all([
        t.call(county, 'PATCH', `/api/people/${id}`, { name: '甲', version: 2 }),
        t.call(township, 'PATCH', `/api/people/${id}`, { name: '乙', version: 2 }),
      ]);
      assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 409], both.map((r) => r.body).join('\n'));
    });

    it('phones: 12345 is refused; a landline is taken; a masked value sent back keeps the stored number', async () => {
      const { t, county } = app();
      const bad = await t.call(county, 'POST', '/api/people', { regionCode: DONG, name: '孙八', phone: '12345' });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.deepEqual(
        bad.json().error.details.map((d: { path: string }) => d.path),
        ['phone'],
      );
      const maskedNew = await t.call(county, 'POST', '/api/people', {
        regionCode: DONG,
        name: '孙八',
        phone: '138****8000',
      });
      assert.equal(maskedNew.statusCode, 400, maskedNew.body);
      assert.equal(maskedNew.json().error.details[0].path, 'phone');
      const landline = await t.call(county, 'POST', '/api/people', {
        regionCode: DONG,
        name: '孙八',
        phone: '0719-4221234',
      });
      assert.equal(landline.statusCode, 201, landline.body);
      assert.equal(landline.json().phone, '071****1234');
      const id = await buildPerson(t.db, DONG, '周九');
      const badUpdate = await t.call(county, 'PATCH', `/api/people/${id}`, { phone: '12345', version: 1 });
      assert.equal(badUpdate.statusCode, 400, badUpdate.body);
      assert.equal(badUpdate.json().error.details[0].path, 'phone');
      const kept = await t.call(county, 'PATCH', `/api/people/${id}`, {
        phone: '138****8000',
        post: '会计',
        version: 1,
      });
      assert.equal(kept.statusCode, 200, kept.body);
      assert.equal((await t.call(county, 'POST', `/api/people/${id}/reveal`)).json().phone, '13800138000');
      const otherMask = await t.call(county, 'PATCH', `/api/people/${id}`, { phone: '139****1234', version: 2 });
      assert.equal(otherMask.statusCode, 400, otherMask.body);
      assert.equal(otherMask.json().error.details[0].path, 'phone');
      const changed = await t.call(county, 'PATCH', `/api/people/${id}`, { phone: '13907191234', version: 2 });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.equal((await t.call(county, 'POST', `/api/people/${id}/reveal`)).json().phone, '13907191234');
    });

    it('eight adding one person to one unit at once: one 201, seven 409, one member row', async () => {
      const { t, county } = app();
      const id = await buildUnit(t.db, DONG, 'command_post');
      const personId = await buildPerson(t.db, DONG);
      const results = await Promise.all(
        Array.from({ length: 8 }, () => t.call(county, 'POST', `/api/command-units/${id}/members`, { personId })),
      );
      assert.deepEqual(
        results.map((r) => r.statusCode).sort(),
        [201, 409, 409, 409, 409, 409, 409, 409],
        results.map((r) => r.body).join('\n'),
      );
      assert.equal(await count(t, 'command_member'), 1);
    });

    it('every command endpoint refuses a foreign village and township (403/404); their lists stay inside', async () => {
      const { t, county } = app();
      const personId = await buildPerson(t.db, DONG);
      const id = await buildUnit(t.db, DONG, 'command_post', '董家沟村指挥所', personId);
      const m = await t.call(county, 'POST', `/api/command-units/${id}/members`, { personId });
      const memberId = m.json().id as number;
      const theirs = await buildPerson(t.db, '420323103211');
      await buildUnit(t.db, '420323103211', 'command_post', '龙井村指挥所');
      const calls: [string, 'GET' | 'POST' | 'PATCH' | 'DELETE', string, unknown?][] = [
        ['units of region', 'GET', `/api/command-units?region=${DONG}`],
        ['unit detail', 'GET', `/api/command-units/${id}`],
        ['create unit', 'POST', '/api/command-units', { regionCode: DONG, kind: 'command_post', name: '越权' }],
        ['update unit', 'PATCH', `/api/command-units/${id}`, { name: '越权', version: 1 }],
        ['delete unit', 'DELETE', `/api/command-units/${id}`, { version: 1 }],
        ['add member', 'POST', `/api/command-units/${id}/members`, { personId: theirs }],
        ['remove member', 'DELETE', `/api/command-units/${id}/members/${memberId}`],
        ['people of region', 'GET', `/api/people?region=${DONG}`],
        ['create person', 'POST', '/api/people', { regionCode: DONG, name: '越权' }],
        ['update person', 'PATCH', `/api/people/${personId}`, { name: '越权', version: 1 }],
        ['reveal phone', 'POST', `/api/people/${personId}/reveal`],
      ];
      const foreign = {
        village: await t.as('village', '420323103211'),
        township: await t.as('township', '420323103'),
      };
      const audits = await count(t, 'audit_log');
      for (const [who, s] of Object.entries(foreign)) {
        for (const [name, method, url, body] of calls) {
          const res = await t.call(s, method, url, body);
          assert.ok([403, 404].includes(res.statusCode), `${who} ${name}: ${res.statusCode} ${res.body}`);
        }
        for (const url of ['/api/command-units?pageSize=500', '/api/people?pageSize=500']) {
          const items = (await t.call(s, 'GET', url)).json().items as { regionCode: string }[];
          assert.ok(items.length > 0, `${who} ${url}`);
          assert.ok(
            items.every((i) => i.regionCode.startsWith('420323103')),
            `${who} ${url} leaked a row`,
          );
        }
      }
      assert.equal(await count(t, 'audit_log'), audits);
      const unit = await t.db.selectFrom('command_unit').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual([unit.name, unit.version], ['董家沟村指挥所', 1]);
      assert.equal(await count(t, 'command_member'), 1);
    });
  });
}

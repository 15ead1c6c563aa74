import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildPerson, buildUser } from './factories.ts';
import { DIALECTS, testApp, type Session, type TestApp } from './harness.ts';

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
    let t: TestApp;
    let county: Session;
    let township: Session;
    before(async () => {
      t = await testApp(dialect);
      await buildUser(t.db, 'county', '420323', 'cty');
      await buildUser(t.db, 'township', '420323104', 'twn');
      county = await t.login('cty');
      township = await t.login('twn');
    });
    after(() => t.close());

    it('builds HQ → battle zone → command post with commanders and members, audited', async () => {
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
        regionCode: '420323104211',
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
      const refused = await t.call(township, 'PATCH', `/api/command-units/${post.json().id}`, { commanderId: sec.id });
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().error.details[0].path, 'commanderId');
    });

    it('rejects a unit whose kind does not fit its region, or whose parent is elsewhere, changing nothing', async () => {
      const before = [await count(t, 'command_unit'), await count(t, 'audit_log')];
      const wrongLevel = await t.call(county, 'POST', '/api/command-units', {
        regionCode: '420323104211',
        kind: 'battle_zone',
        name: 'x',
      });
      assert.equal(wrongLevel.statusCode, 400);
      assert.equal(wrongLevel.json().error.details[0].path, 'regionCode');
      const elsewhere = await buildPerson(t.db, '420323103');
      void elsewhere;
      const otherZone = await t.call(county, 'POST', '/api/command-units', {
        regionCode: '420323103',
        kind: 'battle_zone',
        name: '宝丰镇攻坚战区',
      });
      const wrongParent = await t.call(county, 'POST', '/api/command-units', {
        regionCode: '420323104211',
        kind: 'command_post',
        name: 'y',
        parentId: otherZone.json().id,
      });
      assert.equal(wrongParent.statusCode, 400);
      assert.equal(wrongParent.json().error.details[0].path, 'parentId');
      const missingName = await t.call(county, 'POST', '/api/command-units', {
        regionCode: '420323104211',
        kind: 'command_post',
        name: '',
      });
      assert.equal(missingName.json().error.details[0].path, 'name');
      const badKind = await t.call(county, 'POST', '/api/command-units', {
        regionCode: '420323104211',
        kind: 'army',
        name: 'z',
      });
      assert.equal(badKind.json().error.details[0].path, 'kind');
      assert.deepEqual([await count(t, 'command_unit'), await count(t, 'audit_log')], [before[0]! + 1, before[1]! + 1]);
    });

    it('reveals a phone only to a role allowed to, and audits the reveal', async () => {
      const id = await buildPerson(t.db, '420323104211');
      assert.equal((await t.call(township, 'POST', `/api/people/${id}/reveal`)).statusCode, 403);
      const res = await t.call(county, 'POST', `/api/people/${id}/reveal`);
      assert.equal(res.json().phone, '13800138000');
      const list = (await t.call(county, 'GET', '/api/people?region=420323104211')).json();
      assert.ok(list.items.every((p: { phone: string | null }) => !p.phone || p.phone.includes('****')));
      const audit = await t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'reveal')
        .executeTakeFirstOrThrow();
      assert.equal(audit.entity_id, String(id));
    });

    it('deletes a unit and keeps its people', async () => {
      const list = (await t.call(county, 'GET', '/api/command-units?region=420323104211')).json();
      const people = await count(t, 'person');
      assert.equal((await t.call(township, 'DELETE', `/api/command-units/${list.items[0].id}`)).statusCode, 204);
      assert.equal((await t.call(township, 'GET', `/api/command-units/${list.items[0].id}`)).statusCode, 404);
      assert.equal(await count(t, 'person'), people);
    });
  });
}

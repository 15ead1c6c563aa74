import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { todayInChina } from '../src/core/clock.ts';
import { addDays, cadreBody, idNumber } from './fixtures.ts';
import { DIALECTS, eachTest, type Session, type TestApp } from './harness.ts';

/**
 * Versions of the cadre core's editable records over HTTP: one cadre edited by two people (one after the other,
 * and at once), help units, partners and teams, the import's update; and the phone forms.
 */

const LONGJING = '420323103211'; // 龙井村, 宝丰镇

const start = addDays(todayInChina(), -200);

/** 刘晓梅, managed in 龙井村, created through the API by the township (phone and ID number stored in full). */
async function createLiu(t: TestApp, township: Session) {
  const res = await t.call(township, 'POST', '/api/cadres', cadreBody());
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

for (const dialect of DIALECTS) {
  describe(`cadre versions and phones [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => ({
      county: await t.as('county', '420323', 'cty'),
      township: await t.as('township', '420323103', 'twn'),
    }));

    it('one cadre, two editors: reads carry the version and an ETag; no version is 428; stale is 409 with the current record', async () => {
      const { t, county, township } = app();
      const c = await createLiu(t, township);
      const read = await t.call(county, 'GET', `/api/cadres/${c.id}`);
      assert.equal(read.json().version, 1);
      assert.equal(read.headers.etag, '"1"');
      const listed = (await t.call(county, 'GET', `/api/cadres?region=${LONGJING}`)).json().items[0];
      assert.equal(listed.version, 1);
      const none = await t.call(county, 'PATCH', `/api/cadres/${c.id}`, { post: '无版本' });
      assert.equal(none.statusCode, 428, none.body);
      assert.equal(none.json().error.code, 'PRECONDITION_REQUIRED');
      // the township saves first …
      const first = await t.call(township, 'PATCH', `/api/cadres/${c.id}`, { post: '驻村工作队员', version: 1 });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().version, 2);
      assert.equal(first.headers.etag, '"2"');
      // … the county, still holding version 1, loses and is shown the record as it is now (masked, as read)
      const second = await t.call(county, 'PATCH', `/api/cadres/${c.id}`, { post: '第一书记', version: 1 });
      assert.equal(second.statusCode, 409, second.body);
      const err = second.json().error;
      assert.equal(err.code, 'VERSION_CONFLICT');
      assert.equal(err.current.post, '驻村工作队员');
      assert.equal(err.current.version, 2);
      assert.equal(err.current.phone, '138****1111');
      assert.match(err.current.idNumber, /\*/);
      const stored = await t.db.selectFrom('person').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
      assert.equal(stored.post, '驻村工作队员');
      assert.equal(stored.version, 2);
      assert.equal(
        Number(
          (
            await t.db
              .selectFrom('audit_log')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('entity', '=', 'person')
              .where('entity_id', '=', String(c.id))
              .where('action', '=', 'update')
              .executeTakeFirstOrThrow()
          ).n,
        ),
        1,
        'the lost write left no audit row',
      );
      // overwriting consciously, with the version from the conflict (or If-Match)
      const again = await t.call(
        county,
        'PATCH',
        `/api/cadres/${c.id}`,
        { post: '第一书记' },
        { 'if-match': `"${err.current.version}"` },
      );
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json().post, '第一书记');
      assert.equal(again.json().version, 3);
    });

    it('one cadre, two editors at once: exactly one 200 and one 409', async () => {
      const { t, county, township } = app();
      const c = await createLiu(t, township);
      const results = await Promise.all([
        t.call(county, 'PATCH', `/api/cadres/${c.id}`, { post: '甲', version: 1 }),
        t.call(township, 'PATCH', `/api/cadres/${c.id}`, { post: '乙', version: 1 }),
      ]);
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409], results.map((r) => r.body).join('\n'));
      const winner = results.find((r) => r.statusCode === 200)!;
      const stored = (await t.call(county, 'GET', `/api/cadres/${c.id}`)).json();
      assert.equal(stored.version, 2);
      assert.equal(stored.post, winner.json().post);
      assert.equal(results.find((r) => r.statusCode === 409)!.json().error.current.post, stored.post);
    });

    it('help units, partners and teams: versioned edits (428 without, 409 with the current record when stale)', async () => {
      const { t, county } = app();
      const unit = (
        await t.call(county, 'POST', '/api/help-units', {
          name: '竹山县财政局',
          level: 'county',
          kind: 'party_gov',
          regionCode: '420323',
        })
      ).json();
      const partner = (
        await t.call(county, 'POST', '/api/partners', { name: '龙井茶厂', kind: 'enterprise', regionCode: LONGJING })
      ).json();
      const team = (
        await t.call(county, 'POST', '/api/teams', { regionCode: LONGJING, name: '龙井村工作队', startDate: start })
      ).json();
      const cases: [string, number, { name: string }, (r: { name: string }) => string][] = [
        ['/api/help-units', unit.id, { name: '竹山县财政局（新）' }, (r) => r.name],
        ['/api/partners', partner.id, { name: '龙井茶厂（新）' }, (r) => r.name],
        ['/api/teams', team.id, { name: '龙井村工作队（新）' }, (r) => r.name],
      ];
      for (const [path, id, patch, name] of cases) {
        assert.equal((await t.call(county, 'PATCH', `${path}/${id}`, patch)).statusCode, 428, path);
        const ok = await t.call(county, 'PATCH', `${path}/${id}`, { ...patch, version: 1 });
        assert.equal(ok.statusCode, 200, `${path}: ${ok.body}`);
        assert.equal(ok.json().version, 2, path);
        const stale = await t.call(county, 'PATCH', `${path}/${id}`, { name: '别的名称', version: 1 });
        assert.equal(stale.statusCode, 409, `${path}: ${stale.body}`);
        assert.equal(stale.json().error.code, 'VERSION_CONFLICT', path);
        assert.equal(name(stale.json().error.current), patch.name, path);
        assert.equal(stale.json().error.current.version, 2, path);
      }
      // the partner's phone stays masked in the conflict, as a read shows it
      await t.db.updateTable('partner').set({ phone: '13911112222' }).where('id', '=', partner.id).execute();
      const stale = await t.call(county, 'PATCH', `/api/partners/${partner.id}`, { contact: '周总', version: 1 });
      assert.equal(stale.json().error.current.phone, '139****2222');
    });

    it('phones: mobile or landline with area code; a masked one sent back keeps the stored number', async () => {
      const { t, county } = app();
      for (const phone of ['12345', '1380013800', '719-1234567', '138****11'])
        assert.equal(
          (await t.call(county, 'POST', '/api/cadres', { name: '王', phone, regionCode: '420323' })).statusCode,
          400,
          phone,
        );
      const landline = await t.call(county, 'POST', '/api/partners', {
        name: '竹山县茶业公司',
        kind: 'enterprise',
        regionCode: '420323',
        phone: '0719-4221234',
      });
      assert.equal(landline.statusCode, 201, landline.body);
      const masked = landline.json().phone as string;
      assert.match(masked, /\*{4}/);
      const kept = await t.call(county, 'PATCH', `/api/partners/${landline.json().id}`, {
        phone: masked,
        contact: '李',
        version: 1,
      });
      assert.equal(kept.statusCode, 200, kept.body);
      const stored = await t.db
        .selectFrom('partner')
        .select('phone')
        .where('id', '=', landline.json().id)
        .executeTakeFirstOrThrow();
      assert.equal(stored.phone, '0719-4221234');
      // a masked number of no record is refused: the full number is needed
      const made = await t.call(county, 'POST', '/api/partners', {
        name: '竹山县果业公司',
        kind: 'enterprise',
        regionCode: '420323',
        phone: '139****2222',
      });
      assert.equal(made.statusCode, 400, made.body);
      assert.equal(made.json().error.details[0].path, 'phone');
    });

    it('an import that updates a cadre by ID number moves the version: a form holding the old one gets 409', async () => {
      const { t, county, township } = app();
      const c = await createLiu(t, township);
      const headers = ['姓名', '身份证号', '职务', '管理区划代码'];
      const csv = [headers, ['刘晓梅', idNumber('1992-09-09', 44, false), '驻村第一书记', LONGJING]]
        .map((r) => r.join(','))
        .join('\r\n');
      const boundary = 'xhcadreimport';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="c.csv"\r\nContent-Type: text/csv\r\n\r\n`;
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/imports/cadres?mode=commit',
        payload: Buffer.concat([Buffer.from(head), Buffer.from(csv), Buffer.from(`\r\n--${boundary}--\r\n`)]),
        headers: {
          cookie: county.cookie,
          'x-csrf-token': county.csrf,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().updated, 1, res.body);
      const now = (await t.call(county, 'GET', `/api/cadres/${c.id}`)).json();
      assert.equal(now.post, '驻村第一书记');
      assert.equal(now.version, 2);
      const stale = await t.call(township, 'PATCH', `/api/cadres/${c.id}`, { rank: '科员', version: c.version });
      assert.equal(stale.statusCode, 409, stale.body);
      assert.equal(stale.json().error.current.post, '驻村第一书记');
    });
  });
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { todayInChina } from '../src/core/clock.ts';
import { buildCadre, buildHelpUnit, buildStation } from './factories.ts';
import { addDays, addYears, cadreBody, idNumber } from './fixtures.ts';
import { DIALECTS, eachTest, type Session, type TestApp } from './harness.ts';

/** Cadres, help units and partners over HTTP: create, list by role and region, masking, reveal, bad input. */

const LONGJING = '420323103211'; // 龙井村, 宝丰镇
const HUACHANG = '420323103200'; // 铧厂村, 宝丰镇
const DONG = '420323104211'; // 董家沟村, 擂鼓镇

const count = async (t: TestApp, table: 'person' | 'help_unit' | 'partner' | 'audit_log') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const today = todayInChina();
const start = addDays(today, -200);
const end = addDays(addYears(start, 2), -1);

/** 刘晓梅, managed in 龙井村, created through the API by the township (phone and ID number stored in full). */
async function createLiu(t: TestApp, township: Session) {
  const res = await t.call(township, 'POST', '/api/cadres', cadreBody());
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

/**
 * The cadres of the listing test: a first secretary sent by a provincial unit and a team member in 龙井村, a former
 * secretary there, a county leader linked to 龙井村 and 董家沟村, a first secretary in 董家沟村.
 */
async function buildListing(t: TestApp) {
  const unit = await buildHelpUnit(t.db, { name: '湖北省交通运输厅', level: 'provincial', regionCode: '420000' });
  const fs = await buildCadre(t.db, '420323', { name: '第一书记甲', birthDate: '1980-01-01', unitId: unit });
  const member = await buildCadre(t.db, '420323103', { name: '队员乙', birthDate: '1995-01-01' });
  const past = await buildCadre(t.db, '420323', { name: '前任丙' });
  const leader = await buildCadre(t.db, '420323', { name: '县领导丁' });
  const elsewhere = await buildCadre(t.db, '420323104', { name: '擂鼓戊' });
  await buildStation(t.db, fs, LONGJING, 'first_secretary', { start, end, unitId: unit });
  await buildStation(t.db, member, LONGJING, 'team_member', { start, end });
  const former = await buildStation(t.db, past, LONGJING, 'first_secretary', {
    start: addYears(start, -2),
    end: addDays(start, -1),
  });
  await t.db
    .updateTable('stationing')
    .set({ ended_on: addDays(start, -1), end_reason: 'completed' })
    .where('id', '=', former)
    .execute();
  await buildStation(t.db, leader, LONGJING, 'county_leader', { start, end: null });
  await buildStation(t.db, leader, DONG, 'county_leader', { start, end: null });
  await buildStation(t.db, elsewhere, DONG, 'first_secretary', { start, end });
  return { unit, fs, past, elsewhere };
}

for (const dialect of DIALECTS) {
  describe(`cadres, units and partners [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => ({
      county: await t.as('county', '420323', 'cty'),
      township: await t.as('township', '420323103', 'twn'),
      village: await t.as('village', LONGJING, 'vil'),
      admin: await t.as('admin', '000000000000', 'adm'),
      otherCounty: await t.as('county', '420322', 'yx'),
    }));

    it('creates a cadre, masked in the answer, audited', async () => {
      const { t, county } = app();
      const auditBefore = await count(t, 'audit_log');
      const unit = await buildHelpUnit(t.db, { name: '竹山县人社局', level: 'county' });
      const res = await t.call(county, 'POST', '/api/cadres', {
        name: '陈立新',
        idNumber: idNumber('1988-04-12', 31),
        education: 'master',
        politicalStatus: 'cpc',
        phone: '13907195678',
        post: '副局长',
        rank: '副科级',
        unitId: unit,
        regionCode: '420323',
      });
      assert.equal(res.statusCode, 201, res.body);
      const c = res.json();
      assert.equal(c.name, '陈立新');
      assert.equal(c.phone, '139****5678');
      assert.match(c.idNumber, /^420323\*{8}\d{3}[\dX]$/);
      // birth date and gender from the ID number
      assert.equal(c.birthDate, '1988-04-12');
      assert.equal(c.gender, 'male');
      const birthdayPassed = today.slice(5) >= '04-12';
      assert.equal(c.age, Number(today.slice(0, 4)) - 1988 - (birthdayPassed ? 0 : 1));
      assert.deepEqual(c.unit, { id: unit, name: '竹山县人社局', level: 'county' });
      assert.equal(c.regionName, '竹山县');
      assert.deepEqual(c.stations, []);
      assert.equal(c.canEdit, true);
      assert.equal(c.canReveal, true);
      const stored = await t.db.selectFrom('person').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
      assert.equal(stored.phone, '13907195678');
      assert.equal(stored.id_number, idNumber('1988-04-12', 31));
      const audit = await t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('entity', '=', 'person')
        .where('entity_id', '=', String(c.id))
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['create'],
      );
      assert.equal(await count(t, 'audit_log'), auditBefore + 1);
    });

    it('refuses bad cadre input naming each field, and changes nothing', async () => {
      const { t, county, village } = app();
      const people = await count(t, 'person');
      const audits = await count(t, 'audit_log');
      const cases: [Record<string, unknown>, string, number][] = [
        [{ name: '', regionCode: '420323' }, 'name', 400],
        [{ name: '王', birthDate: addDays(today, 1), regionCode: '420323' }, 'birthDate', 400],
        [{ name: '王', birthDate: '1990-02-30', regionCode: '420323' }, 'birthDate', 400],
        [{ name: '王', idNumber: `${idNumber('1990-01-01', 1).slice(0, 17)}Y`, regionCode: '420323' }, 'idNumber', 400],
        [
          { name: '王', idNumber: idNumber('1990-01-01', 1), birthDate: '1990-01-02', regionCode: '420323' },
          'idNumber',
          400,
        ],
        [{ name: '王', idNumber: '420323********1234', regionCode: '420323' }, 'idNumber', 400],
        [{ name: '王', education: 'phd', regionCode: '420323' }, 'education', 400],
        [{ name: '王', politicalStatus: 'party', regionCode: '420323' }, 'politicalStatus', 400],
        [{ name: '王', phone: 'call me', regionCode: '420323' }, 'phone', 400],
        [{ name: '王', unitId: 999999, regionCode: '420323' }, 'unitId', 400],
        [{ name: '王', regionCode: '42032' }, 'regionCode', 400],
      ];
      for (const [body, field, status] of cases) {
        const res = await t.call(county, 'POST', '/api/cadres', body);
        assert.equal(res.statusCode, status, `${field}: ${res.body}`);
        assert.ok(
          res.json().error.details.some((d: { path: string }) => d.path === field),
          `${field}: ${res.body}`,
        );
      }
      // outside the caller's scope
      assert.equal((await t.call(county, 'POST', '/api/cadres', { name: '王', regionCode: '420322' })).statusCode, 403);
      assert.equal(
        (await t.call(village, 'POST', '/api/cadres', { name: '王', regionCode: HUACHANG })).statusCode,
        403,
      );
      assert.equal(await count(t, 'person'), people);
      assert.equal(await count(t, 'audit_log'), audits);
    });

    it('keeps masked values sent back by an edit, refuses other masked values and duplicate ID numbers', async () => {
      const { t, township, village } = app();
      const c = await createLiu(t, township);
      const res = await t.call(township, 'PATCH', `/api/cadres/${c.id}`, {
        post: '驻村工作队员',
        phone: c.phone,
        idNumber: c.idNumber,
        version: c.version,
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().post, '驻村工作队员');
      const version = res.json().version as number;
      const stored = await t.db.selectFrom('person').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
      assert.equal(stored.phone, '13800001111');
      assert.equal(stored.id_number, idNumber('1992-09-09', 44, false));
      // a kept ID number must still agree with a changed birth date
      const birth = await t.call(township, 'PATCH', `/api/cadres/${c.id}`, { birthDate: '1992-09-10', version });
      assert.equal(birth.statusCode, 400, birth.body);
      assert.equal(birth.json().error.details[0].path, 'idNumber');
      const wrong = await t.call(township, 'PATCH', `/api/cadres/${c.id}`, { phone: '138****2222', version });
      assert.equal(wrong.statusCode, 400, wrong.body);
      assert.equal(wrong.json().error.details[0].path, 'phone');
      const dup = await t.call(township, 'POST', '/api/cadres', {
        name: '刘晓梅二',
        idNumber: idNumber('1992-09-09', 44, false),
        regionCode: LONGJING,
      });
      assert.equal(dup.statusCode, 409, dup.body);
      // the village of the record may edit it; another township's record may not be moved here
      const ranked = await t.call(village, 'PATCH', `/api/cadres/${c.id}`, { rank: '科员', version });
      assert.equal(ranked.json().rank, '科员');
      assert.equal(
        (
          await t.call(village, 'PATCH', `/api/cadres/${c.id}`, {
            regionCode: HUACHANG,
            version: ranked.json().version,
          })
        ).statusCode,
        403,
      );
      assert.equal(
        (await t.db.selectFrom('person').select('region_code').where('id', '=', c.id).executeTakeFirstOrThrow())
          .region_code,
        LONGJING,
      );
    });

    it('reveals phone and ID number to the county only, audited', async () => {
      const { t, county, township, otherCounty } = app();
      await createLiu(t, township);
      const c = (await t.call(county, 'GET', `/api/cadres?region=${LONGJING}&q=${encodeURIComponent('刘晓梅')}`)).json()
        .items[0];
      assert.equal(c.phone, '138****1111');
      assert.equal((await t.call(township, 'POST', `/api/cadres/${c.id}/reveal`)).statusCode, 403);
      assert.equal((await t.call(otherCounty, 'POST', `/api/cadres/${c.id}/reveal`)).statusCode, 403);
      const res = await t.call(county, 'POST', `/api/cadres/${c.id}/reveal`);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { idNumber: idNumber('1992-09-09', 44, false), phone: '13800001111' });
      const audit = await t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'reveal')
        .where('entity_id', '=', String(c.id))
        .execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.username, 'cty');
    });

    it('lists cadres by role and region: holders of the role now, managed or stationed in the region', async () => {
      const { t, county, township, otherCounty } = app();
      await createLiu(t, township);
      const { unit, past, elsewhere } = await buildListing(t);

      const names = async (s: Session, query: string) => {
        const res = await t.call(s, 'GET', `/api/cadres?${query}`);
        assert.equal(res.statusCode, 200, res.body);
        const body = res.json();
        assert.equal(body.total, body.items.length);
        return body.items.map((i: { name: string }) => i.name).sort();
      };
      assert.deepEqual(await names(county, `region=${LONGJING}&role=first_secretary`), ['第一书记甲']);
      assert.deepEqual(await names(county, `region=420323&role=first_secretary`), ['第一书记甲', '擂鼓戊'].sort());
      assert.deepEqual(await names(county, `region=420323103&role=team_member`), ['队员乙']);
      assert.deepEqual(await names(county, `region=420323&role=county_leader`), ['县领导丁']);
      assert.deepEqual(await names(township, `role=county_leader`), ['县领导丁']);
      // without a role: managed in 龙井村 (刘晓梅) or stationed there now (not the former secretary)
      assert.deepEqual(
        await names(county, `region=${LONGJING}`),
        ['刘晓梅', '县领导丁', '第一书记甲', '队员乙'].sort(),
      );
      assert.deepEqual(
        await names(county, `region=${LONGJING}&active=true`),
        ['县领导丁', '第一书记甲', '队员乙'].sort(),
      );
      assert.deepEqual(await names(county, `region=420323&active=false&q=${encodeURIComponent('前任')}`), ['前任丙']);
      assert.deepEqual(await names(county, `unitId=${unit}`), ['第一书记甲']);
      // the county leader's current links, as a township sees them: only its own villages
      const asTownship = (await t.call(township, 'GET', `/api/cadres?role=county_leader`)).json().items[0];
      assert.deepEqual(
        asTownship.stations.map((s: { regionCode: string }) => s.regionCode),
        [LONGJING],
      );
      const asCounty = (await t.call(county, 'GET', `/api/cadres?role=county_leader`)).json().items[0];
      assert.equal(asCounty.stations.length, 2);
      // a region narrows the list, not the roles each cadre shows: the county still sees the link in 董家沟村
      const inLongjing = (await t.call(county, 'GET', `/api/cadres?region=${LONGJING}&role=county_leader`)).json();
      assert.deepEqual(
        inLongjing.items[0].stations.map((s: { regionCode: string }) => s.regionCode).sort(),
        [LONGJING, DONG].sort(),
      );
      const sec = (await t.call(county, 'GET', `/api/cadres?region=${LONGJING}&role=first_secretary`)).json().items[0];
      assert.equal(sec.age, Number(today.slice(0, 4)) - 1980);
      assert.deepEqual(sec.unit, { id: unit, name: '湖北省交通运输厅', level: 'provincial' });
      assert.equal(sec.stations.length, 1);
      assert.equal(sec.stations[0].role, 'first_secretary');
      assert.equal(sec.stations[0].regionName, '龙井村');
      assert.equal(sec.stations[0].active, true);
      assert.equal(sec.stations[0].unit.name, '湖北省交通运输厅');
      // paging
      const page = (await t.call(county, 'GET', `/api/cadres?region=${LONGJING}&pageSize=2&page=2`)).json();
      assert.equal(page.total, 4);
      assert.equal(page.items.length, 2);
      assert.equal((await t.call(county, 'GET', `/api/cadres?pageSize=201`)).statusCode, 400);
      // the former secretary's detail keeps the history
      const detail = (await t.call(county, 'GET', `/api/cadres/${past}`)).json();
      assert.equal(detail.stations.length, 1);
      assert.equal(detail.stations[0].active, false);
      // scope: 擂鼓镇's secretary is not the township's; another county sees none
      assert.equal((await t.call(township, 'GET', `/api/cadres/${elsewhere}`)).statusCode, 403);
      assert.equal((await t.call(township, 'GET', `/api/cadres?region=420323104`)).statusCode, 403);
      assert.equal((await t.call(otherCounty, 'GET', '/api/cadres')).json().total, 0);
      assert.equal((await t.call(county, 'GET', '/api/cadres/999999')).statusCode, 404);
    });

    it('keeps help units as reference data with scoped writes', async () => {
      const { t, county, township, village, admin, otherCounty } = app();
      await buildListing(t);
      const units = await count(t, 'help_unit');
      const created = await t.call(county, 'POST', '/api/help-units', {
        name: '竹山县财政局',
        level: 'county',
        kind: 'party_gov',
        regionCode: '420323',
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().regionName, '竹山县');
      const central = await t.call(admin, 'POST', '/api/help-units', {
        name: '国家开发银行',
        level: 'central',
        kind: 'state_enterprise',
        regionCode: '000000000000',
      });
      assert.equal(central.statusCode, 201, central.body);
      // central units outside a county: admin only; townships and villages never write units
      for (const [s, body] of [
        [county, { name: '某中央单位', level: 'central', kind: 'party_gov', regionCode: '000000000000' }],
        [township, { name: '宝丰镇政府', level: 'township', kind: 'party_gov', regionCode: '420323103' }],
        [village, { name: '龙井村委', level: 'township', kind: 'other', regionCode: LONGJING }],
        [otherCounty, { name: '越权', level: 'county', kind: 'other', regionCode: '420323' }],
      ] as const)
        assert.equal((await t.call(s, 'POST', '/api/help-units', body)).statusCode, 403);
      const dup = await t.call(county, 'POST', '/api/help-units', {
        name: '竹山县财政局',
        level: 'county',
        kind: 'party_gov',
        regionCode: '420323',
      });
      assert.equal(dup.statusCode, 409);
      assert.equal(
        (await t.call(county, 'PATCH', `/api/help-units/${central.json().id}`, { name: '越权', version: 1 }))
          .statusCode,
        403,
      );
      const patched = await t.call(county, 'PATCH', `/api/help-units/${created.json().id}`, {
        kind: 'institution',
        version: created.json().version,
      });
      assert.equal(patched.json().kind, 'institution');
      assert.equal(await count(t, 'help_unit'), units + 2);

      // readable by every role; counts of cadres and villages
      const list = await t.call(village, 'GET', `/api/help-units?level=provincial`);
      assert.equal(list.statusCode, 200, list.body);
      const prov = list.json().items.find((u: { name: string }) => u.name === '湖北省交通运输厅');
      assert.equal(prov.villages, 1); // 龙井村, in the village's scope
      assert.equal(prov.cadres, 0); // the secretary is managed by the county, outside the village's scope
      const byCounty = (await t.call(county, 'GET', `/api/help-units?q=${encodeURIComponent('交通运输')}`)).json();
      assert.equal(byCounty.total, 1);
      assert.equal(byCounty.items[0].cadres, 1);
      assert.equal((await t.call(otherCounty, 'GET', '/api/help-units?level=central')).json().total, 1);
    });

    it('keeps partners region-scoped with masked phones', async () => {
      const { t, county, township, otherCounty } = app();
      const created = await t.call(township, 'POST', '/api/partners', {
        name: '宝丰镇茶叶专业合作社',
        kind: 'cooperative',
        regionCode: LONGJING,
        contact: '周经理',
        phone: '13911112222',
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().phone, '139****2222');
      assert.equal(
        (
          await t.call(township, 'PATCH', `/api/partners/${created.json().id}`, {
            contact: '周总',
            phone: '139****2222',
            version: created.json().version,
          })
        ).json().contact,
        '周总',
      );
      assert.equal((await t.db.selectFrom('partner').select('phone').executeTakeFirstOrThrow()).phone, '13911112222');
      assert.equal(
        (
          await t.call(otherCounty, 'POST', '/api/partners', {
            name: '越权企业',
            kind: 'enterprise',
            regionCode: LONGJING,
          })
        ).statusCode,
        403,
      );
      assert.equal((await t.call(county, 'GET', '/api/partners?kind=cooperative')).json().total, 1);
      assert.equal((await t.call(otherCounty, 'GET', '/api/partners')).json().total, 0);
      assert.equal((await t.call(otherCounty, 'GET', `/api/partners?region=${LONGJING}`)).statusCode, 403);
    });
  });
}

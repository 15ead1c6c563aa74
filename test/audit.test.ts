// The audit log is scoped (an administrator of a county reads the county's rows; rows no region owns, such as
// logins, are the nation's) and masks ID numbers and phones for a reader who may not reveal them in the row's
// region, so the log is no way around the audited reveal.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Actor, Grant } from '../src/core/access/permissions.ts';
import { Scope } from '../src/core/access/scope.ts';
import { auditList } from '../src/core/modules/audit/service.ts';
import { buildUser } from './factories.ts';
import { household, idNumber } from './fixtures.ts';
import { DIALECTS, eachTest, type Session, type TestApp } from './harness.ts';

const NATION = '000000000000';
const DONG = '420323104211'; // 董家沟村, 擂鼓镇, 竹山县
const EAST = '420322100001'; // 东方居委会, 城关镇, 郧西县
const HEAD_ID = idNumber('1970-03-05', 11);

interface Item {
  action: string;
  entity: string;
  regionCode: string | null;
  before: unknown;
  after: unknown;
  changes: { path: (string | number)[]; item?: string; before: unknown; after: unknown }[] | null;
  masked: boolean;
}

const userActor = (username: string, grants: Grant[]): Actor => ({ kind: 'user', userId: 0, username, grants });

for (const dialect of DIALECTS) {
  describe(`audit log: scope and masking [${dialect}]`, () => {
    // A household of 董家沟村 created and then edited (a new phone), one of 郧西县 created, and a login.
    const app = eachTest(dialect, async (t) => {
      const village = await t.as('village', DONG);
      const created = await t.call(village, 'POST', '/api/households', household('DJG-0001', DONG));
      assert.equal(created.statusCode, 201, created.body);
      const edited = await t.call(village, 'PUT', `/api/households/${created.json().id}`, {
        ...household('DJG-0001', DONG, { phone: '13907190002' }),
        version: created.json().version,
      });
      assert.equal(edited.statusCode, 200, edited.body);
      const east = await t.as('village', EAST);
      const other = await t.call(east, 'POST', '/api/households', household('EAST-0001', EAST));
      assert.equal(other.statusCode, 201, other.body);
      await buildUser(t.db, 'village', DONG, 'walker');
      await t.login('walker');
      // A name nobody holds: its failed login belongs to no region.
      await t.call(null, 'POST', '/api/auth/login', { username: 'nobody', password: 'wrong-pass-1' });
      return {
        national: await t.as('admin', NATION, 'national'),
        zhushan: await t.as('admin', '420323', 'zhushan_admin'),
        yunxi: await t.as('admin', '420322', 'yunxi_admin'),
      };
    });
    const read = async (t: TestApp, s: Session, query = '') => {
      const res = await t.call(s, 'GET', `/api/audit?pageSize=500${query}`);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as { items: Item[]; total: number };
      assert.equal(body.total, body.items.length);
      return body.items;
    };
    const regions = (items: Item[]) => [...new Set(items.map((i) => i.regionCode))].sort();

    it('an administrator of a county reads the rows of the county; rows no region owns are the nation’s', async () => {
      const { t, national, zhushan, yunxi } = app();
      const county = await read(t, zhushan);
      assert.deepEqual(regions(county), [DONG]);
      assert.ok(
        county.some((i) => i.action === 'login' && i.regionCode === DONG),
        'a user’s login belongs to the region of its roles',
      );
      assert.deepEqual(regions(await read(t, yunxi)), [EAST]);
      const all = await read(t, national);
      assert.deepEqual(regions(all), [EAST, DONG, null].sort());
      assert.ok(all.some((i) => i.action === 'login_failed' && i.regionCode === null));
      // Narrowed to a region: its rows only, none without a region.
      assert.deepEqual(regions(await read(t, national, '&region=420323')), [DONG]);
      assert.equal((await t.call(zhushan, 'GET', '/api/audit?region=420322')).statusCode, 403);
      assert.equal((await t.call(zhushan, 'GET', '/api/audit?region=420399')).statusCode, 404);
    });

    it('an administrator (pii.reveal in its scope) reads the ID numbers and phones of a household edit whole', async () => {
      const { t, national, zhushan } = app();
      for (const s of [national, zhushan]) {
        const edit = (await read(t, s, '&entity=household&action=update'))[0]!;
        assert.equal(edit.masked, false);
        assert.ok(JSON.stringify(edit.before).includes(HEAD_ID));
        assert.equal((edit.after as { phone: string }).phone, '13907190002');
      }
    });

    it('a household edit’s row: masked for a township user (no pii.reveal), whole for a county user', async () => {
      const { t } = app();
      const query = { entity: 'household', action: 'update', page: 1, pageSize: 20 };
      const township = userActor('leigu', [{ role: 'township', scopeCode: '420323104000' }]);
      const county = userActor('zhushan', [{ role: 'county', scopeCode: '420323000000' }]);
      // Each reads through its own scope (household.read: its township, its county).
      const [masked] = (await auditList(t.db, Scope.of(township, 'household.read'), query)).items;
      const [whole] = (await auditList(t.db, Scope.of(county, 'household.read'), query)).items;
      assert.equal(masked!.masked, true);
      assert.equal(whole!.masked, false);
      // Before and after in one shape: the household's fields, members and years as the detail names them.
      type Image = { phone: string | null; members: { idNumber: string; phone: string | null }[] };
      const before = (row: typeof masked) => row!.before as Image;
      const after = (row: typeof masked) => row!.after as Image;
      assert.equal(before(whole).members[0]!.idNumber, HEAD_ID);
      assert.equal(before(masked).members[0]!.idNumber, `${HEAD_ID.slice(0, 6)}********${HEAD_ID.slice(-4)}`);
      assert.equal(before(masked).members[0]!.phone, '139****0001');
      assert.equal(after(whole).members[0]!.idNumber, HEAD_ID);
      assert.equal(after(masked).members[0]!.idNumber, `${HEAD_ID.slice(0, 6)}********${HEAD_ID.slice(-4)}`);
      assert.equal(after(masked).phone, '139****0002');
      assert.equal(after(whole).phone, '13907190002');
      // Nothing else is touched: names and codes read the same.
      assert.equal(JSON.stringify(before(masked)).includes('张大山'), true);
      assert.ok(!JSON.stringify([masked!.before, masked!.after]).includes(HEAD_ID));
      assert.ok(!JSON.stringify([masked!.before, masked!.after]).includes('13907190002'));
    });

    it('an update lists only the fields it changed; a creation lists none', async () => {
      const { t, zhushan } = app();
      const [edit] = await read(t, zhushan, '&entity=household&action=update');
      assert.deepEqual(edit!.changes, [{ path: ['phone'], before: null, after: '13907190002' }]);
      assert.equal((edit as Item & { regionName: string }).regionName, '董家沟村');
      const [created] = await read(t, zhushan, '&entity=household&action=create');
      assert.equal(created!.changes, null);
      // A member's new ID number and an income of a year: named by the member, by the year.
      const village = await t.as('village', DONG);
      const id = Number(
        (await t.db.selectFrom('household').select('id').where('code', '=', 'DJG-0001').executeTakeFirstOrThrow()).id,
      );
      const detail = (await t.call(village, 'GET', `/api/households/${id}`)).json();
      const body = household('DJG-0001', DONG, { phone: '13907190002' }) as ReturnType<typeof household> & {
        members: { idNumber: string }[];
        years: { incomeWage: number }[];
      };
      body.members[1]!.idNumber = idNumber('1972-08-09', 14, false);
      body.years[0]!.incomeWage = 3500;
      const res = await t.call(village, 'PUT', `/api/households/${id}`, { ...body, version: detail.version });
      assert.equal(res.statusCode, 200, res.body);
      const [again] = await read(t, zhushan, '&entity=household&action=update');
      assert.deepEqual(
        again!.changes!.map((c) => [c.path.join('.'), c.item ?? null, c.before, c.after]),
        [
          ['members.1.idNumber', '李秀英', idNumber('1972-08-09', 12, false), idNumber('1972-08-09', 14, false)],
          ['years.2019.incomeWage', null, 3000, 3500],
          ['years.2019.netIncome', null, 4600, 5100],
          ['years.2019.perCapitaIncome', null, 2300, 2550],
        ],
      );
      // The same change, to a reader who may not reveal: masked, still listed.
      const inspector = await t.as('inspector', '420323');
      const [masked] = await read(t, inspector, '&entity=household&action=update');
      assert.equal(masked!.masked, true);
      const idChange = masked!.changes!.find((c) => c.path.join('.') === 'members.1.idNumber')!;
      const mask = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;
      assert.deepEqual(
        [idChange.before, idChange.after],
        [mask(idNumber('1972-08-09', 12, false)), mask(idNumber('1972-08-09', 14, false))],
      );
      assert.ok(!JSON.stringify(masked).includes(idNumber('1972-08-09', 14, false)));
    });

    it('the user picker offers the users of the reader’s scope only', async () => {
      const { t, zhushan, yunxi } = app();
      const names = async (s: Session, query = '') => {
        const res = await t.call(s, 'GET', `/api/audit/users${query}`);
        assert.equal(res.statusCode, 200, res.body);
        return (res.json().items as { username: string }[]).map((u) => u.username).sort();
      };
      assert.ok((await names(zhushan)).includes('walker'));
      assert.deepEqual(await names(zhushan, '?q=walk'), ['walker']);
      assert.ok(!(await names(yunxi)).includes('walker'));
      assert.equal((await t.call(zhushan, 'GET', '/api/audit/users?region=420322')).statusCode, 403);
      const township = await t.as('township', '420323104');
      assert.equal((await t.call(township, 'GET', '/api/audit/users')).statusCode, 403);
      const inspector = await t.as('inspector', '420323');
      assert.ok((await names(inspector, '?q=walk')).includes('walker'));
    });
  });
}

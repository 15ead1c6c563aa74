import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { buildUser } from './factories.ts';
import { household, idNumber } from './fixtures.ts';
import { DIALECTS, testApp, type Session, type TestApp } from './harness.ts';

const DONG = '420323104211';
const LONGJING = '420323103211';

for (const dialect of DIALECTS) {
  describe(`household register [${dialect}]`, () => {
    let t: TestApp;
    let county: Session;
    let village: Session;
    let other: Session;
    before(async () => {
      t = await testApp(dialect);
      await buildUser(t.db, 'county', '420323', 'cty');
      await buildUser(t.db, 'village', DONG, 'dong');
      await buildUser(t.db, 'village', LONGJING, 'long');
      county = await t.login('cty');
      village = await t.login('dong');
      other = await t.login('long');
    });
    after(() => t.close());

    it('creates a household with members and a yearly record; lists and shows it masked', async () => {
      const res = await t.call(village, 'POST', '/api/households', household('420323104211-0001', DONG));
      assert.equal(res.statusCode, 201, res.body);
      const id = res.json().id;
      const list = (await t.call(village, 'GET', `/api/households?region=${DONG}`)).json();
      assert.equal(list.total, 1);
      assert.equal(list.year, 2019);
      assert.equal(list.items[0].headName, '张大山');
      assert.equal(list.items[0].persons, 2);
      assert.equal(list.items[0].perCapitaIncome, 2300);
      const detail = (await t.call(village, 'GET', `/api/households/${id}`)).json();
      assert.match(detail.members[0].idNumber, /^420323\*{8}\d{3}[\dX]$/);
      assert.equal(detail.phone, null);
      assert.equal(detail.members[0].phone, '139****0001');
      assert.equal(detail.years[0].netIncome, 4600);
      assert.equal(detail.years[0].housing, false);
      assert.equal(detail.canReveal, false);
      const audit = await t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('entity', '=', 'household')
        .executeTakeFirstOrThrow();
      assert.equal(audit.action, 'create');
    });

    it('rejects bad input naming each field and writes nothing', async () => {
      const before = (
        await t.db
          .selectFrom('household_member')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
      const bad = household('420323104211-0002', DONG, {
        mainCause: 'bad_luck',
        otherCauses: ['a', 'b', 'c'],
        members: [
          { name: '王五', idNumber: '420323197003051110', birthDate: '1970-03-05', relation: 'head' },
          { name: '', idNumber: null, birthDate: '2023-02-29', relation: 'head' },
        ],
      });
      const res = await t.call(village, 'POST', '/api/households', bad);
      assert.equal(res.statusCode, 400);
      const paths = res.json().error.details.map((d: { path: string }) => d.path);
      for (const p of [
        'mainCause',
        'otherCauses',
        'members',
        'members.0.idNumber',
        'members.1.name',
        'members.1.birthDate',
      ])
        assert.ok(paths.includes(p), `${p} in ${paths}`);
      const after = (
        await t.db
          .selectFrom('household_member')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
      assert.equal(Number(after), Number(before));
      assert.equal(
        (await t.call(village, 'POST', '/api/households', household('420323104211-0001', DONG))).statusCode,
        409,
      );
    });

    it('keeps region scope: another village cannot list, read, write or reveal', async () => {
      const id = (await t.call(village, 'GET', `/api/households?region=${DONG}`)).json().items[0].id;
      assert.equal((await t.call(other, 'GET', `/api/households/${id}`)).statusCode, 403);
      assert.equal((await t.call(other, 'GET', `/api/households?region=${DONG}`)).statusCode, 403);
      assert.equal((await t.call(other, 'GET', '/api/households')).json().total, 0);
      assert.equal(
        (await t.call(other, 'PUT', `/api/households/${id}`, household('420323104211-0001', DONG))).statusCode,
        403,
      );
      assert.equal((await t.call(other, 'POST', '/api/households', household('X1', DONG))).statusCode, 403);
      assert.equal((await t.call(other, 'POST', `/api/households/${id}/reveal`, {})).statusCode, 403);
      assert.equal((await t.call(other, 'GET', `/api/stats/poverty?region=${DONG}`)).statusCode, 403);
      assert.equal((await t.call(village, 'POST', `/api/households/${id}/reveal`, {})).statusCode, 403);
    });

    it('reveals to the county (audited) and keeps masked values sent back by an edit', async () => {
      const detail = (await t.call(county, 'GET', `/api/households?region=${DONG}`)).json().items[0];
      const full = (await t.call(county, 'GET', `/api/households/${detail.id}`)).json();
      const revealed = (
        await t.call(county, 'POST', `/api/households/${detail.id}/reveal`, { memberId: full.members[0].id })
      ).json();
      assert.equal(revealed.idNumber, idNumber('1970-03-05', 11));
      assert.equal(revealed.phone, '13907190001');
      const edit = household('420323104211-0001', DONG, {
        version: full.version,
        address: '董家沟村一组',
        members: full.members.map((m: Record<string, unknown>) => ({
          name: m.name,
          idNumber: m.idNumber,
          gender: m.gender,
          birthDate: m.birthDate,
          relation: m.relation,
          phone: m.phone,
        })),
      });
      const res = await t.call(village, 'PUT', `/api/households/${detail.id}`, edit);
      assert.equal(res.statusCode, 200, res.body);
      const stored = await t.db
        .selectFrom('household_member')
        .select(['id_number', 'phone'])
        .where('household_id', '=', detail.id)
        .orderBy('seq')
        .execute();
      assert.equal(stored[0]!.id_number, idNumber('1970-03-05', 11));
      assert.equal(stored[0]!.phone, '13907190001');
      const audits = await t.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity', 'in', ['household', 'household_member'])
        .execute();
      assert.deepEqual(audits.map((a) => a.action).sort(), ['create', 'reveal', 'update']);
    });

    it('filters by status, cause, income, flags and keeps yearly history', async () => {
      await t.call(
        county,
        'POST',
        '/api/households',
        household('420323104211-0003', DONG, {
          status: 'non_poor',
          mainCause: null,
          otherCauses: [],
          attribute: null,
          years: [{ year: 2019, status: 'non_poor', incomeWage: 30000 }],
          members: [
            {
              name: '赵六',
              idNumber: idNumber('1970-03-05', 11),
              birthDate: '1970-03-05',
              gender: 'male',
              relation: 'head',
            },
          ],
        }),
      );
      await t.call(
        county,
        'POST',
        '/api/households',
        household('420323103211-0001', LONGJING, { mainCause: 'disability', otherCauses: [] }),
      );
      const q = async (s: string) => (await t.call(county, 'GET', `/api/households?region=420323${s}`)).json();
      const cases: [string, number][] = [
        ['&status=poor', 2],
        ['&status=non_poor', 1],
        ['&cause=lack_funds', 1],
        ['&cause=disability', 1],
        ['&incomeMin=10000', 1],
        ['&incomeMax=2300', 0],
        ['&incomeMax=2300.01', 2],
        ['&flag=duplicate_id', 3], // 0003 and 龙井's household reuse 张大山's ID number
        ['&flag=missing_indicator&year=2020', 2],
        ['&mainCause=illness', 1],
        ['&mainCause=lack_funds', 0],
        ['&year=2019&yearStatus=poor', 2],
        ['&year=2019&yearStatus=non_poor', 1],
        ['&year=2018&yearStatus=poor', 0],
      ];
      for (const [query, expected] of cases) assert.equal((await q(query)).total, expected, query);
      assert.equal((await q('&sort=-income')).items[0].code, '420323104211-0003');
      assert.equal((await q('&status=bogus')).error.code, 'VALIDATION');
    });

    it('prints the household card (明白卡) as Word with the ID numbers masked', async () => {
      const id = (await t.call(village, 'GET', `/api/households?region=${DONG}`)).json().items[0].id;
      const res = await t.call(village, 'GET', `/api/households/${id}/card.docx`);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /wordprocessingml/);
      const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
      for (const s of ['明白卡', '张大山', '因病', '420323********']) assert.ok(xml.includes(s), s);
      assert.ok(!xml.includes(idNumber('1970-03-05', 11)));
      assert.equal((await t.call(other, 'GET', `/api/households/${id}/card.docx`)).statusCode, 403);
    });

    it('computes poverty incidence per township and village, now and for a year', async () => {
      const res = (await t.call(county, 'GET', '/api/stats/poverty?region=420323&by=child')).json();
      assert.equal(res.items.length, 17);
      const leigu = res.items.find((i: { name: string }) => i.name === '擂鼓镇');
      assert.deepEqual([leigu.households, leigu.persons, leigu.poorHouseholds, leigu.poorPersons], [2, 3, 1, 2]);
      assert.equal(leigu.incidence, 2 / 3);
      assert.equal(res.total.persons, 5);
      assert.equal(res.total.poorPersons, 4);
      const y2019 = (await t.call(county, 'GET', '/api/stats/poverty?region=420323104&by=child&year=2019')).json();
      const dong = y2019.items.find((i: { code: string }) => i.code === DONG);
      assert.deepEqual([dong.poorPersons, dong.persons], [2, 3]);
      const br = (await t.call(county, 'GET', '/api/stats/register?region=420323&year=2019')).json();
      assert.equal(br.povertyLine, 3747);
      assert.deepEqual(
        br.byCause.map((c: { code: string; households: number }) => [c.code, c.households]),
        [
          ['disability', 1],
          ['illness', 1],
        ],
      );
      assert.equal(
        br.incomeDistribution.reduce((a: number, b: { households: number }) => a + b.households, 0),
        3,
      );
    });

    it('lists the households of one group', async () => {
      assert.equal((await t.call(village, 'POST', `/api/regions/${DONG}/groups`, { no: 1 })).statusCode, 201);
      const grouped = await t.call(
        village,
        'POST',
        '/api/households',
        household('420323104211-0004', DONG, { groupNo: 1, members: [{ name: '孙七', relation: 'head' }] }),
      );
      assert.equal(grouped.statusCode, 201, grouped.body);
      const inGroup = (await t.call(village, 'GET', `/api/households?region=${DONG}001`)).json();
      assert.deepEqual(
        inGroup.items.map((i: { code: string; groupName: string }) => [i.code, i.groupName]),
        [['420323104211-0004', '一组']],
      );
    });

    it("shows a household with its village's and group's names and flags members whose ID number is in another household", async () => {
      const res = await t.call(
        village,
        'POST',
        '/api/households',
        household('420323104211-0005', DONG, {
          groupNo: 1,
          members: [
            { name: '周八', idNumber: idNumber('1980-01-02', 21), birthDate: '1980-01-02', relation: 'head' },
            { name: '张大山', idNumber: idNumber('1970-03-05', 11), birthDate: '1970-03-05', relation: 'father' },
            { name: '周小九', idNumber: null, relation: 'son' },
          ],
        }),
      );
      assert.equal(res.statusCode, 201, res.body);
      const d = (await t.call(village, 'GET', `/api/households/${res.json().id}`)).json();
      assert.deepEqual([d.villageName, d.groupCode, d.groupName], ['董家沟村', `${DONG}001`, '一组']);
      assert.deepEqual(
        d.members.map((m: { name: string; duplicateId: boolean }) => [m.name, m.duplicateId]),
        [
          ['周八', false],
          ['张大山', true],
          ['周小九', false],
        ],
      );
      const list = (await t.call(village, 'GET', `/api/households?region=${DONG}&q=420323104211-0001`)).json();
      const first = (await t.call(village, 'GET', `/api/households/${list.items[0].id}`)).json();
      assert.deepEqual([first.villageName, first.groupCode, first.groupName], ['董家沟村', null, null]);
      assert.equal((await t.call(village, 'GET', '/api/households/999999')).statusCode, 404);
    });
  });
}

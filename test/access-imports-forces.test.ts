/**
 * Region scope of the help-force imports, table-driven: every endpoint (three templates, three
 * imports), called by users of a sibling village, township or county with rows about 龙井村 (宝丰镇),
 * answers 403, or imports nothing and names the refused cell; nothing changes. Without a session 401,
 * without the CSRF token 403; the county of 龙井村 imports the same rows (they are valid).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import type { Role } from '../src/shared/codes.ts';
import { saveHouseholds } from '../src/core/modules/households/write.ts';
import { buildCadre } from './factories.ts';
import { household, idNumber } from './fixtures.ts';
import { DIALECTS, eachTest, type Session, type TestApp } from './harness.ts';
import { csvOf } from './import-helpers.ts';

const LONGJING = '420323103211'; // 宝丰镇龙井村: the rows are about it
const CADRE_ID = idNumber('1982-04-05', 31);

/** One file per import, all about 龙井村. */
const FILES: Record<string, Buffer> = {
  cadres: csvOf([['何十', '男', LONGJING]], ['姓名', '性别', '管理区划代码']),
  stations: csvOf([[CADRE_ID, LONGJING, '党建指导员', '2025-03-01']], ['身份证号', '村代码', '角色', '开始日期']),
  pairings: csvOf(
    [
      ['党员结对帮扶', null, null, LONGJING, '富甲', '贫乙', '2025-04-01'],
      ['干部结对帮扶户', 'LJ-0001', CADRE_ID, null, null, null, '2025-04-01'],
    ],
    ['类型', '户编号', '帮扶干部身份证号', '村代码', '帮扶党员', '受帮扶党员', '开始日期'],
  ),
};

/** What each sibling user gets for each import: a status, or 200 with these refused [row, column]s. */
const EXPECTED: Record<string, Record<string, number | [number, string][]>> = {
  'sibling village (董家沟村)': {
    cadres: [[2, '管理区划代码']],
    stations: 403,
    pairings: [
      [2, '村代码'],
      [3, '户编号'],
    ],
  },
  'sibling township (擂鼓镇)': {
    cadres: [[2, '管理区划代码']],
    stations: 403,
    pairings: [
      [2, '村代码'],
      [3, '户编号'],
    ],
  },
  'sibling county (郧西县)': {
    cadres: [[2, '管理区划代码']],
    stations: [[2, '村代码']],
    pairings: [
      [2, '村代码'],
      [3, '户编号'],
    ],
  },
  'inspector of the county': { cadres: 403, stations: 403, pairings: 403 },
};

function post(t: TestApp, s: Session | null, kind: string, content: Buffer, csrf = true) {
  const boundary = `xh${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${kind}.csv"\r\nContent-Type: text/csv\r\n\r\n`;
  return t.app.inject({
    method: 'POST',
    url: `/api/imports/${kind}?mode=commit`,
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: {
      ...(s ? { cookie: s.cookie, ...(csrf ? { 'x-csrf-token': s.csrf } : {}) } : {}),
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  });
}

async function snapshot(t: TestApp) {
  const count = async (table: 'person' | 'stationing' | 'pairing' | 'work_team' | 'audit_log') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select(({ fn }) => fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    person: await count('person'),
    stationing: await count('stationing'),
    pairing: await count('pairing'),
    work_team: await count('work_team'),
    audit: await count('audit_log'),
  };
}

for (const dialect of DIALECTS) {
  describe(`help-force imports keep to the region scope [${dialect}]`, () => {
    const ctx = eachTest(dialect, async (t) => {
      const s: Record<string, Session> = {};
      const users: [string, Role, string][] = [
        ['sibling village (董家沟村)', 'village', '420323104211'],
        ['sibling township (擂鼓镇)', 'township', '420323104'],
        ['sibling county (郧西县)', 'county', '420322'],
        ['inspector of the county', 'inspector', '420323'],
        ['county of 龙井村 (竹山县)', 'county', '420323'],
      ];
      for (const [name, role, scope] of users) s[name] = await t.as(role, scope);
      const cadre = await buildCadre(t.db, LONGJING, { name: '钟一' });
      await t.db.updateTable('person').set({ id_number: CADRE_ID }).where('id', '=', cadre).execute();
      await saveHouseholds(t.db, '420323000000', [household('LJ-0001', LONGJING) as never]);
      return { s };
    });

    it('serves the templates to anyone who reads the forces, and nothing to a stranger', async () => {
      const { t, s } = ctx();
      for (const kind of Object.keys(FILES)) {
        const url = `/api/imports/${kind}/template`;
        assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 401, `${kind} without a session`);
        for (const [user, session] of Object.entries(s)) {
          const res = await t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
          assert.equal(res.statusCode, 200, `${user} ${kind}`);
        }
      }
    });

    it('refuses rows outside the caller’s scope (or the whole import without the permission); nothing changes', async () => {
      const { t, s } = ctx();
      const start = await snapshot(t);
      for (const kind of Object.keys(FILES)) {
        assert.equal((await post(t, null, kind, FILES[kind]!)).statusCode, 401, `${kind} without a session`);
        const noCsrf = await post(t, s['county of 龙井村 (竹山县)']!, kind, FILES[kind]!, false);
        assert.equal(noCsrf.statusCode, 403, `${kind} without the CSRF token`);
        for (const [user, expected] of Object.entries(EXPECTED)) {
          const res = await post(t, s[user]!, kind, FILES[kind]!);
          const want = expected[kind]!;
          if (typeof want === 'number') {
            assert.equal(res.statusCode, want, `${user} ${kind}: ${res.body}`);
            continue;
          }
          assert.equal(res.statusCode, 200, `${user} ${kind}: ${res.body}`);
          const body = res.json();
          assert.equal(body.imported, 0, `${user} ${kind}`);
          assert.deepEqual(
            body.errors.map((e: { row: number; column: string }) => [e.row, e.column]),
            want,
            `${user} ${kind}: ${JSON.stringify(body.errors)}`,
          );
        }
      }
      assert.deepEqual(await snapshot(t), start, 'nothing changed');
      // The same rows are valid for the county of 龙井村.
      for (const kind of Object.keys(FILES)) {
        const res = (await post(t, s['county of 龙井村 (竹山县)']!, kind, FILES[kind]!)).json();
        assert.deepEqual([res.rejected, res.errors], [0, []], kind);
      }
      const end = await snapshot(t);
      assert.deepEqual(
        [end.person - start.person, end.stationing - start.stationing, end.pairing - start.pairing],
        [1, 1, 2],
      );
    });
  });
}

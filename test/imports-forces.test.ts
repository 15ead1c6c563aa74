/**
 * Help-force imports (cadres, stations, pairings) through the import machinery: templates that import
 * back, cadres' good and bad rows in one file (valid rows committed, bad rows reported by row and column, a dry
 * run identical to the commit and writing nothing), scope and bad files. Stations, pairings and the command line:
 * imports-forces-rows.test.ts. Each test starts from its own copy of the template database.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { DIALECTS, eachTest } from './harness.ts';
import {
  buildZhaoAndLi,
  CADRE_HEADERS,
  csvOf,
  DONGJIAGOU,
  forceSessions,
  forcesSnapshot,
  household,
  idOf,
  LONGJING,
  PAIRING_HEADERS,
  STATION_HEADERS,
  uploadTo,
  where,
  xlsxOf,
  ZHAO,
  type Value,
} from './import-helpers.ts';

const FIRST = '420323100001'; // the first village of 竹山县: the templates' example village

for (const dialect of DIALECTS) {
  describe(`help-force imports [${dialect}]`, () => {
    const ctx = eachTest(dialect, forceSessions);

    it('serves three templates whose example rows import back (dry run writes nothing)', async () => {
      const { t, county, unitId } = ctx();
      // The pairings template pairs the household template's example household with the cadres template's cadre.
      const households = await t.app.inject({
        method: 'GET',
        url: '/api/imports/households/template',
        headers: { cookie: county.cookie },
      });
      const h = await uploadTo(t, county, 'households', 'h.xlsx', households.rawPayload);
      assert.equal(h.json().imported, 1, h.body);

      const sheets: Record<string, string[]> = {
        cadres: ['干部信息', '填写说明', '代码表'],
        stations: ['驻村任职', '填写说明', '代码表'],
        pairings: ['结对帮扶', '填写说明', '代码表'],
      };
      const expected: Record<string, number> = { cadres: 1, stations: 1, pairings: 2 };
      for (const kind of ['cadres', 'stations', 'pairings']) {
        const res = await t.app.inject({
          method: 'GET',
          url: `/api/imports/${kind}/template`,
          headers: { cookie: county.cookie },
        });
        assert.equal(res.statusCode, 200, `${kind}: ${res.body}`);
        // Named for its kind (filename*, the name browsers use; the plain filename is the registrar's ASCII stand-in).
        assert.match(
          decodeURIComponent(String(res.headers['content-disposition'])),
          new RegExp(`^attachment; .*filename\\*=UTF-8''${sheets[kind]![0]}导入模板\\.xlsx$`),
        );
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
        assert.deepEqual(
          wb.worksheets.map((w) => w.name),
          sheets[kind],
        );
        const headers = { cadres: CADRE_HEADERS, stations: STATION_HEADERS, pairings: PAIRING_HEADERS }[kind]!;
        assert.deepEqual((wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1), headers, kind);
        const before = await forcesSnapshot(t);
        const dry = (await uploadTo(t, county, kind, `${kind}.xlsx`, res.rawPayload, 'mode=dry-run')).json();
        assert.deepEqual(
          [dry.kind, dry.mode, dry.imported, dry.created, dry.rejected, dry.errors],
          [kind, 'dry-run', expected[kind], expected[kind], 0, []],
          `${kind}: ${JSON.stringify(dry.errors)}`,
        );
        assert.deepEqual(await forcesSnapshot(t), before, `${kind}: a dry run writes nothing`);
        const done = (await uploadTo(t, county, kind, `${kind}.xlsx`, res.rawPayload)).json();
        assert.deepEqual([done.created, done.rejected], [expected[kind], 0], JSON.stringify(done));
        assert.equal(done.summary, `已导入 ${expected[kind]} 行，0 行有误未导入`);
      }
      const cadre = await t.db
        .selectFrom('person')
        .select(['id', 'name', 'gender', 'education', 'political_status', 'region_code', 'unit_id'])
        .where('name', '=', '王建国')
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        { ...cadre, id: undefined },
        {
          id: undefined,
          name: '王建国',
          gender: 'male',
          education: 'bachelor',
          political_status: 'cpc',
          region_code: '420323000000',
          unit_id: unitId,
        },
      );
      const station = await t.db
        .selectFrom('stationing')
        .select(['region_code', 'role'])
        .where('person_id', '=', cadre.id)
        .execute();
      assert.deepEqual(station, [{ region_code: FIRST, role: 'first_secretary' }]);
      const pairings = await t.db.selectFrom('pairing').select(['kind', 'region_code']).orderBy('id').execute();
      assert.deepEqual(pairings, [
        { kind: 'cadre_household', region_code: FIRST },
        { kind: 'member_member', region_code: FIRST },
      ]);
      // The same files again: nothing is duplicated.
      for (const kind of ['cadres', 'stations', 'pairings']) {
        const res = await t.app.inject({
          method: 'GET',
          url: `/api/imports/${kind}/template`,
          headers: { cookie: county.cookie },
        });
        assert.equal(res.statusCode, 200, `${kind} template again: ${res.body}`);
        const again = (await uploadTo(t, county, kind, `${kind}.xlsx`, res.rawPayload)).json();
        assert.deepEqual(
          [again.created, again.unchanged, again.rejected],
          [0, expected[kind], 0],
          `${kind}: ${JSON.stringify(again)}`,
        );
      }
    });

    it('cadres: commits the valid rows, reports the bad ones by row and column, updates on re-import', async () => {
      const { t, county, unitId } = ctx();
      const rows: Value[][] = [
        [
          '赵一',
          '男',
          '1980-01-02',
          ZHAO,
          '大学本科',
          '中共党员',
          '县农业农村局',
          '科员',
          null,
          '13800000002',
          '420323',
        ],
        ['钱二', '女', '1985-02-30', null, '大专', '群众', null, null, null, null, '420323'], // no such day
        ['孙三', '男', null, null, 'bachelor', 'cpc', '不存在的单位', null, null, null, '420323'], // unknown unit
        ['李四', '男', '1990-07-08', null, '硕士研究生', '中共党员', null, '干事', null, null, DONGJIAGOU],
        ['周五', '男', null, null, null, null, null, null, null, null, '420322'], // another county
        ['吴六', '男', null, idOf('1981-01-01', 13).replace(/.$/, 'Y'), null, null, null, null, null, null, '420323'],
      ];
      const file = csvOf(rows, CADRE_HEADERS);
      const before = await forcesSnapshot(t);
      const dry = (await uploadTo(t, county, 'cadres', 'cadres.csv', file, 'mode=dry-run')).json();
      const bad = [
        [3, '出生日期'],
        [4, '派出单位'],
        [6, '管理区划代码'],
        [7, '身份证号'],
      ];
      assert.deepEqual(where(dry.errors), bad, JSON.stringify(dry.errors));
      assert.deepEqual([dry.rows, dry.imported, dry.created, dry.rejected], [6, 2, 2, 4]);
      assert.match(dry.errors[0].message, /1985-02-30/);
      assert.match(dry.errors[1].message, /不存在的单位/);
      assert.match(dry.errors[2].message, /不在您的管辖范围内/);
      assert.equal(dry.errors[0].key, '钱二');
      assert.equal(dry.summary, '试运行：可导入 2 行，4 行有误不能导入；未写入任何数据');
      assert.deepEqual(await forcesSnapshot(t), before, 'a dry run writes nothing');

      const res = (
        await uploadTo(t, county, 'cadres', 'cadres.csv', file, 'mode=commit&progressId=forces-progress-1')
      ).json();
      assert.deepEqual(where(res.errors), bad, 'the commit finds exactly what the dry run found');
      assert.deepEqual([res.imported, res.created, res.rejected], [2, 2, 4]);
      assert.equal(res.summary, '已导入 2 行，4 行有误未导入');
      const progress = await t.app.inject({
        method: 'GET',
        url: '/api/imports/progress/forces-progress-1',
        headers: { cookie: county.cookie },
      });
      assert.deepEqual(progress.json(), { phase: 'done', done: 6, total: 6 });
      const after = await forcesSnapshot(t);
      assert.deepEqual(
        after.person.slice(before.person.length),
        [
          { name: '赵一', id_number: ZHAO, region_code: '420323000000', unit_id: unitId },
          { name: '李四', id_number: null, region_code: DONGJIAGOU, unit_id: null },
        ],
        'only the valid rows are written',
      );
      assert.deepEqual({ ...after, person: before.person, audit: before.audit }, before, 'nothing else changed');
      assert.equal(after.audit, before.audit + 3, 'a create audit row each, and one for the import');
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['action', 'entity', 'after_json'])
        .where('action', '=', 'import')
        .where('entity', '=', 'person')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(audit.after_json!), {
        kind: 'cadres',
        file: 'cadres.csv',
        rows: 6,
        created: 2,
        updated: 0,
        unchanged: 0,
        rejected: 4,
      });

      // The error workbook: row, column, the cadre, the message.
      const report = await t.app.inject({
        method: 'GET',
        url: `/api/imports/reports/${res.errorReportId}`,
        headers: { cookie: county.cookie },
      });
      assert.equal(report.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), ['行号', '列', '干部', '问题']);
      assert.deepEqual((sheet.getRow(3).values as unknown[]).slice(1), [4, '派出单位', '孙三', res.errors[1].message]);
      assert.equal(sheet.rowCount, 5);

      // Re-import with a changed post: 赵一 (by ID number) and 李四 (by name, unit and region) are updated.
      rows[0]![7] = '副科长';
      rows[3]![8] = '二级主任科员';
      const again = (
        await uploadTo(t, county, 'cadres', 'cadres.xlsx', await xlsxOf(rows.slice(0, 4), CADRE_HEADERS))
      ).json();
      assert.deepEqual([again.created, again.updated, again.unchanged, again.rejected], [0, 2, 0, 2]);
      const posts = await t.db
        .selectFrom('person')
        .select(['name', 'post', 'rank'])
        .where('name', 'in', ['赵一', '李四'])
        .orderBy('name')
        .execute();
      assert.deepEqual(posts, [
        { name: '李四', post: '干事', rank: '二级主任科员' },
        { name: '赵一', post: '副科长', rank: null },
      ]);
      const en = (await uploadTo(t, county, 'cadres', 'c.csv', file, 'mode=dry-run', 'en')).json();
      assert.equal(
        en.summary,
        'Dry run: 2 rows can be imported (1 already there), 4 rows have problems; nothing was written',
        '赵一’s post differs from the file again; 李四’s blank rank keeps the stored one',
      );
    });

    it('keeps to the caller’s scope: township users cannot station anyone; other counties’ villages are refused', async () => {
      const { t, county, township, otherCounty, unitId } = ctx();
      await buildZhaoAndLi(t, unitId);
      const p7 = await uploadTo(t, county, 'households', 'p7.csv', csvOf(household('P7', DONGJIAGOU, 1)));
      assert.equal(p7.json().created, 1, p7.body);
      const before = await forcesSnapshot(t);
      const stations = csvOf([[ZHAO, null, null, LONGJING, '党建指导员', null, '2025-03-01', null]], STATION_HEADERS);
      const refused = await uploadTo(t, township, 'stations', 's.csv', stations);
      assert.equal(refused.statusCode, 403, 'stationing is the county organisation department’s (force.station)');
      const other = (await uploadTo(t, otherCounty, 'stations', 's.csv', stations)).json();
      assert.deepEqual(where(other.errors), [[2, '村代码']], JSON.stringify(other.errors));
      assert.equal(other.errors[0].message, `村代码 ${LONGJING} 不在您的管辖范围内`);
      const pairings = csvOf(
        [
          ['党员结对帮扶', null, null, null, LONGJING, null, null, null, '富二', '贫二', '2025-04-01', null], // 宝丰镇
          ['党员结对帮扶', null, null, null, DONGJIAGOU, null, null, null, '富三', '贫三', '2025-04-01', null],
          ['干部结对帮扶户', 'P7', null, '李四', null, null, null, null, null, null, '2025-04-01', null],
        ],
        PAIRING_HEADERS,
      );
      const mine = (await uploadTo(t, township, 'pairings', 'p.csv', pairings, 'mode=dry-run')).json();
      assert.deepEqual(where(mine.errors), [[2, '村代码']], JSON.stringify(mine.errors));
      assert.match(mine.errors[0].message, /不在您的管辖范围内/);
      assert.deepEqual([mine.imported, mine.rejected], [2, 1]);
      const cadres = csvOf(
        [['郑七', '男', null, null, null, null, null, null, null, null, '420323103']],
        CADRE_HEADERS,
      );
      const outside = (await uploadTo(t, township, 'cadres', 'c.csv', cadres)).json();
      assert.deepEqual(where(outside.errors), [[2, '管理区划代码']]);
      assert.deepEqual(await forcesSnapshot(t), before, 'nothing changed');
      const s = await t.as('inspector', '420323');
      assert.equal((await uploadTo(t, s, 'cadres', 'c.csv', cadres)).statusCode, 403);
      assert.equal(
        (await t.app.inject({ method: 'GET', url: '/api/imports/pairings/template', headers: { cookie: s.cookie } }))
          .statusCode,
        200,
        'anyone who reads the forces may download a template',
      );
    });

    it('refuses to change a cadre managed outside the caller’s scope, without saying where it is managed', async () => {
      const { t, otherCounty, unitId } = ctx();
      const { zhao } = await buildZhaoAndLi(t, unitId);
      // 郧西县 names 赵一 (managed by 竹山县) by ID number, as if to take him over into its own county.
      const file = csvOf([['赵一', '男', null, ZHAO, null, null, null, '局长', null, null, '420322']], CADRE_HEADERS);
      const messages: string[] = [];
      for (const lang of ['zh', 'en']) {
        const res = (await uploadTo(t, otherCounty, 'cadres', 'c.csv', file, 'mode=commit', lang)).json();
        assert.deepEqual([res.imported, where(res.errors)], [0, [[2, '身份证号']]], JSON.stringify(res.errors));
        messages.push(res.errors[0].message);
      }
      assert.deepEqual(messages, [
        '该干部不在您的管辖范围内，不能修改',
        'The cadre is outside your scope; it cannot be changed',
      ]);
      assert.ok(!messages.join().includes('420323'), 'the managing region is not named');
      const stored = await t.db
        .selectFrom('person')
        .select(['post', 'region_code', 'version'])
        .where('id', '=', zhao)
        .executeTakeFirstOrThrow();
      assert.deepEqual(stored, { post: '科员', region_code: '420323000000', version: 1 });
    });

    it('answers bad files with a message on the file, and leaves the household import as it was', async () => {
      const { t, county } = ctx();
      const cases: [string, string, Buffer, RegExp][] = [
        ['cadres', 'empty.csv', Buffer.alloc(0), /文件是空的/],
        ['cadres', 'noheader.csv', Buffer.from('a,b\n1,2\n'), /找不到表头.*“姓名”/],
        [
          'stations',
          'missing.csv',
          Buffer.from('姓名,村代码,角色\n张三,420323104211,第一书记\n'),
          /缺少必需的列：开始日期/,
        ],
        ['pairings', 'header.csv', csvOf([], PAIRING_HEADERS), /没有数据行/],
        ['pairings', 'households.csv', csvOf(household('Z1', DONGJIAGOU)), /找不到表头.*“类型”/],
      ];
      for (const [kind, name, content, message] of cases) {
        const res = await uploadTo(t, county, kind, name, content);
        assert.equal(res.statusCode, 200, `${name}: ${res.body}`);
        assert.equal(res.json().imported, 0);
        assert.match(res.json().errors[0]?.message ?? '', message, `${name}: ${res.body}`);
      }
      const res = await uploadTo(t, county, 'households', 'h.csv', csvOf(household('Z2', DONGJIAGOU, 2)));
      assert.deepEqual(Object.keys(res.json()).sort(), [
        'created',
        'errorCount',
        'errorReportId',
        'errors',
        'imported',
        'mode',
        'persons',
        'policy',
        'rejected',
        'rejectedRows',
        'rows',
        'statusChanges',
        'truncated',
        'updated',
        'warnings',
      ]);
      assert.deepEqual(
        [res.json().imported, res.json().persons, res.json().policy],
        [1, 2, 'valid-households-committed'],
      );
    });
  });
}

/**
 * Help-force imports (cadres, stations, pairings) through the import machinery: templates that import
 * back, good and bad rows in one file (valid rows committed, bad rows reported by row and column, a dry
 * run identical to the commit and writing nothing), scope, the error workbook, progress and the CLI.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { importCommand } from '../src/cli/import.ts';
import { parseArgs } from '../src/cli/args.ts';
import { SYSTEM } from '../src/core/access/permissions.ts';
import { FORCE_IMPORTS } from '../src/core/modules/imports/forces/index.ts';
import { importRows } from '../src/core/modules/imports/import-rows.ts';
import { buildHelpUnit, buildUser } from './factories.ts';
import { DIALECTS, testApp, type Session, type TestApp } from './harness.ts';
import { csvOf, household, idOf, xlsxOf, type Value } from './import-helpers.ts';
import { TMP_DIR } from './dialects.ts';

const DONGJIAGOU = '420323104211'; // 擂鼓镇董家沟村
const LONGJING = '420323103211'; // 宝丰镇龙井村
const FIRST = '420323100001'; // the first village of 竹山县: the templates' example village
const YUNXI_VILLAGE_COUNTY = '420322'; // 郧西县, a sibling county

const CADRE_HEADERS = [
  '姓名',
  '性别',
  '出生日期',
  '身份证号',
  '学历',
  '政治面貌',
  '派出单位',
  '职务',
  '职级',
  '联系电话',
  '管理区划代码',
];
const STATION_HEADERS = ['身份证号', '姓名', '派出单位', '村代码', '角色', '工作队', '开始日期', '结束日期'];
const PAIRING_HEADERS = [
  '类型',
  '户编号',
  '帮扶干部身份证号',
  '帮扶干部姓名',
  '村代码',
  '单位',
  '企业',
  '先进村代码',
  '帮扶党员',
  '受帮扶党员',
  '开始日期',
  '备注',
];

const ZHAO = idOf('1980-01-02', 13);

function uploadTo(
  t: TestApp,
  s: Session,
  kind: string,
  name: string,
  content: Buffer,
  query = 'mode=commit',
  lang = 'zh',
) {
  const boundary = `xh${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return t.app.inject({
    method: 'POST',
    url: `/api/imports/${kind}?${query}`,
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'accept-language': lang,
    },
  });
}

type Err = { row: number; column: string; message: string; key?: string };
const where = (errors: Err[]) => errors.map((e) => [e.row, e.column]);

/** Everything the imports may touch, as plain data (to show that a dry run or a refused row changes nothing). */
async function snapshot(t: TestApp) {
  const [person, stationing, pairing, work_team, household, audit] = await Promise.all([
    t.db.selectFrom('person').select(['name', 'id_number', 'region_code', 'unit_id']).orderBy('id').execute(),
    t.db.selectFrom('stationing').select(['person_id', 'region_code', 'role', 'start_date']).orderBy('id').execute(),
    t.db.selectFrom('pairing').select(['kind', 'region_code', 'household_id', 'person_id']).orderBy('id').execute(),
    t.db.selectFrom('work_team').select(['name']).orderBy('id').execute(),
    t.db.selectFrom('household').select(['code']).orderBy('id').execute(),
    t.db
      .selectFrom('audit_log')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { person, stationing, pairing, work_team, household, audit: Number(audit.n) };
}

for (const dialect of DIALECTS) {
  describe(`help-force imports [${dialect}]`, () => {
    let t: TestApp;
    let county: Session;
    let township: Session;
    let otherCounty: Session;
    let unitId: number;
    before(async () => {
      t = await testApp(dialect);
      await buildUser(t.db, 'county', '420323', 'fi_county');
      await buildUser(t.db, 'township', '420323104', 'fi_township');
      await buildUser(t.db, 'county', YUNXI_VILLAGE_COUNTY, 'fi_yunxi');
      [county, township, otherCounty] = [
        await t.login('fi_county'),
        await t.login('fi_township'),
        await t.login('fi_yunxi'),
      ];
      unitId = await buildHelpUnit(t.db, { name: '县农业农村局', level: 'county' });
    });
    after(async () => t.close());

    it('serves three templates whose example rows import back (dry run writes nothing)', async () => {
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
        assert.match(String(res.headers['content-disposition']), new RegExp(`${kind}-template\\.xlsx`));
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
        assert.deepEqual(
          wb.worksheets.map((w) => w.name),
          sheets[kind],
        );
        const headers = { cadres: CADRE_HEADERS, stations: STATION_HEADERS, pairings: PAIRING_HEADERS }[kind]!;
        assert.deepEqual((wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1), headers, kind);
        const before = await snapshot(t);
        const dry = (await uploadTo(t, county, kind, `${kind}.xlsx`, res.rawPayload, 'mode=dry-run')).json();
        assert.deepEqual(
          [dry.kind, dry.mode, dry.imported, dry.created, dry.rejected, dry.errors],
          [kind, 'dry-run', expected[kind], expected[kind], 0, []],
          `${kind}: ${JSON.stringify(dry.errors)}`,
        );
        assert.deepEqual(await snapshot(t), before, `${kind}: a dry run writes nothing`);
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
      const before = await snapshot(t);
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
      assert.deepEqual(await snapshot(t), before, 'a dry run writes nothing');

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
      const after = await snapshot(t);
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

    it('stations: a cadre stationed in two villages, bad dates, unknown cadres and roles are refused row by row', async () => {
      const rows: Value[][] = [
        [ZHAO, null, null, DONGJIAGOU, '第一书记', null, '2025-03-01', '2027-02-28'],
        [ZHAO, null, null, LONGJING, '驻村工作队员', null, '2025-06-01', '2027-05-31'], // already in 董家沟村
        [null, '李四', null, DONGJIAGOU, '驻村工作队长', null, '2025-13-01', '2027-02-28'], // no month 13
        [null, '李四', null, DONGJIAGOU, '驻村工作队长', '董家沟村工作队', '2025-03-01', '2027-02-28'], // a new team
        [idOf('1970-01-01', 11), null, null, DONGJIAGOU, '党建指导员', null, '2025-03-01', null], // unknown cadre
        [null, '李四', null, LONGJING, '队长', null, '2025-03-01', null], // unknown role
        [null, '李四', null, LONGJING, 'instructor', '龙井村工作队', '2025-03-01', null], // an instructor is in no team
        [null, '李四', null, LONGJING, 'instructor', null, '2025-03-01', '2025-02-01'], // ends before it starts
      ];
      const file = csvOf(rows, STATION_HEADERS);
      const bad = [
        [3, '开始日期'],
        [4, '开始日期'],
        [6, '身份证号'],
        [7, '角色'],
        [8, '工作队'],
        [9, '结束日期'],
      ];
      const before = await snapshot(t);
      const dry = (await uploadTo(t, county, 'stations', 'stations.csv', file, 'mode=dry-run')).json();
      assert.deepEqual(where(dry.errors), bad, JSON.stringify(dry.errors));
      assert.match(dry.errors[0].message, /同一时间已在其他村驻村/);
      assert.match(dry.errors[4].message, /只有驻村干部可编入工作队/);
      assert.deepEqual([dry.imported, dry.rejected], [2, 6]);
      assert.deepEqual(await snapshot(t), before, 'a dry run writes nothing');
      const res = (await uploadTo(t, county, 'stations', 'stations.csv', file)).json();
      assert.deepEqual(where(res.errors), bad);
      const after = await snapshot(t);
      const zhao = await t.db.selectFrom('person').select('id').where('id_number', '=', ZHAO).executeTakeFirstOrThrow();
      const li = await t.db.selectFrom('person').select('id').where('name', '=', '李四').executeTakeFirstOrThrow();
      assert.deepEqual(after.stationing.slice(before.stationing.length), [
        { person_id: zhao.id, region_code: DONGJIAGOU, role: 'first_secretary', start_date: '2025-03-01' },
        { person_id: li.id, region_code: DONGJIAGOU, role: 'team_leader', start_date: '2025-03-01' },
      ]);
      assert.deepEqual(after.work_team.slice(before.work_team.length), [{ name: '董家沟村工作队' }], 'one team formed');
      assert.deepEqual(
        { ...after, stationing: before.stationing, work_team: before.work_team, audit: before.audit },
        before,
        'nothing else changed (the instructor’s team was undone with its row)',
      );
      const team = await t.db
        .selectFrom('stationing as s')
        .innerJoin('work_team as w', 'w.id', 's.team_id')
        .select(['w.name', 'w.region_code', 'w.start_date'])
        .where('s.person_id', '=', li.id)
        .execute();
      assert.deepEqual(team, [{ name: '董家沟村工作队', region_code: DONGJIAGOU, start_date: '2025-03-01' }]);
      const unit = await t.db
        .selectFrom('stationing')
        .select('unit_id')
        .where('person_id', '=', zhao.id)
        .executeTakeFirstOrThrow();
      assert.equal(unit.unit_id, unitId, "the station's unit is the cadre's sending unit");
    });

    it('pairings: the household cap, bad dates, unknown units and households; the cap counts earlier rows', async () => {
      const codes = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7'];
      const h = await uploadTo(
        t,
        county,
        'households',
        'h.csv',
        csvOf(codes.flatMap((c) => household(c, DONGJIAGOU, 1))),
      );
      assert.equal(h.json().imported, 7, h.body);
      const pair = (code: string, id: string | null, name: string | null, start = '2025-04-01'): Value[] => [
        '干部结对帮扶户',
        code,
        id,
        name,
        null,
        null,
        null,
        null,
        null,
        null,
        start,
        null,
      ];
      const rows: Value[][] = [
        ...codes.slice(0, 5).map((c) => pair(c, ZHAO, null)),
        pair('P6', ZHAO, null), // row 7: 赵一's sixth household (the cap is 5)
        pair('P7', null, '李四', '2025/02/30'), // row 8: no such day
        ['单位结对共建', null, null, null, DONGJIAGOU, '不存在的单位', null, null, null, null, '2025-04-01', null],
        ['党员结对帮扶', null, null, null, DONGJIAGOU, null, null, null, '富一', '贫一', '2025-04-01', '互帮'],
        pair('NOPE', ZHAO, null), // row 11: no such household
        ['单位结对共建', null, null, null, DONGJIAGOU, '县农业农村局', null, null, null, null, '2025-04-01', null],
        ['先进村结对贫困村', null, null, null, DONGJIAGOU, null, null, '420322100001', null, null, '2025-04-01', null],
      ];
      const file = await xlsxOf(rows, PAIRING_HEADERS);
      const bad = [
        [7, '帮扶干部身份证号'],
        [8, '开始日期'],
        [9, '单位'],
        [11, '户编号'],
        [13, '先进村代码'],
      ];
      const before = await snapshot(t);
      const dry = (await uploadTo(t, county, 'pairings', 'pairings.xlsx', file, 'mode=dry-run')).json();
      assert.deepEqual(where(dry.errors), bad, JSON.stringify(dry.errors));
      assert.match(dry.errors[0].message, /已达上限 5 户/);
      assert.deepEqual([dry.imported, dry.rejected], [7, 5]);
      assert.deepEqual(await snapshot(t), before, 'a dry run writes nothing');
      const res = (await uploadTo(t, county, 'pairings', 'pairings.xlsx', file)).json();
      assert.deepEqual(where(res.errors), bad);
      assert.deepEqual([res.imported, res.created, res.rejected], [7, 7, 5]);
      const after = await snapshot(t);
      assert.deepEqual(
        after.pairing.slice(before.pairing.length).map((p) => p.kind),
        [...Array(5).fill('cadre_household'), 'member_member', 'unit_village'],
      );
      assert.deepEqual({ ...after, pairing: before.pairing, audit: before.audit }, before);
      const again = (await uploadTo(t, county, 'pairings', 'pairings.xlsx', file)).json();
      assert.deepEqual([again.created, again.unchanged, again.rejected], [0, 7, 5], 'nothing is paired twice');
    });

    it('keeps to the caller’s scope: township users cannot station anyone; other counties’ villages are refused', async () => {
      const before = await snapshot(t);
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
      assert.deepEqual(await snapshot(t), before, 'nothing changed');
      await buildUser(t.db, 'inspector', '420323', 'fi_inspector');
      const s = await t.login('fi_inspector');
      assert.equal((await uploadTo(t, s, 'cadres', 'c.csv', cadres)).statusCode, 403);
      assert.equal(
        (await t.app.inject({ method: 'GET', url: '/api/imports/pairings/template', headers: { cookie: s.cookie } }))
          .statusCode,
        200,
        'anyone who reads the forces may download a template',
      );
    });

    it('answers bad files with a message on the file, and leaves the household import as it was', async () => {
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
        'truncated',
        'updated',
        'warnings',
      ]);
      assert.deepEqual(
        [res.json().imported, res.json().persons, res.json().policy],
        [1, 2, 'valid-households-committed'],
      );
    });

    it('commits a file in several transactions (the CSV read on across them); a dry run of it as well', async () => {
      const n = 150; // more than one commit transaction holds (BATCH_MS)
      const rows: Value[][] = Array.from({ length: n }, (_, i) => [
        '党员结对帮扶',
        null,
        null,
        null,
        DONGJIAGOU,
        null,
        null,
        null,
        `帮扶人${i}`,
        i === 100 ? null : `受助人${i}`, // row 102: the helped member is missing
        '2025-05-01',
        null,
      ]);
      const file = csvOf(rows, PAIRING_HEADERS);
      const count = async () =>
        Number(
          (
            await t.db
              .selectFrom('pairing')
              .select(({ fn }) => fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      const dry = (await uploadTo(t, county, 'pairings', 'many.csv', file, 'mode=dry-run')).json();
      assert.deepEqual([dry.imported, dry.rejected, where(dry.errors)], [n - 1, 1, [[102, '受帮扶党员']]]);
      assert.equal(await count(), before);
      // Committed 40 rows a transaction: the CSV is read on across the transactions.
      mkdirSync(TMP_DIR, { recursive: true });
      const path = join(TMP_DIR, `${dialect}-${process.pid}-many.csv`);
      writeFileSync(path, file);
      const res = await importRows(t.db, SYSTEM, FORCE_IMPORTS.pairings, { path }, { mode: 'commit', batchRows: 40 });
      rmSync(path, { force: true });
      assert.deepEqual(
        [res.created, res.rejected, res.errors.map((e) => [e.row, e.column])],
        [n - 1, 1, [[102, '受帮扶党员']]],
      );
      assert.equal(await count(), before + n - 1);
    });

    it('imports from the command line as the system actor (dry run and commit)', async () => {
      const dir = join(TMP_DIR, `cli-forces-${dialect}-${process.pid}`);
      mkdirSync(dir, { recursive: true });
      const path = join(dir, `${dialect}-cadres.csv`);
      writeFileSync(
        path,
        csvOf(
          [
            ['冯八', '男', null, null, null, null, '县农业农村局', null, null, null, '420323'],
            ['陈九', '男', '1990-02-30', null, null, null, null, null, null, null, '420323'],
          ],
          CADRE_HEADERS,
        ),
      );
      const database = { db: t.db, dialect: t.dialect, url: '', close: async () => {} };
      const lines: string[] = [];
      const log = console.log;
      console.log = (...a: unknown[]) => lines.push(a.join(' '));
      const exitCode = process.exitCode;
      try {
        await importCommand(database, parseArgs(['import', 'cadres', path, '--dry-run']));
        assert.equal(
          await t.db.selectFrom('person').select('id').where('name', '=', '冯八').executeTakeFirst(),
          undefined,
        );
        await importCommand(database, parseArgs(['import', 'cadres', path]));
      } finally {
        console.log = log;
        process.exitCode = exitCode;
        rmSync(dir, { recursive: true, force: true });
      }
      const out = lines.join('\n');
      assert.match(out, /试运行：可导入 1 行，1 行有误不能导入/);
      assert.match(out, /已导入 1 行，1 行有误未导入/);
      assert.match(out, /第 3 行 row［出生日期］/);
      const row = await t.db
        .selectFrom('person')
        .select('unit_id')
        .where('name', '=', '冯八')
        .executeTakeFirstOrThrow();
      assert.equal(row.unit_id, unitId);
    });
  });
}

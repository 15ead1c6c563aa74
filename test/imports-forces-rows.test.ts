/**
 * Help-force imports of stationing assignments and pairings: good and bad rows in one file, refused row by row
 * (a dry run finds exactly what the commit finds and writes nothing); a file committed in several transactions;
 * the command line.
 * Each test starts from its own copy of the template database, with the cadres the rows name.
 */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { importCommand } from '../src/cli/import.ts';
import { parseArgs } from '../src/cli/args.ts';
import { SYSTEM } from '../src/core/access/permissions.ts';
import { Scope } from '../src/core/access/scope.ts';
import { FORCE_IMPORTS } from '../src/core/modules/imports/forces/index.ts';
import { importRows } from '../src/core/modules/imports/import-rows.ts';
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
import { TMP_DIR } from './dialects.ts';

for (const dialect of DIALECTS) {
  describe(`help-force imports: stations and pairings [${dialect}]`, () => {
    const ctx = eachTest(dialect, forceSessions);

    it('stations: a cadre stationed in two villages, bad dates, unknown cadres and roles are refused row by row', async () => {
      const { t, county, unitId } = ctx();
      await buildZhaoAndLi(t, unitId);
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
      const before = await forcesSnapshot(t);
      const dry = (await uploadTo(t, county, 'stations', 'stations.csv', file, 'mode=dry-run')).json();
      assert.deepEqual(where(dry.errors), bad, JSON.stringify(dry.errors));
      assert.match(dry.errors[0].message, /同一时间已在其他村驻村/);
      assert.match(dry.errors[4].message, /只有驻村干部可编入工作队/);
      assert.deepEqual([dry.imported, dry.rejected], [2, 6]);
      assert.deepEqual(await forcesSnapshot(t), before, 'a dry run writes nothing');
      const res = (await uploadTo(t, county, 'stations', 'stations.csv', file)).json();
      assert.deepEqual(where(res.errors), bad);
      const after = await forcesSnapshot(t);
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
      const { t, county, unitId } = ctx();
      await buildZhaoAndLi(t, unitId);
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
      const before = await forcesSnapshot(t);
      const dry = (await uploadTo(t, county, 'pairings', 'pairings.xlsx', file, 'mode=dry-run')).json();
      assert.deepEqual(where(dry.errors), bad, JSON.stringify(dry.errors));
      assert.match(dry.errors[0].message, /已达上限 5 户/);
      assert.deepEqual([dry.imported, dry.rejected], [7, 5]);
      assert.deepEqual(await forcesSnapshot(t), before, 'a dry run writes nothing');
      const res = (await uploadTo(t, county, 'pairings', 'pairings.xlsx', file)).json();
      assert.deepEqual(where(res.errors), bad);
      assert.deepEqual([res.imported, res.created, res.rejected], [7, 7, 5]);
      const after = await forcesSnapshot(t);
      assert.deepEqual(
        after.pairing.slice(before.pairing.length).map((p) => p.kind),
        [...Array(5).fill('cadre_household'), 'member_member', 'unit_village'],
      );
      assert.deepEqual({ ...after, pairing: before.pairing, audit: before.audit }, before);
      const again = (await uploadTo(t, county, 'pairings', 'pairings.xlsx', file)).json();
      assert.deepEqual([again.created, again.unchanged, again.rejected], [0, 7, 5], 'nothing is paired twice');
    });

    it('commits a file in several transactions (the CSV read on across them); a dry run of it as well', async () => {
      const { t, county } = ctx();
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
      const res = await importRows(
        t.db,
        Scope.global(SYSTEM, 'as the CLI'),
        FORCE_IMPORTS.pairings,
        { path },
        { mode: 'commit', batchRows: 40 },
      );
      rmSync(path, { force: true });
      assert.deepEqual(
        [res.created, res.rejected, res.errors.map((e) => [e.row, e.column])],
        [n - 1, 1, [[102, '受帮扶党员']]],
      );
      assert.equal(await count(), before + n - 1);
    });

    it('imports from the command line as the system actor (dry run and commit)', async () => {
      const { t, unitId } = ctx();
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

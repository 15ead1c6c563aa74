/**
 * Helpers of the import tests: sample rows, CSV/xlsx builders, an upload call (to the real app; a small upload limit
 * is the app's `importMaxBytes`), a dump of the register.
 */
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { checkDigit } from '../src/core/modules/households/idcard.ts';
import { buildCadre, buildHelpUnit } from './factories.ts';
import type { Session, TestApp } from './harness.ts';

export const DONGJIAGOU = '420323104211'; // 擂鼓镇董家沟村
export const LONGJING = '420323103211'; // 宝丰镇龙井村
export const HEADERS = [
  '户编号',
  '村代码',
  '户状态',
  '贫困户属性',
  '主要致贫原因',
  '姓名',
  '身份证号',
  '性别',
  '出生日期',
  '与户主关系',
  '年度',
  '工资性收入（元）',
];
export type Value = string | number | Date | null | { formula: string; result?: number };
export const id = (birth: string, seq: number) => `420323${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
export const idOf = (birth: string, seq: number) => id(birth, seq) + checkDigit(id(birth, seq));
/** Rows of a household: the head (male, born 1970) and `n - 1` daughters. */
export function household(code: string, village: string, n = 2, year = 2024): Value[][] {
  return Array.from({ length: n }, (_, i) => {
    const birth = i === 0 ? '1970-05-06' : `200${i}-01-02`;
    const member = [
      i === 0 ? `户主${code}` : `女儿${i}`,
      idOf(birth, i === 0 ? 11 : 10 + 2 * i),
      i === 0 ? '男' : '女',
      birth,
      i === 0 ? '户主' : '之女',
    ];
    return [code, village, '未脱贫', '一般贫困户', '因病', ...member, year, 15000];
  });
}
export const csvOf = (rows: Value[][], headers = HEADERS) =>
  Buffer.from(
    [headers, ...rows]
      .map((r) => r.map((v) => (v === null ? '' : `"${String(v).replace(/"/g, '""')}"`)).join(','))
      .join('\r\n'),
  );
export async function xlsxOf(rows: Value[][], headers = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('户籍信息');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** POSTs `content` as the multipart field `file` to /api/imports/{kind} (households unless named). */
export function upload(
  app: FastifyInstance,
  s: Session,
  name: string,
  content: Buffer,
  query = 'mode=commit',
  lang = 'zh',
  kind = 'households',
) {
  const boundary = `xh${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return app.inject({
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

/** The register as plain data (no ids, no timestamps), to compare before and after a round trip. */
export async function dump(t: TestApp) {
  const households = await t.db.selectFrom('household').selectAll().orderBy('code').execute();
  const members = await t.db
    .selectFrom('household_member as m')
    .innerJoin('household as h', 'h.id', 'm.household_id')
    .selectAll('m')
    .select('h.code as hcode')
    .orderBy('h.code')
    .orderBy('m.seq')
    .execute();
  const years = await t.db
    .selectFrom('household_year as y')
    .innerJoin('household as h', 'h.id', 'y.household_id')
    .selectAll('y')
    .select('h.code as hcode')
    .orderBy('h.code')
    .orderBy('y.year')
    .execute();
  const strip = <T extends object>(rows: T[]) =>
    rows.map((r) =>
      Object.fromEntries(
        Object.entries(r).filter(([k]) => !/^(id|household_id|created_at|updated_at|version)$/.test(k)),
      ),
    );
  return { households: strip(households), members: strip(members), years: strip(years) };
}
/** Text → GBK bytes (what Excel's “CSV (逗号分隔)” writes on Chinese Windows), from the decoder's table. */
export function toGbk(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk');
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) table.set(decoder.decode(Uint8Array.of(a, b)), [a, b]);
  return Buffer.from([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c)!)));
}
/** The app and a county, a village (董家沟村) and an inspector session of 竹山县. */
export const importSessions = async (t: TestApp) => ({
  app: t.app,
  county: await t.as('county', '420323'),
  village: await t.as('village', DONGJIAGOU),
  inspector: await t.as('inspector', '420323'),
});
export const households = async (t: TestApp) =>
  (await t.db.selectFrom('household').select('code').orderBy('code').execute()).map((r) => r.code);

// ---- the help-force imports ----

export const CADRE_HEADERS = [
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
export const STATION_HEADERS = ['身份证号', '姓名', '派出单位', '村代码', '角色', '工作队', '开始日期', '结束日期'];
export const PAIRING_HEADERS = [
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
/** 赵一's ID number. */
export const ZHAO = idOf('1980-01-02', 13);

/** POSTs a file to the help-force import `kind` (cadres, stations, pairings). */
export const uploadTo = (
  t: TestApp,
  s: Session,
  kind: string,
  name: string,
  content: Buffer,
  query = 'mode=commit',
  lang = 'zh',
) => upload(t.app, s, name, content, query, lang, kind);

export type RowErr = { row: number; column: string; message: string; key?: string };
/** The [row, column] of each error. */
export const where = (errors: RowErr[]) => errors.map((e) => [e.row, e.column]);

/** Everything the imports may touch, as plain data (to show that a dry run or a refused row changes nothing). */
export async function forcesSnapshot(t: TestApp) {
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

/**
 * What each help-force test starts from: the county (竹山县), a township (擂鼓镇) and a sibling county (郧西县)
 * user, and the sending unit 县农业农村局.
 */
export const forceSessions = async (t: TestApp) => ({
  county: await t.as('county', '420323'),
  township: await t.as('township', '420323104'),
  otherCounty: await t.as('county', '420322'),
  unitId: await buildHelpUnit(t.db, { name: '县农业农村局', level: 'county' }),
});

/**
 * The two cadres the stations and pairings rows name, as the cadres import registers them: 赵一 (ID number ZHAO,
 * managed by the county, sent by `unitId`) and 李四 (no ID number, managed by 董家沟村, no unit).
 */
export async function buildZhaoAndLi(t: TestApp, unitId: number) {
  const zhao = await buildCadre(t.db, '420323', { name: '赵一', birthDate: '1980-01-02', unitId });
  await t.db.updateTable('person').set({ id_number: ZHAO, post: '科员' }).where('id', '=', zhao).execute();
  const li = await buildCadre(t.db, DONGJIAGOU, { name: '李四', birthDate: '1990-07-08', education: 'master' });
  await t.db.updateTable('person').set({ phone: null, post: '干事' }).where('id', '=', li).execute();
  return { zhao, li };
}

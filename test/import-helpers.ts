/** Helpers of the import tests: sample rows, CSV/xlsx builders, an upload call, a dump of the register. */
import { randomBytes } from 'node:crypto';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import ExcelJS from 'exceljs';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { loadConfig } from '../src/core/config.ts';
import { checkDigit } from '../src/core/modules/households/idcard.ts';
import { DEFAULT_LOCKOUT } from '../src/core/modules/users/rules.ts';
import { registerAuth } from '../src/server/plugins/auth.ts';
import { registerErrors } from '../src/server/plugins/errors.ts';
import { registerI18n } from '../src/server/plugins/i18n.ts';
import { importRoutes } from '../src/server/routes/imports.ts';
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

/** The app with the import routes: the main app once they are wired, else the same plugins around them. */
export async function importApp(t: TestApp, maxBytes?: number): Promise<FastifyInstance> {
  if (!maxBytes && t.app.hasRoute({ method: 'POST', url: '/api/imports/households' })) return t.app;
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(cookie);
  await app.register(multipart, { limits: { files: 1, fields: 6, parts: 7 } });
  registerI18n(app);
  registerErrors(app);
  registerAuth(app, t.db);
  const database = { db: t.db, dialect: t.dialect, url: '', close: async () => {} };
  const deps = { database, config: loadConfig({}), lockout: DEFAULT_LOCKOUT, loginRate: { max: 30, windowMs: 60_000 } };
  await app.register(importRoutes(deps, { maxBytes }));
  await app.ready();
  return app;
}

export function upload(
  app: FastifyInstance,
  s: Session,
  name: string,
  content: Buffer,
  query = 'mode=commit',
  lang = 'zh',
) {
  const boundary = `xh${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return app.inject({
    method: 'POST',
    url: `/api/imports/households?${query}`,
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
export const households = async (t: TestApp) =>
  (await t.db.selectFrom('household').select('code').orderBy('code').execute()).map((r) => r.code);

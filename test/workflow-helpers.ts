/** What the workflow tests share: households made directly, the version-carrying calls, a .docx reader. */
import { inflateRawSync } from 'node:zlib';
import { nowIso, type Db } from '../src/core/db/index.ts';
import { checkDigit } from '../src/core/modules/households/idcard.ts';
import type { Session, TestApp } from './harness.ts';

export const VILLAGE = '420323104211'; // 董家沟村, 擂鼓镇
export const SIBLING = '420323104205'; // 枣园村, same township
export const FOREIGN_TOWNSHIP = '420323103'; // 宝丰镇

let seq = 0;
export const idNumber = (n: number) => {
  const first17 = `42032319800101${String(100 + n).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
};

/**
 * A household with a head (and the head's ID number), optionally with a yearly record, and with its application
 * (农户申请) recorded on a day when `applied` names one.
 */
export async function buildHousehold(
  db: Db,
  o: {
    village?: string;
    status?: string;
    year?: { year: number; income: number; housing?: number | null };
    applied?: string;
  } = {},
) {
  const now = nowIso();
  const village = o.village ?? VILLAGE;
  const n = ++seq;
  const code = `WF${String(n).padStart(4, '0')}`;
  const { id } = await db
    .insertInto('household')
    .values({
      county_code: village.slice(0, 6),
      code,
      region_code: village,
      group_code: `${village}003`,
      head_name: `户主${n}`,
      main_cause: 'illness',
      status: o.status ?? 'non_poor',
      persons: 3,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const idNo = idNumber(n);
  await db
    .insertInto('household_member')
    .values({
      household_id: id,
      region_code: village,
      name: `户主${n}`,
      id_number: idNo,
      relation: 'head',
      created_at: now,
      updated_at: now,
    })
    .execute();
  if (o.year) {
    const y = o.year;
    await db
      .insertInto('household_year')
      .values({
        household_id: id,
        region_code: village,
        year: y.year,
        status: o.status ?? 'poor',
        persons: 3,
        net_income: y.income * 3,
        per_capita_income: y.income,
        food_clothing: 1,
        education: 1,
        medical: 1,
        housing: y.housing === undefined ? 1 : y.housing,
        water: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  if (o.applied)
    await db
      .insertInto('household_event')
      .values({
        household_id: id,
        region_code: village,
        workflow: 'identification',
        step: 'application',
        event_date: o.applied,
        created_at: now,
      })
      .execute();
  return { id, idNumber: idNo, code };
}

/** The poverty line of 2025 (national): 4,000 yuan. */
export async function setPovertyLine2025(db: Db) {
  await db
    .insertInto('policy_param')
    .values({ key: 'poverty_line', province: '', year: 2025, value: '4000', updated_at: nowIso() })
    .onConflict((oc) => oc.columns(['key', 'province', 'year']).doUpdateSet({ value: '4000' }))
    .execute();
}

export const householdRow = (t: TestApp, id: number) =>
  t.db.selectFrom('household').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

export const count = async (t: TestApp, table: 'household_event' | 'audit_log' | 'crosscheck_hit') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/**
 * Records a step (path: identification, exit or return) with the household's current version, as a caller who
 * has just read it would; a body with its own `version` sends that one.
 */
export async function step(t: TestApp, s: Session | null, id: number, path: string, body: Record<string, unknown>) {
  const { version } = await householdRow(t, id);
  return t.call(s, 'POST', `/api/households/${id}/${path}`, { version, ...body });
}

/** Reviews a hit with its current version (or the one given). */
export async function review(t: TestApp, s: Session, hitId: number, status: string, version?: number) {
  const hit = await t.db.selectFrom('crosscheck_hit').select('version').where('id', '=', hitId).executeTakeFirst();
  return t.call(s, 'PATCH', `/api/crosscheck-hits/${hitId}`, { status, version: version ?? hit?.version ?? 1 });
}

/** The text of word/document.xml inside a .docx (a zip): enough of a reader for the test. */
export function docxText(buf: Buffer): string {
  for (let i = 0; i + 30 < buf.length;) {
    if (buf.readUInt32LE(i) !== 0x04034b50) break;
    const [method, size, nameLen, extraLen] = [
      buf.readUInt16LE(i + 8),
      buf.readUInt32LE(i + 18),
      buf.readUInt16LE(i + 26),
      buf.readUInt16LE(i + 28),
    ];
    const name = buf.toString('utf8', i + 30, i + 30 + nameLen);
    const start = i + 30 + nameLen + extraLen;
    const data = buf.subarray(start, start + size);
    if (name === 'word/document.xml')
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8').replace(/<[^>]+>/g, '');
    i = start + size;
  }
  throw new Error('word/document.xml not found');
}

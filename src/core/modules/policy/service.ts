import { CODE_LISTS, type CodeListDef, type CodeListName } from '../../../shared/register.ts';
import type { Actor } from '../../access/permissions.ts';
import { authorizeAny } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { AppError, invalid, notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { paramProblem, POLICY_DEFAULTS, resolveParam, type ParamRow } from './rules.ts';

/** Inserts the shipped parameters and code lists that are missing (never overwrites an administrator's values). */
export async function seedPolicyDefaults(db: Db): Promise<void> {
  const now = nowIso();
  await db
    .insertInto('policy_param')
    .values(
      POLICY_DEFAULTS.map((p) => ({
        key: p.key,
        province: p.province,
        year: p.year,
        value: JSON.stringify(p.value),
        updated_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['key', 'province', 'year']).doNothing())
    .execute();
  const codes = Object.entries(CODE_LISTS).flatMap(([list, items]) =>
    (items as CodeListDef).map((c, i) => ({
      list,
      code: c.code,
      label_zh: c.zh,
      label_en: c.en,
      sort_order: i + 1,
      active: 1,
    })),
  );
  await db
    .insertInto('code_list')
    .values(codes)
    .onConflict((oc) => oc.columns(['list', 'code']).doNothing())
    .execute();
}

/** The policy parameters, all of them or those of one key. */
export async function loadParams(db: Db, key?: string): Promise<ParamRow[]> {
  const rows = await db
    .selectFrom('policy_param')
    .selectAll()
    .$if(key !== undefined, (qb) => qb.where('key', '=', key!))
    .orderBy('key')
    .orderBy('province')
    .orderBy('year')
    .execute();
  return rows.map((r) => ({ key: r.key, province: r.province, year: r.year, value: JSON.parse(r.value) as unknown }));
}

export async function paramValue<T>(db: Db, key: string, year: number, province = ''): Promise<T> {
  const value = resolveParam(await loadParams(db, key), key, year, province);
  if (value === undefined)
    throw new AppError(
      'CONFLICT',
      msg(`未设置政策参数：${key}（${year}）`, `Policy parameter not set: ${key} (${year})`),
    );
  return value as T;
}

/** 当年贫困线 — the poverty line of a year (yuan per person per year). */
export const povertyLine = (db: Db, year: number, province = '') =>
  paramValue<number>(db, 'poverty_line', year, province);

export async function setParam(db: Db, actor: Actor, p: ParamRow): Promise<void> {
  authorizeAny(actor, 'policy.manage');
  const problem = paramProblem(p.key, p.value);
  if (problem) throw invalid('value', problem);
  if (p.province !== '' && !/^\d{2}$/.test(p.province))
    throw invalid('province', msg('省级代码应为两位数字', 'Province code must have 2 digits'));
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('policy_param')
      .selectAll()
      .where('key', '=', p.key)
      .where('province', '=', p.province)
      .where('year', '=', p.year)
      .executeTakeFirst();
    await trx
      .insertInto('policy_param')
      .values({ key: p.key, province: p.province, year: p.year, value: JSON.stringify(p.value), updated_at: nowIso() })
      .onConflict((oc) =>
        oc.columns(['key', 'province', 'year']).doUpdateSet({ value: JSON.stringify(p.value), updated_at: nowIso() }),
      )
      .execute();
    await writeAudit(trx, actor, {
      action: before ? 'update' : 'create',
      entity: 'policy_param',
      entityId: `${p.key}/${p.province || '*'}/${p.year || '*'}`,
      before: before ? { value: JSON.parse(before.value) } : null,
      after: { value: p.value },
    });
  });
}

export async function listCodeLists(db: Db) {
  const rows = await db
    .selectFrom('code_list')
    .selectAll()
    .orderBy('list')
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
  const lists: Record<string, { code: string; zh: string; en: string; sortOrder: number; active: boolean }[]> = {};
  for (const r of rows)
    (lists[r.list] ??= []).push({
      code: r.code,
      zh: r.label_zh,
      en: r.label_en,
      sortOrder: r.sort_order,
      active: Number(r.active) === 1,
    });
  return lists;
}

/** Active codes of a list (what validation accepts). */
export async function activeCodes(db: Db, list: CodeListName): Promise<Set<string>> {
  const rows = await db
    .selectFrom('code_list')
    .select('code')
    .where('list', '=', list)
    .where('active', '=', 1)
    .execute();
  return new Set(rows.map((r) => r.code));
}

export async function upsertCode(
  db: Db,
  actor: Actor,
  list: string,
  code: string,
  v: { zh: string; en: string; sortOrder?: number; active?: boolean },
): Promise<void> {
  authorizeAny(actor, 'policy.manage');
  if (!(list in CODE_LISTS)) throw notFound(msg(`代码表不存在：${list}`, `No such code list: ${list}`));
  if (!/^[a-z0-9_]{1,30}$/.test(code))
    throw invalid('code', msg('代码只能包含小写字母、数字和下划线', 'Codes hold lowercase letters, digits and _'));
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('code_list')
      .selectAll()
      .where('list', '=', list)
      .where('code', '=', code)
      .executeTakeFirst();
    const row = {
      label_zh: v.zh,
      label_en: v.en,
      sort_order: v.sortOrder ?? before?.sort_order ?? 999,
      active: v.active === false ? 0 : 1,
    };
    await trx
      .insertInto('code_list')
      .values({ list, code, ...row })
      .onConflict((oc) => oc.columns(['list', 'code']).doUpdateSet(row))
      .execute();
    await writeAudit(trx, actor, {
      action: before ? 'update' : 'create',
      entity: 'code_list',
      entityId: `${list}/${code}`,
      before: before ?? null,
      after: { list, code, ...row },
    });
  });
}

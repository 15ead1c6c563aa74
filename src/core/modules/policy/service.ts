import {
  CODE_PATTERN,
  PROVINCE_PATTERN,
  type CodeEntry,
  type CodeInput,
  type ParamInput,
  type PolicyParam,
} from '../../../shared/contracts/policy.ts';
import { CODE_LISTS, type CodeListDef, type CodeListName } from '../../../shared/register.ts';
import { NATION_CODE } from '../../../shared/regions.ts';
import type { Scope } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { bumpVersion } from '../../db/rows.ts';
import { AppError, invalid, notFound, versionConflict } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { codeOf, findCode, findParam, paramOf } from './repo.ts';
import { paramProblem, POLICY_DEFAULTS, resolveParam } from './rules.ts';

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

/** The policy parameters, all of them or those of one key, with their versions. */
export async function loadParams(db: Db, key?: string): Promise<PolicyParam[]> {
  const rows = await db
    .selectFrom('policy_param')
    .selectAll()
    .$if(key !== undefined, (qb) => qb.where('key', '=', key!))
    .orderBy('key')
    .orderBy('province')
    .orderBy('year')
    .execute();
  return rows.map(paramOf);
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

/** The region a value belongs to: its province, or the whole country for a national value. */
const regionOfProvince = (province: string) => (province ? `${province}0000000000` : NATION_CODE);

/**
 * 设置政策参数 — sets one value (policy.manage over its region: the province, or the country for a national
 * value). Without a version it creates the value — 409 VERSION_CONFLICT with the stored one when it exists; with
 * the version read it changes it — 409 with the current value when it moved on. Audited; returns the value.
 */
export async function setParam(db: Db, scope: Scope, p: ParamInput, version: number | undefined): Promise<PolicyParam> {
  if (!PROVINCE_PATTERN.test(p.province))
    throw invalid('province', msg('省级代码应为两位数字', 'Province code must have 2 digits'));
  scope.authorize(regionOfProvince(p.province));
  const problem = paramProblem(p.key, p.value);
  if (problem) throw invalid('value', problem);
  const key = { key: p.key, province: p.province, year: p.year };
  const value = JSON.stringify(p.value);
  return db.transaction().execute(async (trx) => {
    const before = await findParam(trx, key);
    if (before) {
      if (version === undefined) throw versionConflict(paramOf(before));
      await bumpVersion(trx, 'policy_param', key, version, async () => paramOf((await findParam(trx, key))!));
      await trx
        .updateTable('policy_param')
        .set({ value, updated_at: nowIso() })
        .where('key', '=', key.key)
        .where('province', '=', key.province)
        .where('year', '=', key.year)
        .execute();
    } else {
      if (version !== undefined) throw notFound(msg('记录不存在', 'Record not found'));
      await trx
        .insertInto('policy_param')
        .values({ ...key, value, updated_at: nowIso() })
        .execute();
    }
    await writeAudit(trx, scope.actor, {
      action: before ? 'update' : 'create',
      entity: 'policy_param',
      entityId: `${p.key}/${p.province || '*'}/${p.year || '*'}`,
      before: before ? { value: JSON.parse(before.value), version: before.version } : null,
      after: { value: p.value },
    });
    return paramOf((await findParam(trx, key))!);
  });
}

/** 代码表 — every code list with its codes in order. */
export async function listCodeLists(db: Db): Promise<Record<string, CodeEntry[]>> {
  const rows = await db
    .selectFrom('code_list')
    .selectAll()
    .orderBy('list')
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
  const lists: Record<string, CodeEntry[]> = {};
  for (const r of rows) (lists[r.list] ??= []).push(codeOf(r));
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

/**
 * 修改代码 — sets a code's labels, order and activity, or adds a code (policy.manage in the whole country: the code
 * lists are national). Versions as setParam: none creates, the version read changes. Audited; returns the code.
 */
export async function setCode(
  db: Db,
  scope: Scope,
  list: string,
  code: string,
  v: CodeInput,
  version: number | undefined,
): Promise<CodeEntry> {
  scope.authorize(NATION_CODE);
  if (!(list in CODE_LISTS)) throw notFound(msg(`代码表不存在：${list}`, `No such code list: ${list}`));
  if (!CODE_PATTERN.test(code))
    throw invalid('code', msg('代码只能包含小写字母、数字和下划线', 'Codes hold lowercase letters, digits and _'));
  const key = { list, code };
  return db.transaction().execute(async (trx) => {
    const before = await findCode(trx, key);
    const row = {
      label_zh: v.zh,
      label_en: v.en,
      sort_order: v.sortOrder ?? before?.sort_order ?? 999,
      active: v.active === false ? 0 : 1,
    };
    if (before) {
      if (version === undefined) throw versionConflict(codeOf(before));
      await bumpVersion(trx, 'code_list', key, version, async () => codeOf((await findCode(trx, key))!));
      await trx.updateTable('code_list').set(row).where('list', '=', list).where('code', '=', code).execute();
    } else {
      if (version !== undefined) throw notFound(msg('记录不存在', 'Record not found'));
      await trx
        .insertInto('code_list')
        .values({ list, code, ...row })
        .execute();
    }
    await writeAudit(trx, scope.actor, {
      action: before ? 'update' : 'create',
      entity: 'code_list',
      entityId: `${list}/${code}`,
      before: before ?? null,
      after: { list, code, ...row },
    });
    return codeOf((await findCode(trx, key))!);
  });
}

/** Queries of the policy parameters and code lists, one row by its key, and their shapes as read. */
import type { Selectable } from 'kysely';
import type { CodeEntry, PolicyParam } from '../../../shared/contracts/policy.ts';
import type { Db } from '../../db/index.ts';
import type { CodeListTable, PolicyParamTable } from '../../db/schema.ts';

export interface ParamKey {
  key: string;
  province: string;
  year: number;
}

export const paramOf = (r: Selectable<PolicyParamTable>): PolicyParam => ({
  key: r.key,
  province: r.province,
  year: r.year,
  value: JSON.parse(r.value) as unknown,
  version: Number(r.version),
});

export async function findParam(db: Db, k: ParamKey) {
  return db
    .selectFrom('policy_param')
    .selectAll()
    .where('key', '=', k.key)
    .where('province', '=', k.province)
    .where('year', '=', k.year)
    .executeTakeFirst();
}

export const codeOf = (r: Selectable<CodeListTable>): CodeEntry => ({
  code: r.code,
  zh: r.label_zh,
  en: r.label_en,
  sortOrder: r.sort_order,
  active: Number(r.active) === 1,
  version: Number(r.version),
});

export async function findCode(db: Db, k: { list: string; code: string }) {
  return db
    .selectFrom('code_list')
    .selectAll()
    .where('list', '=', k.list)
    .where('code', '=', k.code)
    .executeTakeFirst();
}

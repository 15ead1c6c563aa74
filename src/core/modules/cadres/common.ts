/** Helpers shared by the cadre, unit, team, stationing and recall services. */
import type { Permission } from '../../../shared/codes.ts';
import type { Actor } from '../../access/permissions.ts';
import { authorize, authorizeAny, scopesFor } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { AppError, notFound } from '../../errors.ts';
import { msg, type Msg } from '../../i18n.ts';
import { paramValue } from '../policy/service.ts';
import { requireRegion } from '../regions/service.ts';
import { NATION_CODE, subtreeRange } from '../../../shared/regions.ts';

/**
 * The subtree a list covers: the `region` asked for (400 malformed, 404 unknown, 403 outside the
 * actor's scope), else the actor's first scope. Rows are further limited by withinScope.
 */
export async function listRange(db: Db, actor: Actor, permission: Permission, region: string | undefined) {
  authorizeAny(actor, permission);
  if (region) {
    const r = await requireRegion(db, region, 'region');
    authorize(actor, permission, r.code);
    return { code: r.code, ...subtreeRange(r.code) };
  }
  const scopes = scopesFor(actor, permission);
  const code = scopes === 'all' ? NATION_CODE : (scopes[0] ?? NATION_CODE);
  return { code, ...subtreeRange(code) };
}

/** 400 naming every field with a problem (nothing is written). */
export function refuse(problems: readonly (readonly [string, Msg])[]): void {
  if (problems.length)
    throw new AppError(
      'VALIDATION',
      msg('输入有误', 'Invalid input'),
      problems.map(([path, message]) => ({ path, message })),
    );
}

/** The province of a region code for policy parameters ('' = national). */
export const provinceOf = (code: string) => (code.startsWith('00') ? '' : code.slice(0, 2));

/** A numeric policy parameter for a region and year. */
export const numberParam = async (db: Db, key: string, year: number, regionCode: string) =>
  Number(await paramValue<number>(db, key, year, provinceOf(regionCode)));

export const cadreMissing = (id: number) => notFound(msg(`干部不存在：${id}`, `Cadre not found: ${id}`));
export const stationMissing = (id: number) => notFound(msg(`驻村记录不存在：${id}`, `Stationing not found: ${id}`));
export const teamMissing = (id: number) => notFound(msg(`工作队不存在：${id}`, `Work team not found: ${id}`));
export const unitMissing = (id: number) => notFound(msg(`帮扶单位不存在：${id}`, `Help unit not found: ${id}`));
export const partnerMissing = (id: number) => notFound(msg(`合作主体不存在：${id}`, `Partner not found: ${id}`));
export const recallMissing = (id: number) => notFound(msg(`召回记录不存在：${id}`, `Recall not found: ${id}`));

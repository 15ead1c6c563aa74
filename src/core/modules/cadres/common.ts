/** Helpers shared by the cadre, unit, team, stationing and recall use cases. */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { ancestorsOf, NATION_CODE } from '../../../shared/regions.ts';
import type { Actor } from '../../access/permissions.ts';
import type { Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { AppError, conflict, notFound } from '../../errors.ts';
import { msg, type Msg } from '../../i18n.ts';
import { maskPhone } from '../../pii/mask.ts';
import { paramValue } from '../policy/service.ts';

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

/** The region a scope stands for when one code is needed (policy parameters): the one named, else its first root. */
export function scopeCode(scope: Scope): string {
  if (scope.region) return scope.region.code;
  const ranges = scope.codeRanges();
  const first = ranges === 'all' ? undefined : ranges[0]?.lo;
  return first && first.length >= 12 ? first : NATION_CODE;
}

/**
 * The regions above a scope: the ancestors of its roots (for a county, the nation, its province and its city).
 * Empty when the scope holds the nation (nothing is above it).
 */
export function codesAbove(scope: Scope): string[] {
  const ranges = scope.codeRanges();
  if (ranges === 'all' || scope.covers(NATION_CODE)) return [];
  const roots = scope.region ? [scope.region.code] : ranges.map((r) => r.lo).filter((c) => c.length >= 12);
  return [...new Set(roots.flatMap(ancestorsOf))];
}

/**
 * The scope as one condition on a region-code column — the ranges `scope.where` filters a query by, as an
 * expression — for rows that belong to a scope in more than one way (ORed with the others: a cadre managed in the
 * scope or stationed there). An OR of index range conditions, which both databases serve from the index.
 */
export function inScope(scope: Scope, column: string) {
  const ranges = scope.codeRanges();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> =>
    ranges === 'all'
      ? sql<SqlBool>`1 = 1`
      : ranges.length === 0
        ? sql<SqlBool>`1 = 0`
        : eb.or(ranges.map((r) => eb.and([eb(column, '>=', r.lo), eb(column, '<', r.hi)])));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Filterable = { where: (...args: any[]) => any };

/**
 * Keeps the reference rows (help units, partners) a scope sees: registered inside it (their region `column`),
 * registered above it (`codesAbove`), or linked to it (`linked`: conditions built with the scope, e.g. an EXISTS of
 * a pairing there). A scope holding the nation sees them all.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function seenFrom<EB extends ExpressionBuilder<any, any>>(
  scope: Scope,
  column: string,
  linked: (eb: EB) => Expression<SqlBool>[],
) {
  return <QB extends Filterable>(qb: QB): QB => {
    if (scope.isGlobal || scope.covers(NATION_CODE)) return qb;
    const above = codesAbove(scope);
    return qb.where((eb: EB) =>
      eb.or([inScope(scope, column)(eb), ...(above.length ? [eb(column, 'in', above)] : []), ...linked(eb)]),
    );
  };
}

/** Who did it, as request and decision rows name them. */
export const actorName = (actor: Actor) => (actor.kind === 'user' ? actor.username : `(${actor.name})`);

/** A value as forms receive it masked (139****5678, 420323********123X). */
export const isMasked = (v: string | null | undefined) => !!v && v.includes('*');

/**
 * A phone from a form: a masked value sent back unchanged keeps the stored number; any other masked value is a
 * problem (the full number is needed). Returns the value to store, or a problem.
 */
export function keptPhone(
  sent: string | null | undefined,
  stored: string | null | undefined,
): { phone: string | null } | { problem: Msg } {
  if (!isMasked(sent)) return { phone: sent ?? null };
  if (stored && maskPhone(stored) === sent) return { phone: stored };
  return { problem: msg('请填写完整的电话号码', 'Enter the full phone number') };
}

export const cadreMissing = (id: number) => notFound(msg(`干部不存在：${id}`, `Cadre not found: ${id}`));
export const stationMissing = (id: number) => notFound(msg(`驻村记录不存在：${id}`, `Stationing not found: ${id}`));
export const teamMissing = (id: number) => notFound(msg(`工作队不存在：${id}`, `Work team not found: ${id}`));
export const unitMissing = (id: number) => notFound(msg(`帮扶单位不存在：${id}`, `Help unit not found: ${id}`));
export const partnerMissing = (id: number) => notFound(msg(`合作主体不存在：${id}`, `Partner not found: ${id}`));
export const recallMissing = (id: number) => notFound(msg(`召回记录不存在：${id}`, `Recall not found: ${id}`));

/** Unit and partner names are unique (409 naming the name; the unique key backs it). */
export async function uniqueName(db: Db, table: 'help_unit' | 'partner', name: string, selfId?: number) {
  const other = await db
    .selectFrom(table)
    .select('id')
    .where('name', '=', name)
    .$if(selfId !== undefined, (qb) => qb.where('id', '!=', selfId!))
    .executeTakeFirst();
  if (other) throw conflict(msg(`名称已存在：${name}`, `The name is already used: ${name}`));
}

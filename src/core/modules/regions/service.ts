/**
 * Region use cases (行政区划): the tree of the caller's scope, a region's page, the name search, the region flags
 * (versioned) and new village groups (村民小组). Each takes the Scope the registrar resolved from the contract:
 * narrowed to the region a path names (`{ region: 'params' }`), or the caller's whole scope.
 */
import type { FlagsPatch, GroupInput, RegionDetail } from '../../../shared/contracts/regions.ts';
import { ancestorsOf, groupCode, NATION_CODE, normalizeCode, subtreeRange } from '../../../shared/regions.ts';
import type { Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { bumpVersion } from '../../db/rows.ts';
import { AppError, conflict, invalid, notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { unitsOfRegion } from '../command/repo.ts';
import {
  countByLevel,
  countChildren,
  findRegion,
  findRegions,
  findSummaries,
  listChildren,
  searchRegions as searchByName,
  updateFlags,
  upsertRegions,
  type Region,
  type RegionWithChildren,
} from './repo.ts';
import { groupName } from './rules.ts';

/** Parses a code from input: 400 when malformed (naming `field`), 404 when unknown. */
export async function requireRegion(db: Db, input: string, field = 'code'): Promise<Region> {
  const code = normalizeCode(input);
  if (!code) {
    throw new AppError('VALIDATION', msg('输入有误', 'Invalid input'), [
      {
        path: field,
        message: msg(
          '区划代码格式不正确（应为 2、4、6、9、12 位数字，或 15 位村民小组代码）',
          'Malformed region code (2, 4, 6, 9 or 12 digits, or a 15-digit group code)',
        ),
      },
    ]);
  }
  const region = await findRegion(db, code);
  if (!region) throw notFound(msg(`区域不存在：${input}`, `Region not found: ${input}`));
  return region;
}

/** The region a contract's path names: the registrar has checked it exists and narrowed the Scope to it. */
function named(scope: Scope) {
  if (!scope.region) throw new Error('the contract names no region');
  return scope.region;
}

const summary = (r: RegionWithChildren) => ({ ...r, isLeaf: r.childCount === 0 });

/** A region's page: the region, its ancestors, the regions below it by level and its own command units. */
async function detailOf(db: Db, code: string): Promise<RegionDetail> {
  const [region, ancestors, byLevel, children, commandUnits] = await Promise.all([
    findRegion(db, code),
    findRegions(db, ancestorsOf(code)),
    countByLevel(db, code),
    countChildren(db, code),
    unitsOfRegion(db, code),
  ]);
  if (!region) throw notFound(msg(`区域不存在：${code}`, `Region not found: ${code}`));
  return {
    ...region,
    ancestors: ancestors.map((a) => ({ code: a.code, name: a.name, level: a.level })),
    counts: {
      children,
      townships: byLevel.township ?? 0,
      villages: byLevel.village ?? 0,
      groups: byLevel.group ?? 0,
    },
    commandUnits,
  };
}

export function regionDetail(db: Db, scope: Scope): Promise<RegionDetail> {
  return detailOf(db, named(scope).code);
}

export async function regionChildren(db: Db, scope: Scope) {
  return { items: (await listChildren(db, named(scope).code)).map(summary) };
}

/**
 * The tops of the caller's region tree: the regions at the tops of the scope's code ranges (a range starts at
 * its region's code; ranges inside another one are dropped), or the provinces for a national scope.
 */
export async function regionRoots(db: Db, scope: Scope) {
  const ranges = scope.codeRanges();
  const nation = subtreeRange(NATION_CODE);
  const national = ranges === 'all' || ranges.some((r) => r.lo === nation.lo);
  if (national) return { items: (await listChildren(db, NATION_CODE)).map(summary) };
  const tops = ranges.filter((r) => !ranges.some((o) => o !== r && o.lo <= r.lo && r.hi <= o.hi && o.lo !== r.lo));
  const codes = [...new Set(tops.map((r) => r.lo))];
  return { items: (await findSummaries(db, codes)).map(summary) };
}

/** Regions in the caller's scope whose name contains `q`. */
export async function searchRegions(db: Db, scope: Scope, query: { q: string; limit: number }) {
  return { items: (await searchByName(db, scope, query.q, query.limit)).map(summary) };
}

/**
 * Sets some of a region's flags (the others keep their values). Versioned: 409 with the region's page as it is
 * now when it moved on since the caller read it. Audited with the flags before and after.
 */
export async function setRegionFlags(
  db: Db,
  scope: Scope,
  patch: FlagsPatch,
  version: number | undefined,
): Promise<RegionDetail> {
  const { code } = named(scope);
  const { version: _sent, ...flags } = patch;
  void _sent;
  await db.transaction().execute(async (trx) => {
    await bumpVersion(trx, 'region', { code }, version, () => detailOf(trx, code));
    const before = (await findRegion(trx, code))!;
    await updateFlags(trx, code, flags);
    const after = (await findRegion(trx, code))!;
    await writeAudit(trx, scope.actor, {
      action: 'update_flags',
      entity: 'region',
      entityId: code,
      regionCode: code,
      before: before.flags,
      after: after.flags,
    });
  });
  return detailOf(db, code);
}

/** Adds a group (村民小组) under a village; a number already taken answers 409, also when two add it at once. */
export async function addGroup(db: Db, scope: Scope, input: GroupInput): Promise<Region> {
  const { code: villageCode, level } = named(scope);
  if (level !== 'village') throw invalid('code', msg('只能在村下设村民小组', 'Groups belong under villages'));
  const village = (await findRegion(db, villageCode))!;
  const code = groupCode(village.code, input.no);
  return db.transaction().execute(async (trx) => {
    if (await findRegion(trx, code))
      throw conflict(msg(`该村已有第 ${input.no} 组`, `Group ${input.no} already exists`));
    const name = input.name?.trim() || groupName(input.no);
    // Two adding the same number at once: the later insert fails on the primary key, answered 409 as well.
    await upsertRegions(
      trx,
      [
        {
          code,
          name,
          officialName: name,
          level: 'group',
          parentCode: village.code,
          groupNo: input.no,
          western: village.flags.western,
        },
      ],
      'fail',
    );
    const after = (await findRegion(trx, code))!;
    await writeAudit(trx, scope.actor, { action: 'create', entity: 'region', entityId: code, regionCode: code, after });
    return after;
  });
}

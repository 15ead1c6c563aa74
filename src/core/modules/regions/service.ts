import type { Actor } from '../../access/permissions.ts';
import { authorize, rangesFor, scopesFor } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { AppError, conflict, invalid, notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { unitsOfRegion } from '../command/repo.ts';
import {
  countByLevel,
  countChildren,
  findRegion,
  findRegions,
  listChildren,
  searchRegions,
  updateFlags,
  upsertRegions,
  type Region,
  type RegionFlags,
} from './repo.ts';
import { ancestorsOf, groupCode, isWithin, NATION_CODE, normalizeCode } from '../../../shared/regions.ts';
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

const summary = (r: Region & { childCount: number }) => ({
  ...r,
  childCount: r.childCount,
  isLeaf: r.childCount === 0,
});

export async function getRegionDetail(db: Db, actor: Actor, input: string) {
  const region = await requireRegion(db, input);
  authorize(actor, 'region.read', region.code);
  const [ancestors, byLevel, children, commandUnits] = await Promise.all([
    findRegions(db, ancestorsOf(region.code)),
    countByLevel(db, region.code),
    countChildren(db, region.code),
    unitsOfRegion(db, region.code),
  ]);
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

export async function getChildren(db: Db, actor: Actor, input: string) {
  const region = await requireRegion(db, input);
  authorize(actor, 'region.read', region.code);
  return (await listChildren(db, region.code)).map(summary);
}

/** The tops of the actor's region tree: its scope regions, or the provinces for a national scope. */
export async function getRoots(db: Db, actor: Actor) {
  const scopes = scopesFor(actor, 'region.read');
  if (scopes === 'all' || scopes.includes(NATION_CODE)) return (await listChildren(db, NATION_CODE)).map(summary);
  // Drop scopes nested inside another of the actor's scopes.
  const tops = [...new Set(scopes)].filter((s) => !scopes.some((o) => o !== s && isWithin(s, o)));
  const regions = await findRegions(db, tops);
  return Promise.all(regions.map(async (r) => summary({ ...r, childCount: await countChildren(db, r.code) })));
}

export async function searchInScope(db: Db, actor: Actor, q: string, limit: number) {
  const regions = await searchRegions(db, q, rangesFor(actor, 'region.read'), limit);
  return Promise.all(regions.map(async (r) => summary({ ...r, childCount: await countChildren(db, r.code) })));
}

export async function setFlags(db: Db, actor: Actor, input: string, flags: Partial<RegionFlags>) {
  const region = await requireRegion(db, input);
  authorize(actor, 'region.flag', region.code);
  await db.transaction().execute(async (trx) => {
    await updateFlags(trx, region.code, flags);
    const after = await findRegion(trx, region.code);
    await writeAudit(trx, actor, {
      action: 'update_flags',
      entity: 'region',
      entityId: region.code,
      regionCode: region.code,
      before: region.flags,
      after: after!.flags,
    });
  });
  return getRegionDetail(db, actor, region.code);
}

/** Adds a group (村民小组) under a village. */
export async function addGroup(db: Db, actor: Actor, villageInput: string, input: { no: number; name?: string }) {
  const village = await requireRegion(db, villageInput);
  if (village.level !== 'village') throw invalid('code', msg('只能在村下设村民小组', 'Groups belong under villages'));
  authorize(actor, 'region.write', village.code);
  const code = groupCode(village.code, input.no);
  return db.transaction().execute(async (trx) => {
    if (await findRegion(trx, code))
      throw conflict(msg(`该村已有第 ${input.no} 组`, `Group ${input.no} already exists`));
    const name = input.name?.trim() || groupName(input.no);
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
    const after = await findRegion(trx, code);
    await writeAudit(trx, actor, { action: 'create', entity: 'region', entityId: code, regionCode: code, after });
    return after!;
  });
}

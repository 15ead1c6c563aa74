/**
 * Regions (行政区划): the tree of the caller's scope (roots, children), a region's page (detail with ancestors,
 * counts and its command units), the name search, the region flags (贫困县, 贫困村 …) and new village groups
 * (村民小组). Other modules' pages call `regions.roots`, `regions.detail`, `regions.children` and `regions.search`
 * for their region pickers.
 */
import { z } from 'zod';
import { REGION_FLAGS, REGION_LEVELS, type RegionFlag } from '../codes.ts';
import { CommandUnit } from './command.ts';
import { contract } from './contract.ts';
import { CodeParam, VersionField } from './fields.ts';

const tags = ['regions'];

/** The region flags, each true or false. */
export const RegionFlags = z.object(
  Object.fromEntries(REGION_FLAGS.map((f) => [f, z.boolean()])) as Record<RegionFlag, z.ZodBoolean>,
);
export type RegionFlags = z.output<typeof RegionFlags>;

export const Region = z.object({
  /** Padded: 12 digits (15 for a group). */
  code: z.string(),
  /** The significant prefix: 420323 for 420323000000. */
  shortCode: z.string(),
  name: z.string(),
  officialName: z.string(),
  level: z.enum(REGION_LEVELS),
  parentCode: z.string().nullable(),
  flags: RegionFlags,
  version: z.number(),
});
export type Region = z.output<typeof Region>;

/** A region in a tree or a list, with the number of its children. */
export const RegionSummary = Region.extend({ childCount: z.number(), isLeaf: z.boolean() });
export type RegionSummary = z.output<typeof RegionSummary>;

export const RegionRef = z.object({ code: z.string(), name: z.string(), level: z.enum(REGION_LEVELS) });
export type RegionRef = z.output<typeof RegionRef>;

export const RegionDetail = Region.extend({
  /** From the nation down to the parent. */
  ancestors: z.array(RegionRef),
  counts: z.object({ children: z.number(), townships: z.number(), villages: z.number(), groups: z.number() }),
  /** The command units bound to this very region. */
  commandUnits: z.array(CommandUnit),
});
export type RegionDetail = z.output<typeof RegionDetail>;

const RegionItems = z.object({ items: z.array(RegionSummary) });
export type RegionItems = z.output<typeof RegionItems>;

/** The flags to set (the others keep their values) and the version read. */
export const FlagsPatch = RegionFlags.partial().extend(VersionField).strict();
export type FlagsPatch = z.output<typeof FlagsPatch>;

export const GroupInput = z.object({
  no: z.number().int().min(1).max(999),
  name: z.string().trim().max(50).optional(),
});
export type GroupInput = z.output<typeof GroupInput>;

export const RegionSearchQuery = z.object({
  q: z.string().trim().min(1).max(50),
  limit: z.coerce.number<number | string>().int().min(1).max(100).default(20),
});

export const regions = {
  roots: contract({
    method: 'GET',
    path: '/api/regions/roots',
    summary: '我的管辖区域 Scope roots (the provinces for a national scope)',
    tags,
    response: RegionItems,
    permission: 'region.read',
    scope: 'row',
  }),
  search: contract({
    method: 'GET',
    path: '/api/regions/search',
    summary: '按名称查找区域 Search regions in scope',
    tags,
    query: RegionSearchQuery,
    response: RegionItems,
    permission: 'region.read',
    scope: 'row',
  }),
  detail: contract({
    method: 'GET',
    path: '/api/regions/:code',
    summary: '区域详情 Region (short or padded code)',
    tags,
    params: CodeParam,
    response: RegionDetail,
    permission: 'region.read',
    scope: { region: 'params', key: 'code' },
  }),
  children: contract({
    method: 'GET',
    path: '/api/regions/:code/children',
    summary: '下级区域 Children',
    tags,
    params: CodeParam,
    response: RegionItems,
    permission: 'region.read',
    scope: { region: 'params', key: 'code' },
  }),
  setFlags: contract({
    method: 'PATCH',
    path: '/api/regions/:code/flags',
    summary: '设置区域标识 Set region flags (send the version read: body version or If-Match; 409 when stale)',
    tags,
    params: CodeParam,
    body: FlagsPatch,
    response: RegionDetail,
    permission: 'region.flag',
    scope: { region: 'params', key: 'code' },
    versioned: true,
  }),
  addGroup: contract({
    method: 'POST',
    path: '/api/regions/:code/groups',
    summary: '新增村民小组 Add a group under a village (a taken number: 409)',
    tags,
    params: CodeParam,
    body: GroupInput,
    response: Region,
    status: 201,
    permission: 'region.write',
    scope: { region: 'params', key: 'code' },
  }),
};

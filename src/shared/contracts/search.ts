/**
 * 全局搜索 — the header's search: households by code or head's name, persons by name or ID number, cadres and
 * regions by name, each kind inside the caller's scope for its permission (a kind the caller may not read is
 * empty). An ID number shows masked; a full ID number typed by a caller who may reveal personal data in the
 * person's region finds that person and shows the number in full — audited as a reveal.
 */
import { z } from 'zod';
import { REGION_LEVELS } from '../codes.ts';
import { HouseholdStatusSchema } from '../household.ts';
import { contract } from './contract.ts';
import { RegionCode } from './fields.ts';

export const SearchQuery = z.object({
  q: z.string().trim().min(2).max(50),
  /** Only inside this region (absent: the caller's whole scope). */
  region: RegionCode.optional(),
  /** At most so many results of each kind. */
  limit: z.coerce.number<number | string>().int().min(1).max(20).default(5),
});
export type SearchQuery = z.output<typeof SearchQuery>;

export const HouseholdHit = z.object({
  id: z.number(),
  code: z.string(),
  headName: z.string(),
  villageName: z.string(),
  groupName: z.string().nullable(),
  status: HouseholdStatusSchema,
});
export const PersonHit = z.object({
  memberId: z.number(),
  householdId: z.number(),
  householdCode: z.string(),
  name: z.string(),
  relation: z.string().nullable(),
  /** Masked, unless `revealed`. */
  idNumber: z.string().nullable(),
  revealed: z.boolean(),
  villageName: z.string(),
});
export const CadreHit = z.object({
  id: z.number(),
  name: z.string(),
  post: z.string().nullable(),
  regionName: z.string(),
});
export const RegionHit = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  parentName: z.string().nullable(),
});

export const SearchResult = z.object({
  households: z.array(HouseholdHit),
  persons: z.array(PersonHit),
  cadres: z.array(CadreHit),
  regions: z.array(RegionHit),
});
export type SearchResult = z.output<typeof SearchResult>;

export const search = {
  global: contract({
    method: 'GET',
    path: '/api/search',
    summary: '全局搜索 Search households, persons, cadres and regions in the caller’s scope (q: 2+ characters)',
    tags: ['search'],
    query: SearchQuery,
    response: SearchResult,
    permission: 'region.read',
    scope: { region: 'query', key: 'region' },
  }),
};

import { z } from 'zod';
import { localized } from '../core/i18n.ts';
import { COMMAND_UNIT_KINDS, GENDERS, PERMISSIONS, REGION_FLAGS, REGION_LEVELS, ROLES } from '../shared/codes.ts';

/** Zod schemas of the API's inputs and outputs (the OpenAPI document is generated from them). */

export const CodeParam = z.object({ code: z.string().max(20) });
export const IdParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export const Paging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
};

/** Paging of the help-force lists (at most 200 rows a page). */
export const ForcePaging = { page: Paging.page, pageSize: z.coerce.number().int().min(1).max(200).default(20) };

/** An id in a query string or body (coerced from text). */
export const QueryId = z.coerce.number().int().positive().max(2_147_483_647);
/** A year in a query string. */
export const QueryYear = z.coerce.number().int().min(2000).max(2100);

/** A query-string flag: "true" or "false" (absent: undefined). */
export const QueryFlag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true'));

export const RegionFlagsSchema = z.object(
  Object.fromEntries(REGION_FLAGS.map((f) => [f, z.boolean()])) as Record<(typeof REGION_FLAGS)[number], z.ZodBoolean>,
);

export const RegionSchema = z.object({
  code: z.string(),
  shortCode: z.string(),
  name: z.string(),
  officialName: z.string(),
  level: z.enum(REGION_LEVELS),
  parentCode: z.string().nullable(),
  flags: RegionFlagsSchema,
});

export const RegionSummarySchema = RegionSchema.extend({ childCount: z.number(), isLeaf: z.boolean() });

export const PersonRefSchema = z.object({ id: z.number(), name: z.string(), post: z.string().nullable() });

export const CommandUnitSchema = z.object({
  id: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  kind: z.enum(COMMAND_UNIT_KINDS),
  name: z.string(),
  parentId: z.number().nullable(),
  parentName: z.string().nullable(),
  commander: PersonRefSchema.nullable(),
  leader: PersonRefSchema.nullable(),
  memberCount: z.number(),
});

export const RegionDetailSchema = RegionSchema.extend({
  ancestors: z.array(z.object({ code: z.string(), name: z.string(), level: z.enum(REGION_LEVELS) })),
  counts: z.object({ children: z.number(), townships: z.number(), villages: z.number(), groups: z.number() }),
  commandUnits: z.array(CommandUnitSchema),
});

export const GrantSchema = z.object({ role: z.enum(ROLES), scopeCode: z.string().max(20) });

export const MeSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.object({ role: z.enum(ROLES), scopeCode: z.string(), scopeName: z.string() })),
  permissions: z.array(z.enum(PERMISSIONS)),
  isAdmin: z.boolean(),
});

export const PersonSchema = z.object({
  id: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  gender: z.string().nullable(),
  phone: z.string().nullable(),
  post: z.string().nullable(),
});

const text = (max: number) => z.string().trim().min(1).max(max);
/** An optional, nullable, trimmed text of at most `max` characters. */
export const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** An approver's decision on a request (leave, recall): approve or reject, with a note. */
export const DecisionBody = z.object({ approve: z.boolean(), note: optionalText(500) });

export const PersonInputSchema = z.object({
  regionCode: z.string().max(20),
  name: text(50),
  gender: z.enum(GENDERS).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-\s]{5,20}$/, localized('电话号码格式不正确（5–20 位数字）', 'Malformed phone number (5–20 digits)'))
    .nullable()
    .optional(),
  post: optionalText(100),
});

export const UnitInputSchema = z.object({
  regionCode: z.string().max(20),
  kind: z.enum(COMMAND_UNIT_KINDS),
  name: text(100),
  parentId: z.number().int().positive().nullable().optional(),
  commanderId: z.number().int().positive().nullable().optional(),
  leaderId: z.number().int().positive().nullable().optional(),
});

export const Username = z
  .string()
  .trim()
  .min(2)
  .max(50)
  .regex(
    /^[A-Za-z0-9_.-]+$/,
    localized('用户名只能包含字母、数字、下划线、点和横线', 'Username may hold letters, digits, _ . and - only'),
  );

export const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

export const listOf = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item), total: z.number() });

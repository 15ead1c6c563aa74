/**
 * Policy parameters (政策参数: poverty lines, thresholds, lists — national or per province, per year or any year)
 * and the register's code lists (代码表). Everyone logged in reads them; writing needs policy.manage over the
 * value's region: a province's value in that province, a national value and the code lists in the whole country.
 */
import { z } from 'zod';
import { contract } from './contract.ts';
import { text, Version, VersionField } from './fields.ts';

const tags = ['policy'];

/** A code of a code list: lowercase letters, digits and _ (or one capital letter, as the housing grades A–D). */
export const CODE_PATTERN = /^(?:[a-z0-9_]{1,30}|[A-Z])$/;
/** A province of a policy value: two digits, or '' for the national value. */
export const PROVINCE_PATTERN = /^(?:\d{2})?$/;

/** One stored value of a parameter: key, province ('' national), year (0 any year), the value, its version. */
export const PolicyParam = z.object({
  key: z.string(),
  province: z.string(),
  year: z.number(),
  value: z.unknown(),
  version: Version,
});
export type PolicyParam = z.output<typeof PolicyParam>;

/**
 * Sets one value. Without a version it creates the value (409 VERSION_CONFLICT with the stored one when it
 * exists already); with the version read it changes it (409 when it moved on).
 */
export const ParamBody = z.object({
  key: z.string().max(50),
  province: z.string().max(2).default(''),
  year: z.number().int().min(0).max(2100).default(0),
  value: z.unknown(),
  ...VersionField,
});
export type ParamInput = Omit<z.output<typeof ParamBody>, 'version'>;

/** A code of a list with its labels, order and whether validation accepts it. */
export const CodeEntry = z.object({
  code: z.string(),
  zh: z.string(),
  en: z.string(),
  sortOrder: z.number(),
  active: z.boolean(),
  version: Version,
});
export type CodeEntry = z.output<typeof CodeEntry>;

export const CodeParams = z.object({ list: z.string().max(30), code: z.string().max(30) });

/** Sets a code's labels, order and activity; creates the code when no version is sent (as ParamBody). */
export const CodeBody = z.object({
  zh: text(100),
  en: text(100),
  sortOrder: z.number().int().min(0).max(10000).optional(),
  active: z.boolean().optional(),
  ...VersionField,
});
export type CodeInput = Omit<z.output<typeof CodeBody>, 'version'>;

export const policy = {
  params: contract({
    method: 'GET',
    path: '/api/policy/params',
    summary: '政策参数 Policy parameters',
    tags,
    response: z.object({ items: z.array(PolicyParam) }),
    permission: null,
    scope: 'global',
  }),
  setParam: contract({
    method: 'PUT',
    path: '/api/policy/params',
    summary: '设置政策参数 Set a parameter (create without a version; change with the version read, 409 when stale)',
    tags,
    body: ParamBody,
    response: PolicyParam,
    permission: 'policy.manage',
    scope: 'row',
    versioned: true,
  }),
  codeLists: contract({
    method: 'GET',
    path: '/api/code-lists',
    summary: '代码表 Code lists',
    tags,
    response: z.object({ lists: z.record(z.string(), z.array(CodeEntry)) }),
    permission: null,
    scope: 'global',
  }),
  setCode: contract({
    method: 'PUT',
    path: '/api/code-lists/:list/:code',
    summary: '修改代码 Set a code (create without a version; change with the version read, 409 when stale)',
    tags,
    params: CodeParams,
    body: CodeBody,
    response: CodeEntry,
    permission: 'policy.manage',
    scope: 'row',
    versioned: true,
  }),
};

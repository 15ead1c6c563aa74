/**
 * Users (用户) with their roles in region scopes, and the audit log (审计日志). Both are scoped: an administrator
 * held in a county sees the users holding a role inside the county and the audit rows of the county.
 */
import { z } from 'zod';
import { ROLES } from '../codes.ts';
import { localized } from '../lang.ts';
import { RoleAssignment } from './auth.ts';
import { contract } from './contract.ts';
import { IdParam, listOf, Paging, RegionCode, text, Version, VersionField } from './fields.ts';

export const Username = z
  .string()
  .trim()
  .min(2)
  .max(50)
  .regex(
    /^[A-Za-z0-9_.-]+$/,
    localized('用户名只能包含字母、数字、下划线、点和横线', 'Username may hold letters, digits, _ . and - only'),
  );

/** A role to hold in a region scope (a short or padded region code). */
export const GrantInput = z.object({ role: z.enum(ROLES), scopeCode: RegionCode });
export type GrantInput = z.output<typeof GrantInput>;

const DisplayName = text(100);
/** Checked by the password policy in the use case (users/rules.ts), which names the field. */
const Password = z.string().max(200);
const Roles = z.array(GrantInput).min(1).max(20);

/**
 * A user as an administrator sees it. A user belongs to the regions of its roles: it is listed to every
 * administrator whose scope holds at least one of them. `roles` are those inside the reader's scope;
 * `rolesOutside` counts the others (named to nobody who cannot manage them). Only an administrator whose scope
 * holds every role may edit the user (`canEdit`).
 */
export const UserRow = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  /** The password was given by an administrator: the user changes it at the next login. */
  mustChangePassword: z.boolean(),
  /** The latest lock in force at any address (see the lockout policy). */
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  roles: z.array(RoleAssignment),
  rolesOutside: z.number(),
  canEdit: z.boolean(),
  version: Version,
});
export type UserRow = z.output<typeof UserRow>;

export const UserListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  /** Users holding a role inside this region. */
  region: RegionCode.optional(),
  ...Paging,
});
export type UserListQuery = z.output<typeof UserListQuery>;

export const UserCreateBody = z.object({
  username: Username,
  displayName: DisplayName,
  password: Password,
  roles: Roles,
});
export type UserCreateInput = z.output<typeof UserCreateBody>;

/** The fields sent are changed; a password resets it. */
export const UserUpdateBody = z
  .object({ displayName: DisplayName, active: z.boolean(), roles: Roles, password: Password })
  .partial()
  .extend(VersionField)
  .strict();
export type UserUpdateInput = Omit<z.output<typeof UserUpdateBody>, 'version'>;

const Saved = z.object({ id: z.number(), version: Version });

/** A day (YYYY-MM-DD, the whole day in UTC) or an instant with its offset. */
const DayOrInstant = z.iso.datetime({ offset: true }).or(z.iso.date());

export const AuditQuery = z.object({
  username: z.string().trim().max(50).optional(),
  entity: z.string().trim().max(50).optional(),
  action: z.string().trim().max(50).optional(),
  from: DayOrInstant.optional(),
  to: DayOrInstant.optional(),
  region: RegionCode.optional(),
  ...Paging,
});
export type AuditQuery = z.output<typeof AuditQuery>;

/** A field an update changed (audit/diff.ts): its path (keys, list positions or years), before and after. */
export const AuditChange = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  /** The list element it belongs to, by name (a member). */
  item: z.string().optional(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditChange = z.output<typeof AuditChange>;

/**
 * One audit record. ID numbers and phones inside `before`/`after` (and `changes`) are masked unless the reader may
 * reveal personal data (pii.reveal) in the row's region; `masked` tells that some were.
 */
export const AuditRow = z.object({
  id: z.number(),
  at: z.string(),
  username: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** The region the change belongs to; null for rows no region owns (logins, policy), seen nationally only. */
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /** The fields that changed, when before and after are two images of one record (an update); else null. */
  changes: z.array(AuditChange).nullable(),
  masked: z.boolean(),
});
export type AuditRow = z.output<typeof AuditRow>;

export const users = {
  list: contract({
    method: 'GET',
    path: '/api/users',
    summary: '用户列表 Users holding a role inside the caller’s scope (or inside region)',
    tags: ['users'],
    query: UserListQuery,
    response: listOf(UserRow),
    permission: 'user.manage',
    scope: { region: 'query', key: 'region' },
  }),
  create: contract({
    method: 'POST',
    path: '/api/users',
    summary: '新建用户 Create user (every role inside the caller’s scope)',
    tags: ['users'],
    body: UserCreateBody,
    response: Saved,
    status: 201,
    permission: 'user.manage',
    scope: 'row',
  }),
  update: contract({
    method: 'PATCH',
    path: '/api/users/:id',
    summary: '修改用户 Update user (send the version read: body version or If-Match; 409 when stale)',
    tags: ['users'],
    params: IdParam,
    body: UserUpdateBody,
    response: Saved,
    permission: 'user.manage',
    scope: 'row',
    versioned: true,
  }),
  unlock: contract({
    method: 'POST',
    path: '/api/users/:id/unlock',
    summary: '解锁 Unlock (lifts the lock at every address)',
    tags: ['users'],
    params: IdParam,
    response: null,
    permission: 'user.manage',
    scope: 'row',
  }),
};

export const AuditUsersQuery = z.object({
  q: z.string().trim().max(50).optional(),
  region: RegionCode.optional(),
});

/** A user the audit filter offers: by name, among the users of the reader's scope. */
export const AuditUser = z.object({ username: z.string(), displayName: z.string() });

export const audit = {
  users: contract({
    method: 'GET',
    path: '/api/audit/users',
    summary:
      '审计日志的用户筛选 Users to filter the audit log by (holding a role in the caller’s audit scope; at most 20)',
    tags: ['audit'],
    query: AuditUsersQuery,
    response: z.object({ items: z.array(AuditUser) }),
    permission: 'audit.read',
    scope: { region: 'query', key: 'region' },
  }),
  list: contract({
    method: 'GET',
    path: '/api/audit',
    summary: '审计日志 Audit log (the rows of the caller’s scope; ID numbers and phones masked without pii.reveal)',
    tags: ['audit'],
    query: AuditQuery,
    response: listOf(AuditRow),
    permission: 'audit.read',
    scope: { region: 'query', key: 'region' },
  }),
};

/** Logging in and out (登录 / 退出), the current user (当前用户) and the own password (修改密码). */
import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../codes.ts';
import { contract } from './contract.ts';

const tags = ['auth'];

/** A role held in a region scope, with the region's name for display. */
export const RoleAssignment = z.object({ role: z.enum(ROLES), scopeCode: z.string(), scopeName: z.string() });
export type RoleAssignment = z.output<typeof RoleAssignment>;

/** The logged-in user: roles in their scopes and the permissions they add up to. */
export const Me = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(RoleAssignment),
  permissions: z.array(z.enum(PERMISSIONS)),
  isAdmin: z.boolean(),
  /** The password was given by an administrator: the web app sends the user to the password page first. */
  mustChangePassword: z.boolean(),
  /** The roles the user may grant somewhere (user.manage; each region is checked by the server). */
  grantableRoles: z.array(z.enum(ROLES)),
});
export type Me = z.output<typeof Me>;

/** The user and the session's CSRF token (the web app sends it back in x-csrf-token on every write). */
export const MeResponse = z.object({ user: Me, csrfToken: z.string() });
export type MeResponse = z.output<typeof MeResponse>;

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(50),
  password: z.string().min(1).max(200),
});

export const PasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export const auth = {
  /**
   * Public. Whether the name exists is never told: an unknown name, a deactivated account and a wrong password
   * get the same 401 (then the same 423 once the name is locked at that address), in the same time.
   */
  login: contract({
    method: 'POST',
    path: '/api/auth/login',
    summary: '登录 Log in (401 for any wrong name or password, alike; 423 locked at this address; 429 too many)',
    tags,
    body: LoginBody,
    response: MeResponse,
    permission: null,
    scope: 'public',
  }),
  logout: contract({
    method: 'POST',
    path: '/api/auth/logout',
    summary: '退出 Log out',
    tags,
    response: null,
    permission: null,
    scope: 'public',
  }),
  me: contract({
    method: 'GET',
    path: '/api/auth/me',
    summary: '当前用户 Current user',
    tags,
    response: MeResponse,
    permission: null,
    scope: 'global',
    beforePasswordChange: true,
  }),
  password: contract({
    method: 'POST',
    path: '/api/auth/password',
    summary:
      '修改密码 Change the own password (the other sessions end; a password an administrator gave is then the user’s)',
    tags,
    body: PasswordBody,
    response: null,
    permission: null,
    scope: 'global',
    beforePasswordChange: true,
  }),
};

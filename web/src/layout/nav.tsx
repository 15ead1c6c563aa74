/**
 * Side menu entries — one per module. Later modules add an entry here (and a <Route> in App.tsx).
 * An entry is shown only when the user holds its permission.
 */
import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  FlagOutlined,
  GiftOutlined,
  IdcardOutlined,
  LinkOutlined,
  PieChartOutlined,
  UsergroupAddOutlined,
  BarChartOutlined,
  ClusterOutlined,
  ControlOutlined,
  DashboardOutlined,
  FileTextOutlined,
  ImportOutlined,
  NodeIndexOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Permission } from '@shared/codes';
import type { MessageKey } from '../i18n';

export interface NavEntry {
  key: string;
  /** Where the menu item leads. */
  path: string;
  label: MessageKey;
  /** Breadcrumb text when it should differ from the menu label. */
  crumb?: MessageKey;
  icon?: ReactNode;
  permission?: Permission;
  /** Path prefixes that highlight this entry (defaults to [path]). */
  match?: string[];
  /** Optional sub-entries (rendered as a sub-menu). */
  children?: NavEntry[];
}

export const NAV: NavEntry[] = [
  {
    key: 'workbench',
    path: '/',
    label: 'menu.workbench',
    icon: <DashboardOutlined />,
    permission: 'region.read',
  },
  {
    key: 'regions',
    path: '/regions',
    label: 'menu.regions',
    crumb: 'menu.regionsCrumb',
    icon: <ApartmentOutlined />,
    permission: 'region.read',
    match: ['/regions'],
  },
  { key: 'command', path: '/command', label: 'menu.command', icon: <ClusterOutlined />, permission: 'command.read' },
  {
    key: 'register',
    path: '/register',
    label: 'menu.register',
    icon: <FileTextOutlined />,
    match: [],
    children: [
      {
        key: 'households',
        path: '/households',
        label: 'menu.households',
        icon: <SolutionOutlined />,
        permission: 'household.read',
      },
      { key: 'stats', path: '/stats', label: 'menu.stats', icon: <BarChartOutlined />, permission: 'household.read' },
      {
        key: 'imports',
        path: '/imports',
        label: 'menu.imports',
        icon: <ImportOutlined />,
        permission: 'household.write',
      },
      {
        key: 'workflow',
        path: '/workflow',
        label: 'menu.workflow',
        icon: <NodeIndexOutlined />,
        permission: 'household.write',
      },
      { key: 'policy', path: '/policy', label: 'menu.policy', icon: <ControlOutlined />, permission: 'policy.read' },
    ],
  },
  {
    key: 'forces',
    path: '/forces',
    label: 'menu.forces',
    icon: <UsergroupAddOutlined />,
    match: [],
    children: [
      {
        key: 'cadres',
        path: '/forces/cadres',
        label: 'menu.cadres',
        icon: <IdcardOutlined />,
        permission: 'force.read',
      },
      { key: 'teams', path: '/forces/teams', label: 'menu.teams', icon: <TeamOutlined />, permission: 'force.read' },
      { key: 'duty', path: '/forces/duty', label: 'menu.duty', icon: <CalendarOutlined />, permission: 'force.read' },
      {
        key: 'assessments',
        path: '/forces/assessments',
        label: 'menu.assessments',
        icon: <CheckSquareOutlined />,
        permission: 'force.read',
      },
      {
        key: 'fiveOnes',
        path: '/forces/five-ones',
        label: 'menu.fiveOnes',
        icon: <FlagOutlined />,
        permission: 'force.read',
      },
      {
        key: 'pairings',
        path: '/forces/pairings',
        label: 'menu.pairings',
        icon: <LinkOutlined />,
        permission: 'force.read',
      },
      {
        key: 'measures',
        path: '/forces/measures',
        label: 'menu.measures',
        icon: <GiftOutlined />,
        permission: 'force.read',
      },
      {
        key: 'forceStats',
        path: '/forces/stats',
        label: 'menu.forceStats',
        icon: <PieChartOutlined />,
        permission: 'force.read',
      },
    ],
  },
  { key: 'users', path: '/users', label: 'menu.users', icon: <TeamOutlined />, permission: 'user.manage' },
  { key: 'audit', path: '/audit', label: 'menu.audit', icon: <AuditOutlined />, permission: 'audit.read' },
];

/** Pages reachable outside the side menu (for the breadcrumb). */
export const EXTRA_PAGES: { path: string; label: MessageKey }[] = [{ path: '/password', label: 'menu.password' }];

/**
 * Pages below a menu entry — details, edit and new forms: their crumb after the entry's, and the tab title. An edit
 * page sits below its record's page (`parent`: the path of that page).
 */
export const SUB_PAGES: { pattern: RegExp; label: MessageKey; parent?: (path: string) => string }[] = [
  { pattern: /^\/households\/new$/, label: 'page.householdNew' },
  {
    pattern: /^\/households\/\d+\/edit$/,
    label: 'page.householdEdit',
    parent: (path) => path.replace(/\/edit$/, ''),
  },
  { pattern: /^\/households\/\d+$/, label: 'page.householdDetail' },
  { pattern: /^\/forces\/cadres\/\d+$/, label: 'page.cadreDetail' },
];

export interface Crumb {
  key: string;
  label: MessageKey;
  /** A link while the page is below it. */
  to?: string;
}

/**
 * The breadcrumb of a path after 首页: the menu entries it belongs to, then its detail or edit page (the entry and
 * the record page as links), or the extra page. The last crumb names the page (its heading and tab title); an
 * unknown path has none.
 */
export function pageTrail(pathname: string, entries: NavEntry[]): Crumb[] {
  const trail: Crumb[] = activeTrail(pathname, entries).map((e) => ({ key: e.key, label: e.crumb ?? e.label }));
  const sub = SUB_PAGES.find((p) => p.pattern.test(pathname));
  if (sub && trail.length) {
    const entry = activeTrail(pathname, entries).at(-1)!;
    trail[trail.length - 1] = { ...trail[trail.length - 1]!, to: entry.path };
    const parentPath = sub.parent?.(pathname);
    const parent = parentPath ? SUB_PAGES.find((p) => p.pattern.test(parentPath)) : undefined;
    if (parent && parentPath) trail.push({ key: parentPath, label: parent.label, to: parentPath });
    trail.push({ key: pathname, label: sub.label });
  }
  const extra = EXTRA_PAGES.find((p) => p.path === pathname);
  if (extra) trail.push({ key: extra.path, label: extra.label });
  return trail;
}

export function visibleNav(can: (p: Permission) => boolean, entries: NavEntry[] = NAV): NavEntry[] {
  return entries
    .filter((e) => !e.permission || can(e.permission))
    .map((e) => (e.children ? { ...e, children: visibleNav(can, e.children) } : e))
    .filter((e) => !e.children || e.children.length > 0);
}

function matches(entry: NavEntry, pathname: string): boolean {
  return (entry.match ?? [entry.path]).some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/** The chain of entries (parent → child) the pathname belongs to. */
export function activeTrail(pathname: string, entries: NavEntry[] = NAV): NavEntry[] {
  for (const e of entries) {
    if (e.children) {
      const sub = activeTrail(pathname, e.children);
      if (sub.length) return [e, ...sub];
    }
    if (matches(e, pathname)) return [e];
  }
  return [];
}

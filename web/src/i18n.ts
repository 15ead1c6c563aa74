/**
 * Tiny i18n: one dictionary with [中文, English] per key. The choice is kept in localStorage and in the
 * cookie xh_lang (zh|en) so the server localises its error messages; Accept-Language is sent as well.
 */
import { useSyncExternalStore } from 'react';
import type { Bilingual } from '@shared/codes';
import { setLangSource } from '@shared/lang';
import { registerMessages } from './i18n-register';
import { statsMessages } from './i18n-stats';
import { workflowMessages } from './i18n-workflow';
import { forcesAMessages } from './i18n-forces-a';
import { forcesBMessages } from './i18n-forces-b';
import { forcesImportMessages } from './i18n-forces-import';
import { adminMessages } from './i18n-admin';
import { pairingsMessages } from './i18n-pairings';
import { workbenchMessages } from './i18n-workbench';

export type Lang = 'zh' | 'en';

const baseMessages = {
  'app.name': ['绣花', 'Xiuhua'],
  'app.title': ['党建引领脱贫攻坚指挥平台', 'Poverty Alleviation Command Platform'],
  'app.footer': ['绣花 · 党建引领脱贫攻坚指挥平台', 'Xiuhua · Party-building-led poverty alleviation'],
  'lang.switch': ['语言', 'Language'],
  'common.ok': ['确定', 'OK'],
  'common.cancel': ['取消', 'Cancel'],
  'common.save': ['保存', 'Save'],
  'common.edit': ['编辑', 'Edit'],
  'common.delete': ['删除', 'Delete'],
  'common.remove': ['移除', 'Remove'],
  'common.add': ['添加', 'Add'],
  'common.search': ['查询', 'Search'],
  'common.reset': ['重置', 'Reset'],
  'common.retry': ['重试', 'Retry'],
  'common.actions': ['操作', 'Actions'],
  'common.detail': ['详情', 'Details'],
  'common.none': ['—', '—'],
  'common.saved': ['已保存', 'Saved'],
  'common.deleted': ['已删除', 'Deleted'],
  'common.confirmDelete': ['确定删除“{name}”吗？', 'Delete “{name}”?'],
  'common.total': ['共 {total} 条', '{total} items'],
  'common.nItems': ['{n} 项', '{n} items'],
  'common.backHome': ['返回首页', 'Back to home'],
  'common.loading': ['加载中…', 'Loading…'],
  'common.yes': ['是', 'Yes'],
  'common.no': ['否', 'No'],
  'conflict.title': ['该记录已被他人修改', 'Someone else changed this record'],
  'conflict.desc': [
    '在您编辑期间，{who}保存了新的版本。请对照下表，选择使用对方的版本（放弃您的修改），或用您的修改覆盖。',
    'While you were editing, {who} saved a newer version. Compare below, then take theirs (dropping your edit) or overwrite with yours.',
  ],
  'conflict.someone': ['其他用户', 'another user'],
  'conflict.field': ['字段', 'Field'],
  'conflict.mine': ['我的修改', 'Mine'],
  'conflict.theirs': ['对方已保存', 'Theirs (saved)'],
  'conflict.noDiff': [
    '您修改的字段与对方相同，其他字段有变化。',
    'The fields you edited match theirs; other fields changed.',
  ],
  'conflict.reload': ['使用对方版本（重新加载）', 'Take theirs (reload)'],
  'conflict.overwrite': ['用我的修改覆盖', 'Overwrite with mine'],
  'conflict.reloaded': ['已加载对方保存的版本', 'Loaded the version they saved'],
  'error.unknown': ['操作失败', 'Something went wrong'],
  'error.network': ['无法连接服务器，请检查网络', 'Cannot reach the server; check your network'],
  'error.http': ['服务器错误（{status}）', 'Server error ({status})'],
  'error.forbidden': ['无权访问', 'Access denied'],
  'error.forbiddenDesc': ['您没有访问此页面的权限', 'You do not have permission to view this page'],
  'error.notFound': ['未找到', 'Not found'],
  'error.notFoundDesc': ['您访问的页面或数据不存在', 'The page or record does not exist'],
  'error.loadFailed': ['加载失败', 'Failed to load'],
  'menu.home': ['首页', 'Home'],
  'menu.regions': ['区域', 'Regions'],
  'menu.regionsCrumb': ['区域', 'Regions'],
  'menu.command': ['指挥体系', 'Command hierarchy'],
  'menu.users': ['用户管理', 'Users'],
  'menu.audit': ['审计日志', 'Audit log'],
  'menu.password': ['修改密码', 'Change password'],
  'page.householdDetail': ['农户详情', 'Household'],
  'page.householdEdit': ['编辑农户', 'Edit household'],
  'page.householdNew': ['新增农户', 'New household'],
  'page.cadreDetail': ['干部详情', 'Cadre'],
  'menu.logout': ['退出登录', 'Sign out'],
  'login.title': ['用户登录', 'Sign in'],
  'login.username': ['用户名', 'Username'],
  'login.password': ['密码', 'Password'],
  'login.submit': ['登录', 'Sign in'],
  'login.usernameRequired': ['请输入用户名', 'Enter your username'],
  'login.passwordRequired': ['请输入密码', 'Enter your password'],
  'login.slogan': ['精准扶贫 · 精准脱贫 · 绣花功夫', 'Targeted, precise, needle-and-thread work'],
  'region.tree': ['行政区划', 'Regions'],
  'region.noRoots': ['您的账号未分配任何区域', 'No region is assigned to your account'],
  'region.code': ['区划代码', 'Region code'],
  'region.name': ['名称', 'Name'],
  'region.level': ['级别', 'Level'],
  'region.flags': ['标识', 'Flags'],
  'region.childCount': ['下级数', 'Children'],
  'region.children': ['下级区划', 'Sub-regions'],
  'region.townships': ['乡镇', 'Townships'],
  'region.villages': ['行政村', 'Villages'],
  'region.groups': ['村民小组', 'Groups'],
  'region.directChildren': ['直属下级', 'Direct children'],
  'region.commandUnits': ['本级指挥单元', 'Command units here'],
  'region.editFlags': ['编辑标识', 'Edit flags'],
  'region.flagsTitle': ['编辑区域标识 · {name}', 'Edit flags · {name}'],
  'region.officialName': ['全称', 'Official name'],
  'region.openCommand': ['查看指挥体系', 'Open command hierarchy'],
  'region.select': ['选择区域', 'Choose a region'],
  'region.searchPlaceholder': ['输入名称或代码搜索', 'Search by name or code'],
  'region.useCode': ['使用代码 {code}', 'Use code {code}'],
  'unit.kind': ['类型', 'Kind'],
  'unit.name': ['单元名称', 'Unit name'],
  'unit.region': ['所属区域', 'Region'],
  'unit.parent': ['上级单元', 'Parent unit'],
  'unit.commander': ['指挥长/负责人', 'Commander'],
  'unit.leader': ['包片县领导', 'County leader'],
  'unit.leaderHint': ['仅乡镇攻坚战区需指定包片县领导', 'Only township battle zones have a county leader'],
  'unit.members': ['成员', 'Members'],
  'unit.memberCount': ['成员数', 'Members'],
  'unit.new': ['新建指挥单元', 'New command unit'],
  'unit.edit': ['编辑指挥单元', 'Edit command unit'],
  'unit.allKinds': ['全部类型', 'All kinds'],
  'unit.kindLevelMismatch': ['该类型须绑定到“{level}”级区域', 'This kind must be bound to a {level} region'],
  'unit.duty': ['职责', 'Duty'],
  'unit.person': ['人员', 'Person'],
  'unit.addMember': ['添加成员', 'Add member'],
  'unit.noParent': ['无（顶级）', 'None (top level)'],
  'person.new': ['新增人员', 'New person'],
  'person.name': ['姓名', 'Name'],
  'person.gender': ['性别', 'Gender'],
  'person.phone': ['手机号', 'Phone'],
  'person.post': ['职务', 'Post'],
  'person.region': ['所在区域', 'Region'],
  'person.reveal': ['查看完整号码（将记入审计日志）', 'Show the full number (audited)'],
  'person.searchPlaceholder': ['输入姓名搜索', 'Type a name to search'],
  'person.phoneInvalid': [
    '电话号码格式不正确：应为 11 位手机号或带区号的固定电话（如 0719-1234567）',
    'Enter an 11-digit mobile number or a landline with its area code (e.g. 0719-1234567)',
  ],
  'person.created': ['已新增人员 {name}', 'Added {name}'],
  'user.username': ['用户名', 'Username'],
  'user.usernameRule': ['2–50 位字母、数字或 _ . -', '2–50 letters, digits or _ . -'],
  'user.displayName': ['姓名', 'Display name'],
  'user.roles': ['角色', 'Roles'],
  'user.role': ['角色', 'Role'],
  'user.scope': ['管辖区域', 'Scope'],
  'user.status': ['状态', 'Status'],
  'user.active': ['正常', 'Active'],
  'user.inactive': ['停用', 'Disabled'],
  'user.locked': ['已锁定', 'Locked'],
  'user.enabled': ['启用', 'Enabled'],
  'user.lastLogin': ['最近登录', 'Last sign-in'],
  'user.never': ['从未登录', 'Never'],
  'user.new': ['新建用户', 'New user'],
  'user.edit': ['编辑用户', 'Edit user'],
  'user.initialPassword': ['初始密码', 'Initial password'],
  'user.resetPassword': ['重置密码', 'Reset password'],
  'user.resetPasswordHint': ['留空则不修改', 'Leave empty to keep the current password'],
  'user.addRole': ['添加角色', 'Add role'],
  'user.rolesRequired': ['至少分配一个角色', 'Assign at least one role'],
  'user.unlock': ['解锁', 'Unlock'],
  'user.unlocked': ['已解锁', 'Unlocked'],
  'user.searchPlaceholder': ['用户名或姓名', 'Username or name'],
  'audit.at': ['时间', 'Time'],
  'audit.user': ['用户', 'User'],
  'audit.action': ['操作', 'Action'],
  'audit.entity': ['对象类型', 'Entity'],
  'audit.entityId': ['对象 ID', 'Entity ID'],
  'audit.region': ['区域', 'Region'],
  'audit.dateRange': ['时间范围', 'Date range'],
  'audit.before': ['修改前', 'Before'],
  'audit.after': ['修改后', 'After'],
  'audit.system': ['系统', 'system'],
  'password.current': ['当前密码', 'Current password'],
  'password.new': ['新密码', 'New password'],
  'password.confirm': ['确认新密码', 'Confirm new password'],
  'password.required': ['请输入密码', 'Enter a password'],
  'password.rule': ['至少 8 位，且同时包含字母和数字', 'At least 8 characters with both letters and digits'],
  'password.weak': ['密码不符合要求', 'The password does not meet the rule'],
  'password.mismatch': ['两次输入的密码不一致', 'The passwords do not match'],
  'password.sameAsOld': ['新密码不能与当前密码相同', 'The new password must differ from the current one'],
  'password.changed': ['密码已修改', 'Password changed'],
  'form.required': ['请填写{field}', '{field} is required'],
  'form.select': ['请选择{field}', 'Choose {field}'],
} satisfies Record<string, [string, string]>;

const messages = {
  ...baseMessages,
  ...registerMessages,
  ...statsMessages,
  ...workflowMessages,
  ...forcesAMessages,
  ...forcesBMessages,
  ...forcesImportMessages,
  ...adminMessages,
  ...pairingsMessages,
  ...workbenchMessages,
};

export type MessageKey = keyof typeof messages;
export type Vars = Record<string, string | number>;

const STORAGE_KEY = 'xh_lang';

function readInitial(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'zh' || stored === 'en') return stored;
  } catch {
    /* storage unavailable */
  }
  const m = /(?:^|;\s*)xh_lang=(zh|en)/.exec(document.cookie);
  return m ? (m[1] as Lang) : 'zh';
}

let current: Lang = readInitial();
const listeners = new Set<() => void>();

function persist(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* ignore */
  }
  document.cookie = `xh_lang=${lang}; path=/; max-age=31536000; SameSite=Lax`;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}
persist(current);

export function getLang(): Lang {
  return current;
}
// Messages built in shared code (the contracts' zod messages) follow the user's choice.
setLangSource(getLang);

export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  persist(lang);
  listeners.forEach((fn) => fn());
}

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function acceptLanguage(): string {
  return current === 'zh' ? 'zh-CN,zh;q=0.9,en;q=0.5' : 'en-US,en;q=0.9,zh;q=0.5';
}

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const text = messages[key][lang === 'zh' ? 0 : 1];
  return vars ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`)) : text;
}

/** Translate with the current language (outside React, e.g. in api.ts). */
export function t(key: MessageKey, vars?: Vars): string {
  return translate(current, key, vars);
}

export interface I18n {
  lang: Lang;
  t: (key: MessageKey, vars?: Vars) => string;
  /** Pick the label of a bilingual code-list entry. */
  L: (label: Bilingual | undefined) => string;
}

export function useI18n(): I18n {
  const lang = useSyncExternalStore(subscribe, getLang);
  return {
    lang,
    t: (key, vars) => translate(lang, key, vars),
    L: (label) => (label ? label[lang] : ''),
  };
}

/** Messages of the administration pages (users, audit log, policy); merged into the dictionary in i18n.ts. */
export const adminMessages = {
  'user.rolesOutside': ['另有 {n} 个角色不在您的管辖范围', '{n} more role(s) outside your scope'],
  'user.notEditable': [
    '该用户有角色不在您的管辖范围，需由管辖全部角色的管理员修改',
    'This user holds a role outside your scope; an administrator over all its roles edits it',
  ],
  'audit.masked': [
    '身份证号和电话已脱敏：您在该区域没有查看完整个人信息的权限',
    'ID numbers and phones are masked: you may not reveal personal data in this region',
  ],
  'policy.bounds': ['可填 {min} 至 {max}', 'From {min} to {max}'],
  'policy.readOnly': [
    '政策参数和代码表由系统管理员维护，您可以查看',
    'Policy parameters and code lists are kept by the system administrator; you may read them',
  ],
  'password.mustChange': [
    '您的密码由管理员设置。请先设置自己的新密码，然后继续使用。',
    'Your password was set by an administrator. Choose your own new password to go on.',
  ],
  'user.mustChangePassword': ['待改密码', 'Must change password'],
  'user.mustChangeHint': [
    '管理员设置的密码为临时密码：用户首次登录后须先修改密码',
    'A password set here is temporary: the user must change it at the next login',
  ],
  'user.self': ['（本人）', '(you)'],
  'audit.userPick': ['选择用户', 'Pick a user'],
  'audit.entityPick': ['全部对象', 'All entities'],
  'audit.actionPick': ['全部操作', 'All actions'],
  'audit.regionPick': ['全部区域', 'All regions'],
  'audit.changes': ['修改内容', 'Changes'],
  'audit.field': ['字段', 'Field'],
  'audit.noChanges': ['没有字段变化', 'No field changed'],
  'audit.raw': ['原始记录', 'Raw record'],
  'audit.details': ['记录内容', 'Record'],
  'audit.member': ['成员{n}', 'Member {n}'],
  'audit.yearOf': ['{year}年', '{year}'],
  'audit.item': ['第{n}项', 'Item {n}'],
  'audit.empty': ['（空）', '(empty)'],
  'hh.statusByWorkflow': [
    '户状态、识别年度和脱贫年度只能通过识别、退出、返贫流程变更',
    'Status, identification and exit years change only through identification, exit or return',
  ],
  'hh.toWorkflow': ['去办理流程', 'Open the workflow'],
} satisfies Record<string, [string, string]>;

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
} satisfies Record<string, [string, string]>;

/**
 * Create (users.create) or edit (users.update, with the version read) a user with a dynamic list of roles — those
 * the administrator may grant (me.grantableRoles; the server checks each region). A password given here is
 * temporary: the user changes it at the next login. A 409 shows the other administrator's change beside this one
 * (the conflict dialog); a taken username lands on its field. The own account keeps its activity and roles.
 */
import { useMemo } from 'react';
import { Button, Flex, Form, Input, Select, Switch } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLES, ROLE_LABELS } from '@shared/codes';
import type { Role } from '@shared/codes';
import { users, type UserRow } from '@shared/contracts/users';
import { call } from '../api';
import { useMe } from '../auth';
import { PASSWORD_RE } from '../hooks';
import { useI18n } from '../i18n';
import { FormModal } from './common/FormModal';
import { RegionSearchSelect } from './RegionSearchSelect';

interface UserForm {
  username: string;
  displayName: string;
  password?: string;
  active: boolean;
  roles: { role: Role; scopeCode: string }[];
}
const FIELDS = ['username', 'displayName', 'password', 'active', 'roles'] as const;

interface Props {
  open: boolean;
  user?: UserRow;
  onClose: () => void;
  onSaved: () => void;
}

/** A user as the form holds it. */
const toValues = (u: UserRow): Partial<UserForm> => ({
  username: u.username,
  displayName: u.displayName,
  active: u.active,
  roles: u.roles.map(({ role, scopeCode }) => ({ role, scopeCode })),
});

export function UserFormModal({ open, user, onClose, onSaved }: Props) {
  const { t, L } = useI18n();
  const me = useMe();
  const self = !!user && user.id === me.id;
  // The roles offered: those the administrator may grant, and any the user holds already (shown, not offered).
  const roleOptions = ROLES.filter((r) => me.grantableRoles.includes(r) || user?.roles.some((g) => g.role === r)).map(
    (r) => ({ value: r, label: L(ROLE_LABELS[r]), disabled: !me.grantableRoles.includes(r) }),
  );
  const initialValues = useMemo(
    () => (user ? toValues(user) : ({ active: true, roles: [{}] } as Partial<UserForm>)),
    [user],
  );
  const required = (field: string) => ({ required: true, whitespace: true, message: t('form.required', { field }) });

  return (
    <FormModal<UserForm, { id: number; version: number }>
      open={open}
      title={user ? t('user.edit') : t('user.new')}
      width={640}
      initialValues={initialValues}
      onClose={onClose}
      fields={FIELDS}
      version={user?.version}
      conflictField={user ? undefined : 'username'}
      conflict={{
        toValues: (current: UserRow) => toValues(current),
        labels: { displayName: t('user.displayName'), active: t('user.status'), roles: t('user.roles') },
      }}
      save={(v, version) => {
        const roles = v.roles.map((r) => ({ role: r.role, scopeCode: r.scopeCode }));
        const displayName = v.displayName.trim();
        return user
          ? call(users.update, {
              params: { id: user.id },
              body: { displayName, active: v.active, roles, ...(v.password ? { password: v.password } : {}), version },
            })
          : call(users.create, {
              body: { username: v.username.trim(), displayName, password: v.password ?? '', roles },
            });
      }}
      onSaved={onSaved}
      testId="user-modal"
    >
      <Form.Item
        name="username"
        label={t('user.username')}
        rules={
          user
            ? []
            : [required(t('user.username')), { pattern: /^[A-Za-z0-9_.-]{2,50}$/, message: t('user.usernameRule') }]
        }
      >
        <Input disabled={!!user} autoComplete="off" maxLength={50} />
      </Form.Item>
      <Form.Item name="displayName" label={t('user.displayName')} rules={[required(t('user.displayName'))]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        name="password"
        label={user ? t('user.resetPassword') : t('user.initialPassword')}
        extra={
          user
            ? `${t('user.resetPasswordHint')}；${t('password.rule')}；${t('user.mustChangeHint')}`
            : `${t('password.rule')}；${t('user.mustChangeHint')}`
        }
        rules={[
          ...(user ? [] : [{ required: true, message: t('password.required') }]),
          { pattern: PASSWORD_RE, message: t('password.weak') },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {user && (
        <Form.Item name="active" label={t('user.status')} valuePropName="checked">
          <Switch checkedChildren={t('user.enabled')} unCheckedChildren={t('user.inactive')} disabled={self} />
        </Form.Item>
      )}
      <Form.List
        name="roles"
        rules={[
          {
            validator: async (_, roles?: unknown[]) =>
              roles?.length ? undefined : Promise.reject(new Error(t('user.rolesRequired'))),
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Form.Item label={t('user.roles')} required>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="baseline">
                <Form.Item
                  name={[field.name, 'role']}
                  rules={[{ required: true, message: t('form.select', { field: t('user.role') }) }]}
                  style={{ width: 200 }}
                >
                  <Select placeholder={t('user.role')} options={roleOptions} disabled={self} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'scopeCode']}
                  rules={[{ required: true, message: t('form.select', { field: t('user.scope') }) }]}
                  style={{ flex: 1 }}
                >
                  <RegionSearchSelect initialLabel={user?.roles[field.name]?.scopeName} disabled={self} />
                </Form.Item>
                {!self && <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('common.remove')} />}
              </Flex>
            ))}
            <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />} block disabled={self}>
              {t('user.addRole')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Form.Item>
        )}
      </Form.List>
    </FormModal>
  );
}

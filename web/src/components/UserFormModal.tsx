/** Create (POST /api/users) or edit (PATCH /api/users/{id}) a user with a dynamic list of roles. */
import { useState } from 'react';
import { Button, Flex, Form, Input, Modal, Select, Switch } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLES, ROLE_LABELS } from '@shared/codes';
import type { Role } from '@shared/codes';
import { api } from '../api';
import { PASSWORD_RE, useFormErrorHandler } from '../hooks';
import { useI18n } from '../i18n';
import { RegionSearchSelect } from './RegionSearchSelect';
import type { UserRow } from '../types';

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

export function UserFormModal({ open, user, onClose, onSaved }: Props) {
  const { t, L } = useI18n();
  const onError = useFormErrorHandler();
  const [form] = Form.useForm<UserForm>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const roles = v.roles.map((r) => ({ role: r.role, scopeCode: r.scopeCode }));
    setSaving(true);
    try {
      if (user) {
        await api.patch(`/users/${user.id}`, {
          displayName: v.displayName.trim(),
          active: v.active,
          roles,
          ...(v.password ? { password: v.password } : {}),
        });
      } else {
        await api.post('/users', {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          password: v.password,
          roles,
        });
      }
      onSaved();
    } catch (e) {
      onError(form, e, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: t('form.required', { field }) });
  return (
    <Modal
      title={user ? t('user.edit') : t('user.new')}
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
      width={640}
    >
      <Form<UserForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={user ? { ...user, roles: user.roles } : { active: true, roles: [{}] }}
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
          extra={user ? `${t('user.resetPasswordHint')}；${t('password.rule')}` : t('password.rule')}
          rules={[
            ...(user ? [] : [{ required: true, message: t('password.required') }]),
            { pattern: PASSWORD_RE, message: t('password.weak') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {user && (
          <Form.Item name="active" label={t('user.status')} valuePropName="checked">
            <Switch checkedChildren={t('user.enabled')} unCheckedChildren={t('user.inactive')} />
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
                    <Select
                      placeholder={t('user.role')}
                      options={ROLES.map((r) => ({ value: r, label: L(ROLE_LABELS[r]) }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'scopeCode']}
                    rules={[{ required: true, message: t('form.select', { field: t('user.scope') }) }]}
                    style={{ flex: 1 }}
                  >
                    <RegionSearchSelect initialLabel={user?.roles[field.name]?.scopeName} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('common.remove')} />
                </Flex>
              ))}
              <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />} block>
                {t('user.addRole')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

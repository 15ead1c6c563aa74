/** /password — change the own password (POST /api/auth/password). */
import { useState } from 'react';
import { App, Button, Card, Form, Input } from 'antd';
import { api } from '../api';
import { PASSWORD_RE, useFormErrorHandler } from '../hooks';
import { useI18n } from '../i18n';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function PasswordPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const onError = useFormErrorHandler();
  const [form] = Form.useForm<PasswordForm>();
  const [saving, setSaving] = useState(false);

  const onFinish = async ({ currentPassword, newPassword }: PasswordForm) => {
    setSaving(true);
    try {
      await api.post('/auth/password', { currentPassword, newPassword });
      form.resetFields();
      message.success(t('password.changed'));
    } catch (e) {
      onError(form, e, ['currentPassword', 'newPassword']);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('menu.password')} style={{ maxWidth: 560 }}>
      <Form<PasswordForm> form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('password.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.rule')}
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: t('password.required') },
            { pattern: PASSWORD_RE, message: t('password.weak') },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                v && v === getFieldValue('currentPassword')
                  ? Promise.reject(new Error(t('password.sameAsOld')))
                  : Promise.resolve(),
            }),
          ]}
          hasFeedback
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          hasFeedback
          rules={[
            { required: true, message: t('password.required') },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                !v || v === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

/**
 * /password — change the own password (auth.password); the server's messages land on their fields. A user whose
 * password an administrator gave lands here first (RequireAuth) and goes on to the page it asked for (?next=).
 */
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { auth } from '@shared/contracts/auth';
import { call } from '../api';
import { useAuth } from '../auth';
import { PASSWORD_RE } from '../hooks';
import { useI18n } from '../i18n';
import { useSave } from '../components/common/useSave';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function PasswordPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const { me, refresh } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const forced = !!me?.mustChangePassword;
  const { submit, saving } = useSave<PasswordForm, void>({
    form,
    fields: ['currentPassword', 'newPassword'],
    save: ({ currentPassword, newPassword }) => call(auth.password, { body: { currentPassword, newPassword } }),
    onSaved: async () => {
      form.resetFields();
      void message.success(t('password.changed'));
      if (forced) {
        await refresh();
        const next = params.get('next');
        navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
      }
    },
  });

  return (
    <Card title={t('menu.password')} style={{ maxWidth: 560 }}>
      {forced && (
        <Alert
          type="warning"
          showIcon
          title={t('password.mustChange')}
          style={{ marginBottom: 16 }}
          data-testid="password-must-change"
        />
      )}
      <Form<PasswordForm> form={form} layout="vertical" onFinish={() => void submit()}>
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

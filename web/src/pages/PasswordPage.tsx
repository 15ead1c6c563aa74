/** /password — change the own password (auth.password); the server's messages land on their fields. */
import { App, Button, Card, Form, Input } from 'antd';
import { auth } from '@shared/contracts/auth';
import { call } from '../api';
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
  const { submit, saving } = useSave<PasswordForm, void>({
    form,
    fields: ['currentPassword', 'newPassword'],
    save: ({ currentPassword, newPassword }) => call(auth.password, { body: { currentPassword, newPassword } }),
    onSaved: () => {
      form.resetFields();
      void message.success(t('password.changed'));
    },
  });

  return (
    <Card title={t('menu.password')} style={{ maxWidth: 560 }}>
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

/** /login — username + password; shows the server's message (wrong password, locked, rate limited). */
import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorMessage, isApiError } from '../api';
import { FullPageSpin, useAuth } from '../auth';
import { useI18n } from '../i18n';
import { LangSwitch } from '../components/LangSwitch';
import { usePageTitle } from '../layout/pageTitle';

interface LoginForm {
  username: string;
  password: string;
}

/** Only follow same-site relative paths after login. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export default function LoginPage() {
  const { t } = useI18n();
  usePageTitle(t('login.title'));
  const { me, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (me === undefined) return <FullPageSpin />;
  if (me) return <Navigate to="/" replace />;

  const onFinish = async ({ username, password }: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(username.trim(), password);
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (e) {
      setError({ code: isApiError(e) ? e.code : 'INTERNAL', message: errorMessage(e) });
      setSubmitting(false);
    }
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: '100vh',
        padding: 16,
        background: 'linear-gradient(135deg, #fff1f0 0%, #f5f5f5 45%, #e6f4ff 100%)',
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LangSwitch />
      </div>
      <Flex align="center" gap={12} style={{ marginBottom: 8 }}>
        <img src="/favicon.svg" alt="" width={44} height={44} />
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('app.name')}
        </Typography.Title>
      </Flex>
      <Typography.Text type="secondary" style={{ marginBottom: 24 }}>
        {t('app.title')} · {t('login.slogan')}
      </Typography.Text>
      <Card title={t('login.title')} style={{ width: '100%', maxWidth: 380 }}>
        {error && (
          <Alert
            type={error.code === 'ACCOUNT_LOCKED' || error.code === 'RATE_LIMITED' ? 'warning' : 'error'}
            title={error.message}
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        <Form<LoginForm> layout="vertical" onFinish={onFinish} autoComplete="on" requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}

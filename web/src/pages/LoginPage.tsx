import { LockOutlined, PhoneOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth';
import { ErrorNotice } from '../components/ErrorNotice';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { homeFor } from './registry';

interface Credentials {
  username: string;
  password: string;
}

/** Sign-in, the same for every role; each lands on its own first page. */
export default function LoginPage() {
  const { t } = useTranslation();
  const { login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.name')}`;
  }, [t]);

  const submit = async (values: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      const me = await login(values.username.trim(), values.password);
      const from = (location.state as { from?: string } | null)?.from;
      void navigate(from && from !== '/login' ? from : homeFor(me.role), { replace: true });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <main
      style={{
        minHeight: '100vh',
        background: 'linear-gradient(180deg, #0b5f5a 0, #0b5f5a 220px, #f5f7f7 220px)',
      }}
    >
      <Flex justify="flex-end" style={{ padding: 12 }}>
        <LanguageSwitch onDark />
      </Flex>
      <Flex vertical align="center" style={{ padding: '0 12px 32px' }}>
        <div style={{ color: '#fff', textAlign: 'center', marginBottom: 20 }}>
          <Typography.Title level={1} style={{ color: '#fff', margin: 0, letterSpacing: 4 }}>
            {t('app.name')}
          </Typography.Title>
          <div>{t('app.tagline')}</div>
        </div>
        <Card style={{ width: '100%', maxWidth: 400 }}>
          <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
            {t('login.title')}
          </Typography.Title>
          {error ? <ErrorNotice error={error} /> : null}
          <Form<Credentials>
            layout="vertical"
            onFinish={(v) => void submit(v)}
            requiredMark={false}
            disabled={busy}
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus size="large" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined aria-hidden />}
                autoComplete="current-password"
                size="large"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>
              {busy ? t('login.signingIn') : t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
            {t('login.privacy')}
          </Typography.Paragraph>
        </Card>
        <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
          {t('shell.hotlinePrompt')}{' '}
          <a href="tel:12351">
            <PhoneOutlined aria-hidden /> 12351
          </a>{' '}
          {t('shell.hotlineName')}
        </Typography.Paragraph>
      </Flex>
    </main>
  );
}

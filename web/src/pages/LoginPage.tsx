import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { api, call } from '../api/client';
import { ApiError } from '../api/errors';
import type { Me } from '../api/types';
import { useAuth } from '../auth';
import { ErrorNotice } from '../components/ErrorNotice';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { SmsCodeFields } from '../components/SmsCodeFields';
import { TotpSetup } from '../components/TotpSetup';
import { homeFor } from './registry';
import { HotlinePrompt } from '../components/HotlinePrompt';

interface Credentials {
  username: string;
  password: string;
  totpCode?: string;
}

/** Where the password sign-in stands: staff with two-factor give a code; policy may ask them to set it up first. */
type Stage = { step: 'password' } | { step: 'totp' } | { step: 'setup'; setupToken: string };

/**
 * Sign-in: staff with their password (and a TOTP code where they use two-factor), workers with their phone and a
 * code by SMS. Each role lands on its own first page.
 */
export default function LoginPage() {
  const { t } = useTranslation();
  const { login, adopt } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [stage, setStage] = useState<Stage>({ step: 'password' });
  const [form] = Form.useForm<Credentials>();

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.name')}`;
  }, [t]);

  const land = (me: Me) => {
    const from = (location.state as { from?: string } | null)?.from;
    void navigate(from && from !== '/login' ? from : homeFor(me.role), { replace: true });
  };

  const attempt = async (signIn: () => Promise<Me>) => {
    setBusy(true);
    setError(null);
    try {
      land(await signIn());
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'TOTP_REQUIRED') setStage({ step: 'totp' });
      else if (failure instanceof ApiError && failure.code === 'TOTP_SETUP_REQUIRED' && typeof failure.details.setupToken === 'string') {
        setStage({ step: 'setup', setupToken: failure.details.setupToken });
      } else setError(failure);
      setBusy(false);
    }
  };

  const submit = (values: Credentials) => void attempt(() => login(values.username.trim(), values.password, values.totpCode?.trim()));
  const submitPhone = (values: { phone: string; code: string }) =>
    void attempt(async () => adopt(await call(api.POST('/api/v1/auth/sms-login', { body: { phone: values.phone.trim(), code: values.code.trim() } }))));
  const sendCode = (phone: string) => call(api.POST('/api/v1/auth/sms-code', { body: { phone } }));

  const passwordForm = (
    <Form<Credentials> form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
      <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
        <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus size="large" />
      </Form.Item>
      <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
        <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
      </Form.Item>
      {stage.step === 'totp' ? (
        <Form.Item
          name="totpCode"
          label={t('mobile.totp.code')}
          extra={t('mobile.totp.codeHint')}
          rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('mobile.totp.codeHint') }]}
        >
          <Input prefix={<SafetyOutlined aria-hidden />} inputMode="numeric" autoComplete="one-time-code" maxLength={6} size="large" autoFocus />
        </Form.Item>
      ) : null}
      <Button type="primary" htmlType="submit" block size="large" loading={busy}>
        {busy ? t('login.signingIn') : t('login.submit')}
      </Button>
    </Form>
  );

  const phoneForm = (
    <Form<{ phone: string; code: string }> layout="vertical" onFinish={submitPhone} requiredMark={false} disabled={busy}>
      <SmsCodeFields send={sendCode} />
      <Button type="primary" htmlType="submit" block size="large" loading={busy}>
        {t('mobile.phoneLogin.submit')}
      </Button>
    </Form>
  );

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
          {stage.step === 'setup' ? (
            <>
              <Typography.Title level={3} style={{ fontSize: 16 }}>
                {t('mobile.totp.setupTitle')}
              </Typography.Title>
              <TotpSetup setupToken={stage.setupToken} onDone={() => setStage({ step: 'totp' })} />
            </>
          ) : (
            <Tabs
              items={[
                { key: 'password', label: t('mobile.phoneLogin.passwordTab'), children: passwordForm },
                { key: 'phone', label: t('mobile.phoneLogin.tab'), children: phoneForm },
              ]}
            />
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
            {t('login.privacy')}
          </Typography.Paragraph>
        </Card>
        <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
          <HotlinePrompt />
        </Typography.Paragraph>
      </Flex>
    </main>
  );
}

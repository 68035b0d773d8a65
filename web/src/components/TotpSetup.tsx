import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { useLoad } from '../api/hooks';
import { Loaded } from './Loaded';
import { useAction } from './useAction';

/** Scan, type the code, done: turns two-factor on with a set-up token (from sign-in or from the settings page). */
export function TotpSetup({ setupToken, onDone }: { setupToken: string; onDone: () => void }) {
  const { t } = useTranslation();
  const secret = useLoad(() => call(api.POST('/api/v1/auth/totp/setup', { body: { setupToken } })), [setupToken]);
  const [run, busy] = useAction();
  const [code, setCode] = useState('');
  const enable = () =>
    void run(() => call(api.POST('/api/v1/auth/totp/enable', { body: { setupToken, code: code.trim() } })), t('mobile.totp.enabled')).then(
      (ok) => ok && onDone(),
    );
  return (
    <Loaded state={secret}>
      {(s) => (
        <div>
          <Typography.Paragraph>{t('mobile.totp.setupIntro')}</Typography.Paragraph>
          <img src={s.qrDataUrl} width={200} height={200} alt={t('mobile.totp.title')} style={{ display: 'block', margin: '0 auto 8px' }} />
          <Alert type="info" showIcon title={<>{t('mobile.totp.secret')} <Typography.Text code copyable>{s.secret}</Typography.Text></>} style={{ marginBottom: 12 }} />
          <Form layout="vertical" onFinish={enable}>
            <Form.Item label={t('mobile.totp.code')} htmlFor="totp-setup-code" extra={t('mobile.totp.codeHint')}>
              <Input id="totp-setup-code" value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" autoComplete="one-time-code" maxLength={6} size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} disabled={!/^\d{6}$/.test(code.trim())}>
              {t('mobile.totp.enable')}
            </Button>
          </Form>
        </div>
      )}
    </Loaded>
  );
}

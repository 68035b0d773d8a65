import { Alert, Button, Card, Flex, Form, Input, Modal, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import { useMe } from '../../auth';
import { Loaded } from '../../components/Loaded';
import { PageTitle } from '../../components/PageTitle';
import { TotpSetup } from '../../components/TotpSetup';
import { useAction } from '../../components/useAction';

/** 账号与通知: how a person is told (inbox always; email, SMS as they choose) and, for staff, two-factor sign-in. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const prefs = useLoad(() => call(api.GET('/api/v1/me/notification-preferences')), []);
  const [run, busy] = useAction();
  const [mobile, setMobile] = useState('');
  const update = (body: { email?: boolean; sms?: boolean; staffMobile?: string }) =>
    void run(() => call(api.PUT('/api/v1/me/notification-preferences', { body })), t('mobile.settings.saved')).then((ok) => ok && prefs.reload());

  return (
    <>
      <PageTitle title={t('mobile.nav.settings')} />
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('mobile.settings.channels')}</h2>} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('mobile.settings.channelsIntro')}</Typography.Paragraph>
        <Loaded state={prefs}>
          {(p) => (
            <Flex vertical gap={12}>
              <label>
                <Switch checked={p.email} onChange={(email) => update({ email })} disabled={busy} /> {t('mobile.settings.email')}
              </label>
              <label>
                <Switch checked={p.sms} onChange={(sms) => update({ sms })} disabled={busy || !p.smsAvailable} /> {t('mobile.settings.sms')}
                {p.staffMobile ? <Tag style={{ marginLeft: 8 }}>{p.staffMobile}</Tag> : null}
              </label>
              {!p.smsAvailable ? <Alert type="info" showIcon title={t('mobile.settings.smsUnavailable')} /> : null}
              {p.smsOptedOut ? <Alert type="warning" showIcon title={t('mobile.settings.smsOptedOut')} /> : null}
              {me.role !== 'worker' ? (
                <Form layout="vertical" onFinish={() => update({ staffMobile: mobile.trim() })} style={{ maxWidth: 360 }}>
                  <Form.Item label={t('mobile.settings.staffMobile')} htmlFor="staff-mobile" extra={t('mobile.settings.staffMobileHint')}>
                    <Input id="staff-mobile" value={mobile} onChange={(e) => setMobile(e.target.value)} inputMode="tel" autoComplete="tel" />
                  </Form.Item>
                  <Button htmlType="submit" loading={busy}>
                    {t('common.save')}
                  </Button>
                </Form>
              ) : null}
            </Flex>
          )}
        </Loaded>
      </Card>
      {me.role !== 'worker' ? <TwoFactorCard /> : null}
    </>
  );
}

function TwoFactorCard() {
  const { t } = useTranslation();
  const [run, busy] = useAction();
  const [setupToken, setSetupToken] = useState<string | null>(null);
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [code, setCode] = useState('');
  const start = () =>
    void run(async () => setSetupToken((await call(api.POST('/api/v1/auth/totp/setup-token'))).setupToken));
  const disable = () =>
    void run(() => call(api.POST('/api/v1/auth/totp/disable', { body: { code: code.trim() } })), t('mobile.totp.disabled')).then(
      (ok) => ok && setEnabled(false),
    );
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('mobile.totp.title')}</h2>}>
      <Typography.Paragraph type="secondary">{t('mobile.totp.intro')}</Typography.Paragraph>
      {enabled ? <Tag color="success">{t('mobile.totp.on')}</Tag> : null}
      <Flex gap={8} wrap align="end">
        <Button type="primary" onClick={start} loading={busy}>
          {t('mobile.totp.start')}
        </Button>
        <Form layout="inline" onFinish={disable}>
          <Form.Item label={t('mobile.totp.code')} htmlFor="totp-disable-code">
            <Input id="totp-disable-code" value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" maxLength={6} style={{ width: 120 }} />
          </Form.Item>
          <Button htmlType="submit" danger disabled={!/^\d{6}$/.test(code.trim())}>
            {t('mobile.totp.disable')}
          </Button>
        </Form>
      </Flex>
      <Modal open={setupToken !== null} title={t('mobile.totp.title')} footer={null} onCancel={() => setSetupToken(null)} destroyOnHidden>
        {setupToken ? (
          <TotpSetup
            setupToken={setupToken}
            onDone={() => {
              setSetupToken(null);
              setEnabled(true);
            }}
          />
        ) : null}
      </Modal>
    </Card>
  );
}

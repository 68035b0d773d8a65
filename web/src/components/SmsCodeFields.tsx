import { MobileOutlined, SafetyOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from './errorText';

/** Mainland mobile numbers, as the server normalises them (spaces, dashes and +86 allowed). */
export const MOBILE_PATTERN = /^(\+?86)?\s*1[3-9](\s*-?\s*\d){9}$/;

interface CodeSent {
  expiresInSeconds: number;
  retryAfterSeconds: number;
}

/**
 * The phone number and SMS code fields of a form (names `phone` and `code`), with a send button that counts down
 * the server's cooldown. `send` asks the server to text a code to the number in the form.
 */
export function SmsCodeFields({ send }: { send: (phone: string) => Promise<CodeSent> }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<{ phone?: string }>();
  const { message, notification } = App.useApp();
  const errorText = useErrorText();
  const [wait, setWait] = useState(0);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const request = async () => {
    try {
      await form.validateFields(['phone']);
    } catch {
      return;
    }
    setSending(true);
    try {
      const sent = await send(String(form.getFieldValue('phone')).trim());
      setWait(sent.retryAfterSeconds);
      void message.success(t('mobile.phoneLogin.sent', { minutes: Math.round(sent.expiresInSeconds / 60) }));
    } catch (error) {
      const text = errorText(error);
      const retry = (error as { details?: { retryAfterSeconds?: unknown } }).details?.retryAfterSeconds;
      if (typeof retry === 'number' && retry < 600) setWait(retry);
      notification.error({ title: text.title, description: text.hint, placement: 'top' });
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <Form.Item
        name="phone"
        label={t('mobile.phoneLogin.phone')}
        rules={[
          { required: true, message: t('mobile.phoneLogin.phoneRequired') },
          { pattern: MOBILE_PATTERN, message: t('mobile.phoneLogin.phoneInvalid') },
        ]}
      >
        <Input prefix={<MobileOutlined aria-hidden />} inputMode="tel" autoComplete="tel" size="large" />
      </Form.Item>
      <Form.Item label={t('mobile.phoneLogin.code')} required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="code" noStyle rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('mobile.phoneLogin.codeRequired') }]}>
            <Input
              prefix={<SafetyOutlined aria-hidden />}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              size="large"
              aria-label={t('mobile.phoneLogin.code')}
            />
          </Form.Item>
          <Button size="large" onClick={() => void request()} loading={sending} disabled={wait > 0}>
            {wait > 0 ? t('mobile.phoneLogin.resendIn', { seconds: wait }) : t('mobile.phoneLogin.send')}
          </Button>
        </Space.Compact>
      </Form.Item>
    </>
  );
}

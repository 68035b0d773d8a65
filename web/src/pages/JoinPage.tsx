import { App, Button, Card, Checkbox, Flex, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api, call } from '../api/client';
import { ApiError } from '../api/errors';
import { useLoad } from '../api/hooks';
import type { Schemas } from '../api/types';
import { useAuth } from '../auth';
import { ErrorNotice } from '../components/ErrorNotice';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Loading } from '../components/Loading';
import { PageTitle } from '../components/PageTitle';
import { SmsCodeFields } from '../components/SmsCodeFields';
import { homeFor } from './registry';
import { HotlinePrompt } from '../components/HotlinePrompt';

type Group = Schemas['JoinDto']['occupationGroup'];
const GROUPS: Group[] = ['delivery_rider', 'courier', 'ride_hailing_driver', 'truck_driver', 'domestic_worker', 'online_seller', 'other_new_form', 'employee'];

interface Values {
  phone: string;
  code: string;
  name: string;
  occupationGroup: Group;
  employer?: string;
  employeeNo?: string;
  assessment?: boolean;
  counselling?: boolean;
  research?: boolean;
}

/**
 * 自助入会, on a phone: opened from a unit's link or poster. A verified number, a name and an occupation make the
 * profile and the account at once; each consent is its own yes or no, in plain words.
 */
export default function JoinPage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const { adopt } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const link = useLoad(() => call(api.GET('/api/v1/join/{token}', { params: { path: { token } } })), [token]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const zh = i18n.language.startsWith('zh');

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const joined = await call(
        api.POST('/api/v1/join/{token}', {
          params: { path: { token } },
          body: {
            phone: v.phone.trim(),
            code: v.code.trim(),
            name: v.name.trim(),
            occupationGroup: v.occupationGroup,
            ...(v.employer?.trim() ? { employer: v.employer.trim() } : {}),
            ...(v.employeeNo?.trim() ? { employeeNo: v.employeeNo.trim() } : {}),
            consents: { assessment: v.assessment === true, counselling: v.counselling === true, research: v.research === true },
          },
        }),
      );
      void message.success(joined.linkedToRoster ? t('mobile.join.linked') : t('mobile.join.done'), 8);
      const me = await adopt(joined);
      void navigate(homeFor(me.role), { replace: true });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  if (link.loading && !link.data) return <Loading />;
  const gone = link.error instanceof ApiError && (link.error.status === 404 || link.error.status === 410);
  return (
    <main style={{ maxWidth: 520, margin: '0 auto', padding: 12 }}>
      <Flex justify="flex-end">
        <LanguageSwitch />
      </Flex>
      {gone || !link.data ? (
        <>
          <PageTitle title={t('app.name')} />
          {gone ? <Typography.Paragraph>{t('mobile.join.invalid')}</Typography.Paragraph> : <ErrorNotice error={link.error} onRetry={link.reload} />}
        </>
      ) : (
        <>
          <PageTitle title={t('mobile.join.title', { unit: link.data.unitName })} subtitle={t('mobile.join.intro')} />
          <Card>
            {error ? <ErrorNotice error={error} /> : null}
            <Form<Values> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} disabled={busy} initialValues={{ occupationGroup: 'delivery_rider' }}>
              <SmsCodeFields send={(phone) => call(api.POST('/api/v1/join/{token}/sms-code', { params: { path: { token } }, body: { phone } }))} />
              <Form.Item name="name" label={t('mobile.join.name')} rules={[{ required: true, whitespace: true, message: t('mobile.join.nameRequired') }]}>
                <Input autoComplete="name" size="large" maxLength={100} />
              </Form.Item>
              <Form.Item name="occupationGroup" label={t('mobile.join.group')} rules={[{ required: true, message: t('mobile.join.groupRequired') }]}>
                <Select size="large" options={GROUPS.map((g) => ({ value: g, label: t(`mobile.group.${g}`) }))} />
              </Form.Item>
              <Form.Item name="employer" label={t('mobile.join.employer')} extra={t('mobile.join.employerHint')}>
                <Input size="large" maxLength={100} />
              </Form.Item>
              <Form.Item name="employeeNo" label={t('mobile.join.employeeNo')}>
                <Input size="large" maxLength={50} />
              </Form.Item>
              <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
                <legend style={{ fontWeight: 600, marginBottom: 4 }}>{t('mobile.join.consents')}</legend>
                <Typography.Paragraph type="secondary">{t('mobile.join.consentsHint')}</Typography.Paragraph>
                {link.data.purposes.map((p) => (
                  <Form.Item key={p.purpose} name={p.purpose} valuePropName="checked" style={{ marginBottom: 8 }}>
                    <Checkbox>{zh ? p.zh : p.en}</Checkbox>
                  </Form.Item>
                ))}
              </fieldset>
              <Button type="primary" htmlType="submit" block size="large" loading={busy}>
                {t('mobile.join.submit')}
              </Button>
            </Form>
          </Card>
          <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
            <HotlinePrompt />
          </Typography.Paragraph>
        </>
      )}
    </main>
  );
}

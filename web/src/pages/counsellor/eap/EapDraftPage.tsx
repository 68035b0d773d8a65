import { Button, Card, Form, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { PageTitle } from '../../../components/PageTitle';
import { useAction } from '../../../components/useAction';
import { DraftFields } from './DraftFields';
import { StepsBar } from './StepsBar';

type Values = Omit<Schemas['CreateEapReferralDto'], 'contactPreference'> & {
  channel: Schemas['ContactPreferenceDto']['channel'];
  detail?: string;
  bestTime?: string;
};

/**
 * Step 1 of an EAP referral: the draft. Only what is written here for the vendor (the service, urgency, how to make
 * contact and the summary) can ever reach them; the next step shows exactly that before anything is sent.
 */
export default function EapDraftPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [workerId, setWorkerId] = useState(params.get('worker') ?? undefined);
  const individualReferralId = params.get('referral') ?? undefined;
  const [q, setQ] = useState('');
  const workers = useLoad(
    () => call(api.GET('/api/v1/workers', { params: { query: { ...(q ? { q } : {}), pageSize: 20 } } })),
    [q],
  );
  const vendors = useLoad(() => call(api.GET('/api/v1/eap/vendors')), []);
  const [form] = Form.useForm<Values>();
  const vendorId = Form.useWatch('vendorId', form);
  const channel = Form.useWatch('channel', form);
  const vendor = vendors.data?.find((v) => v.id === vendorId);
  const [run, busy] = useAction();

  const save = async (v: Values) => {
    let id = '';
    const ok = await run(async () => {
      const made = await call(
        api.POST('/api/v1/eap/referrals', {
          body: {
            workerId: workerId ?? '',
            vendorId: v.vendorId,
            service: v.service,
            urgency: v.urgency,
            summary: v.summary.trim(),
            contactPreference: {
              channel: v.channel,
              ...(v.detail?.trim() ? { detail: v.detail.trim() } : {}),
              ...(v.bestTime?.trim() ? { bestTime: v.bestTime.trim() } : {}),
            },
            ...(individualReferralId ? { individualReferralId } : {}),
          },
        }),
      );
      id = made.id;
    }, t('eap.drafted'));
    if (ok) void navigate(`/staff/eap/${id}`);
  };

  return (
    <>
      <PageTitle title={t('eap.newTitle')} />
      <StepsBar current={0} />
      <Card style={{ maxWidth: 720 }}>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void save(v)}
          initialValues={{ urgency: 'routine', channel: 'worker_initiates' }}
        >
          <Form.Item label={t('eap.worker')} required>
            <Select
              showSearch
              aria-label={t('eap.worker')}
              value={workerId}
              onChange={setWorkerId}
              onSearch={setQ}
              filterOption={false}
              loading={workers.loading}
              placeholder={t('eap.workerPlaceholder')}
              options={(workers.data?.items ?? []).map((w) => ({
                value: w.id,
                label: w.employeeNo ? `${w.name}（${w.employeeNo}）` : w.name,
              }))}
              notFoundContent={workerId && !q ? t('eap.workerChosen') : undefined}
            />
          </Form.Item>
          <Form.Item
            name="vendorId"
            label={t('eap.vendor')}
            rules={[{ required: true, message: t('referral.vendorRequired') }]}
          >
            <Select
              loading={vendors.loading}
              options={(vendors.data ?? [])
                .filter((v) => v.active)
                .map((v) => ({ value: v.id, label: v.name }))}
            />
          </Form.Item>
          <DraftFields vendor={vendor} channel={channel} />
          <Typography.Paragraph type="secondary">{t('eap.nextPreview')}</Typography.Paragraph>
          <Button type="primary" htmlType="submit" loading={busy} disabled={!workerId}>
            {t('eap.saveDraft')}
          </Button>
        </Form>
      </Card>
    </>
  );
}

import { Button, Card, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { useAction } from '../../../components/useAction';
import { DraftFields } from './DraftFields';

type Referral = Schemas['EapReferralDto'];
interface Values {
  service: Referral['service'];
  urgency: Referral['urgency'];
  channel: Referral['contactPreference']['channel'];
  detail?: string;
  bestTime?: string;
  summary: string;
}

/** Editing a draft before it is sent (PATCH): what changes is previewed again, so what is sent is what was seen. */
export function DraftEditCard({ referral, onSaved, onCancel }: { referral: Referral; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const vendors = useLoad(() => call(api.GET('/api/v1/eap/vendors')), []);
  const vendor = vendors.data?.find((v) => v.id === referral.vendorId);
  const [form] = Form.useForm<Values>();
  const channel = Form.useWatch('channel', form);
  const [run, busy] = useAction();
  const save = (v: Values) =>
    void run(
      () =>
        call(
          api.PATCH('/api/v1/eap/referrals/{id}', {
            params: { path: { id: referral.id } },
            body: {
              service: v.service,
              urgency: v.urgency,
              summary: v.summary.trim(),
              contactPreference: {
                channel: v.channel,
                ...(v.detail?.trim() ? { detail: v.detail.trim() } : {}),
                ...(v.bestTime?.trim() ? { bestTime: v.bestTime.trim() } : {}),
              },
            },
          }),
        ),
      t('eapAdmin.draftEdit.saved'),
    ).then((ok) => ok && onSaved());
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('eapAdmin.draftEdit.title')}</h2>} style={{ maxWidth: 720 }}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          service: referral.service,
          urgency: referral.urgency,
          channel: referral.contactPreference.channel,
          detail: referral.contactPreference.detail ?? undefined,
          bestTime: referral.contactPreference.bestTime ?? undefined,
          summary: referral.summary,
        }}
      >
        <DraftFields vendor={vendor} channel={channel} />
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('eapAdmin.draftEdit.save')}
        </Button>{' '}
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Form>
    </Card>
  );
}

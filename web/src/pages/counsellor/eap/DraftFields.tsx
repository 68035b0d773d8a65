import { Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';

const URGENCIES = ['routine', 'priority', 'urgent'] as const;
const CHANNELS = ['worker_initiates', 'via_counsellor', 'phone', 'email'] as const;

/** What a draft says to the vendor (service, urgency, contact, the note): one set of fields for drafting and editing. */
export function DraftFields({ vendor, channel }: { vendor: Schemas['VendorDto'] | undefined; channel: string | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="service"
        label={t('eap.service')}
        rules={[{ required: true, message: t('eap.serviceRequired') }]}
      >
        <Select
          disabled={!vendor}
          options={(vendor?.services ?? []).map((s) => ({ value: s, label: t(`eapService.${s}`) }))}
        />
      </Form.Item>
      <Form.Item name="urgency" label={t('eap.urgency')}>
        <Radio.Group options={URGENCIES.map((u) => ({ value: u, label: t(`eapUrgency.${u}`) }))} />
      </Form.Item>
      <Form.Item
        name="channel"
        label={t('eap.contact')}
        extra={t(`eapContact.hint.${channel ?? 'worker_initiates'}`)}
      >
        <Radio.Group options={CHANNELS.map((c) => ({ value: c, label: t(`eapContact.${c}`) }))} />
      </Form.Item>
      {channel === 'phone' || channel === 'email' ? (
        <Form.Item
          name="detail"
          label={t(`eapContact.detail.${channel}`)}
          rules={[{ required: true, message: t('eap.detailRequired') }]}
        >
          <Input inputMode={channel === 'phone' ? 'tel' : 'email'} />
        </Form.Item>
      ) : null}
      {channel === 'phone' ? (
        <Form.Item name="bestTime" label={t('eap.bestTime')}>
          <Input maxLength={200} />
        </Form.Item>
      ) : null}
      <Form.Item
        name="summary"
        label={t('eap.summary')}
        extra={t('eap.summaryHint')}
        rules={[{ required: true, whitespace: true, message: t('eap.summaryRequired') }]}
      >
        <Input.TextArea rows={5} maxLength={2000} showCount />
      </Form.Item>
    </>
  );
}

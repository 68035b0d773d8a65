import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { useAction } from '../../../components/useAction';
import { PROVIDERS } from './ReferralsCard';

type Values = Schemas['UpdateReferralDto'];

/** 修改转介草稿: the provider (a hospital by name, an EAP vendor from the directory) and the reason, while a draft. */
export function ReferralEditForm({
  detail,
  onClose,
}: {
  detail: Schemas['ReferralDetailDto'];
  onClose: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const r = detail.referral;
  const [form] = Form.useForm<Values>();
  const provider = Form.useWatch('providerType', form) ?? r.providerType;
  const vendors = useLoad(() => call(api.GET('/api/v1/eap/vendors')), []);
  const [run, busy] = useAction();
  const save = (v: Values) =>
    void run(
      () =>
        call(
          api.PATCH('/api/v1/referrals/{id}', {
            params: { path: { id: r.id } },
            body: {
              ...(v.providerType ? { providerType: v.providerType } : {}),
              ...(v.providerType === 'hospital' && v.providerName?.trim() ? { providerName: v.providerName.trim() } : {}),
              ...(v.providerType === 'eap_vendor' && v.vendorId ? { vendorId: v.vendorId } : {}),
              reason: v.reason?.trim() ?? '',
            },
          }),
        ),
      t('referralEdit.saved'),
    ).then((ok) => ok && onClose(true));
  return (
    <Modal
      open
      title={t('referralEdit.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          providerType: r.providerType ?? undefined,
          providerName: r.providerName ?? undefined,
          vendorId: r.vendorId ?? undefined,
          reason: detail.reason ?? '',
        }}
      >
        <Form.Item
          name="providerType"
          label={t('referral.provider')}
          rules={[{ required: true, message: t('referral.providerRequired') }]}
        >
          <Select options={PROVIDERS.map((p) => ({ value: p, label: t(`provider.${p}`) }))} />
        </Form.Item>
        {provider === 'hospital' ? (
          <Form.Item
            name="providerName"
            label={t('referral.providerName')}
            rules={[{ required: true, whitespace: true, message: t('referral.providerNameRequired') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        ) : null}
        {provider === 'eap_vendor' ? (
          <Form.Item
            name="vendorId"
            label={t('referral.vendor')}
            rules={[{ required: true, message: t('referral.vendorRequired') }]}
          >
            <Select
              loading={vendors.loading}
              options={(vendors.data ?? []).filter((v) => v.active).map((v) => ({ value: v.id, label: v.name }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="reason" label={t('referral.reason')} extra={t('referralEdit.reasonHint')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

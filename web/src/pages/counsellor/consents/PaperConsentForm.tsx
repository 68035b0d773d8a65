import { Alert, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { formatDate } from '../../../components/dates';
import { useAction } from '../../../components/useAction';

type Purpose = Schemas['RecordConsentDto']['purpose'];
const PURPOSES: Purpose[] = ['assessment', 'counselling', 'eap_referral', 'research'];

interface Values {
  purpose: Purpose;
  recipientId?: string;
  granted: boolean;
  note?: string;
}

/** What the vendor's active contract covers, so staff read the service before the worker's consent is recorded. */
function ContractCoverage({ vendorId, service }: { vendorId: string; service?: string }) {
  const { t, i18n } = useTranslation();
  const contracts = useLoad(
    () => call(api.GET('/api/v1/eap/contracts', { params: { query: { vendorId } } })),
    [vendorId],
  );
  const active = (contracts.data ?? []).filter((c) => c.activeToday);
  if (!contracts.data) return null;
  return (
    <Alert
      type={active.length ? 'info' : 'warning'}
      showIcon
      style={{ marginBottom: 16 }}
      title={
        service ? t('rights.consents.referralService', { service: t(`eapService.${service}`) }) : undefined
      }
      description={
        active.length
          ? active.map((c) => (
              <div key={c.id}>
                {t('rights.consents.covers', {
                  reference: c.reference,
                  services: c.services.map((s) => t(`eapService.${s}`)).join('、'),
                  endsOn: formatDate(c.endsOn, i18n.language),
                })}
              </div>
            ))
          : t('rights.consents.noContract')
      }
    />
  );
}

/**
 * Records a consent (or its withdrawal) the worker gave on paper, per purpose and, for an EAP referral, per vendor,
 * showing what that vendor's contract covers first. `fixed` pins the purpose and vendor (from an EAP referral).
 */
export function PaperConsentForm({
  workerId,
  open,
  onClose,
  onSaved,
  fixed,
}: {
  workerId: string;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
  fixed?: { vendorId: string; service?: string };
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [run, busy] = useAction();
  const purpose = Form.useWatch('purpose', form) ?? (fixed ? 'eap_referral' : undefined);
  const vendorId = Form.useWatch('recipientId', form) ?? fixed?.vendorId;
  const vendors = useLoad(() => call(api.GET('/api/v1/eap/vendors')), []);

  const save = (values: Values) =>
    void run(
      () =>
        call(
          api.POST('/api/v1/workers/{id}/consents', {
            params: { path: { id: workerId } },
            body: {
              purpose: fixed ? 'eap_referral' : values.purpose,
              granted: values.granted,
              onPaper: true,
              ...(fixed
                ? { recipientId: fixed.vendorId }
                : values.recipientId
                  ? { recipientId: values.recipientId }
                  : {}),
              ...(values.note?.trim() ? { note: values.note.trim() } : {}),
            },
          }),
        ),
      t('rights.consents.saved'),
    ).then((ok) => {
      if (!ok) return;
      form.resetFields();
      onSaved();
      onClose();
    });

  return (
    <Modal
      open={open}
      title={t('rights.consents.recordTitle')}
      okText={t('rights.consents.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('rights.consents.recordIntro')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          purpose: fixed ? 'eap_referral' : 'assessment',
          granted: true,
          recipientId: fixed?.vendorId,
        }}
      >
        <Form.Item name="purpose" label={t('rights.consents.purpose')} rules={[{ required: true }]}>
          <Select
            disabled={!!fixed}
            options={PURPOSES.map((p) => ({ value: p, label: t(`purpose.${p}`) }))}
          />
        </Form.Item>
        {purpose === 'eap_referral' ? (
          <Form.Item
            name="recipientId"
            label={t('rights.consents.vendor')}
            rules={[{ required: true, message: t('rights.consents.vendorRequired') }]}
          >
            <Select
              disabled={!!fixed}
              options={(vendors.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
            />
          </Form.Item>
        ) : null}
        {purpose === 'eap_referral' && vendorId ? (
          <ContractCoverage vendorId={vendorId} service={fixed?.service} />
        ) : null}
        <Form.Item name="granted" label={t('rights.consents.decision')}>
          <Radio.Group
            options={[
              { value: true, label: t('rights.consents.grant') },
              { value: false, label: t('rights.consents.withdraw') },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t('rights.consents.note')}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('rights.consents.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

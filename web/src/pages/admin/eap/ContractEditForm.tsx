import { App, Button, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { Schemas } from '../../../api/types';
import { useErrorText } from '../../../components/errorText';
import { showFieldErrors } from '../../../components/fieldErrors';

type Contract = Schemas['ContractDto'];
interface Values {
  reference: string;
  startsOn: Dayjs;
  endsOn: Dayjs;
  services: Contract['services'];
  sessionsPerWorker: number;
  sessionsTotal: number;
  priceYuan: number;
  reminderDays: string[];
}

/** Where the server's refusals of a contract edit belong (by error code, and by the API's property name). */
const CODE_FIELDS = { CONTRACT_DATES_INVALID: 'endsOn', SERVICE_NOT_OFFERED: 'services', QUOTA_BELOW_USAGE: 'sessionsTotal' };
const PROPERTY_FIELDS = { pricePerSessionCents: 'priceYuan' };

/**
 * Editing a contract's terms: each field checked here as the server checks it, and a refusal the server makes (the
 * total below what is used, a service the vendor does not offer, dates) shown under its field with the server's words.
 */
export function ContractEditForm({ contract, services, onSaved, onCancel }: { contract: Contract; services: Contract['services']; onSaved: () => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const { message, notification } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const save = async (v: Values) => {
    setBusy(true);
    try {
      await call(
        api.PATCH('/api/v1/eap/contracts/{id}', {
          params: { path: { id: contract.id } },
          body: {
            reference: v.reference.trim(),
            startsOn: v.startsOn.format('YYYY-MM-DD'),
            endsOn: v.endsOn.format('YYYY-MM-DD'),
            services: v.services,
            sessionsPerWorker: v.sessionsPerWorker,
            sessionsTotal: v.sessionsTotal,
            pricePerSessionCents: Math.round(v.priceYuan * 100),
            reminderDays: v.reminderDays.map(Number),
          },
        }),
      );
      void message.success(t('eapAdmin.contract.saved'));
      onSaved();
    } catch (error) {
      if (!showFieldErrors(form, error, i18n.language, { codes: CODE_FIELDS, properties: PROPERTY_FIELDS })) {
        const text = errorText(error);
        notification.error({ title: text.title, description: text.hint, placement: 'top', duration: 8 });
      }
    } finally {
      setBusy(false);
    }
  };
  const required = { required: true, message: t('eapAdmin.contract.dateRequired') };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      style={{ maxWidth: 720 }}
      onFinish={(v) => void save(v)}
      initialValues={{
        reference: contract.reference,
        startsOn: dayjs(contract.startsOn),
        endsOn: dayjs(contract.endsOn),
        services: contract.services,
        sessionsPerWorker: contract.sessionsPerWorker,
        sessionsTotal: contract.sessionsTotal,
        priceYuan: contract.pricePerSessionCents / 100,
        reminderDays: contract.reminderDays.map(String),
      }}
    >
      <Form.Item name="reference" label={t('contracts.reference')} rules={[{ required: true, whitespace: true, message: t('contracts.referenceRequired') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="startsOn" label={t('eapAdmin.contract.startsOn')} rules={[required]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="endsOn"
        label={t('eapAdmin.contract.endsOn')}
        extra={t('eapAdmin.contract.endsOnHint')}
        dependencies={['startsOn']}
        rules={[
          required,
          ({ getFieldValue }) => ({
            validator: (_, value: Dayjs | undefined) => {
              const start = getFieldValue('startsOn') as Dayjs | undefined;
              return !value || !start || !value.isBefore(start, 'day') ? Promise.resolve() : Promise.reject(new Error(t('eapAdmin.contract.endBeforeStart')));
            },
          }),
        ]}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="services" label={t('vendors.services')} rules={[{ required: true, message: t('vendors.servicesRequired') }]}>
        <Select mode="multiple" options={services.map((s) => ({ value: s, label: t(`eapService.${s}`) }))} />
      </Form.Item>
      <Form.Item name="sessionsPerWorker" label={t('contracts.perWorker')} rules={[{ required: true, type: 'integer', min: 1, max: 1000, message: t('eapAdmin.contract.perWorkerRange') }]}>
        <InputNumber precision={0} />
      </Form.Item>
      <Form.Item name="sessionsTotal" label={t('contracts.total')} rules={[{ required: true, type: 'integer', min: 1, max: 10_000_000, message: t('eapAdmin.contract.totalRange') }]}>
        <InputNumber precision={0} />
      </Form.Item>
      <Form.Item name="priceYuan" label={t('contracts.price')} rules={[{ required: true, message: t('contracts.priceRequired') }]}>
        <InputNumber min={0} step={10} precision={2} />
      </Form.Item>
      <Form.Item
        name="reminderDays"
        label={t('eapAdmin.contract.reminderDays')}
        extra={t('eapAdmin.contract.reminderHint')}
        rules={[
          {
            validator: (_, value: string[] | undefined) =>
              (value ?? []).every((d) => /^\d+$/.test(d) && Number(d) >= 1 && Number(d) <= 365) ? Promise.resolve() : Promise.reject(new Error(t('eapAdmin.contract.reminderInvalid'))),
          },
        ]}
      >
        <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('eapAdmin.contract.save')}
      </Button>{' '}
      <Button onClick={onCancel}>{t('common.cancel')}</Button>
    </Form>
  );
}

import { PhoneOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { useAction } from '../../../components/useAction';
import { pick } from '../../../i18n';

type Values = Schemas['OnlineRequestDto'];

/** A new online request: what it is about (the desk's categories), in the worker's words, and a call-back number. */
export function NewRequestForm({ onSent }: { onSent: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const vocabulary = useLoad(() => call(api.GET('/api/v1/desk/vocabulary')), []);
  const [form] = Form.useForm<Values>();
  const crisis = Form.useWatch('crisis', form);
  const [run, busy] = useAction();
  const [open, setOpen] = useState(false);
  const submit = async (values: Values) => {
    let id = '';
    let reference = '';
    const ok = await run(async () => {
      const made = await call(
        api.POST('/api/v1/me/requests', {
          body: {
            category: values.category,
            summary: values.summary.trim(),
            ...(values.crisis ? { crisis: true } : {}),
            ...(values.callbackNumber?.trim() ? { callbackNumber: values.callbackNumber.trim() } : {}),
          },
        }),
      );
      id = made.id;
      reference = made.reference;
    });
    if (ok) {
      form.resetFields();
      onSent();
      void navigate(`/me/requests/${id}`, { state: { sent: reference } });
    }
  };
  if (!open)
    return (
      <Button type="primary" size="large" block onClick={() => setOpen(true)}>
        {t('requests.new')}
      </Button>
    );
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('requests.new')}</h2>}>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item
          name="category"
          label={t('requests.category')}
          rules={[{ required: true, message: t('requests.categoryRequired') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={vocabulary.loading}
            options={(vocabulary.data?.categories ?? []).map((c) => ({
              value: c.code,
              label: pick(c, i18n.language),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t('requests.summary')}
          extra={t('requests.summaryHint')}
          rules={[{ required: true, whitespace: true, message: t('requests.summaryRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item
          name="callbackNumber"
          label={t('requests.callback')}
          extra={t('requests.callbackHint')}
          rules={[{ pattern: /^\+?[\d\s-]{5,20}$/, message: t('requests.callbackInvalid') }]}
        >
          <Input inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Form.Item name="crisis" valuePropName="checked">
          <Checkbox>{t('requests.crisis')}</Checkbox>
        </Form.Item>
        {crisis ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('requests.crisisNow')}
            action={
              <Button danger href="tel:12356" icon={<PhoneOutlined />}>
                12356
              </Button>
            }
          />
        ) : null}
        <Button type="primary" htmlType="submit" loading={busy} block size="large">
          {busy ? t('requests.sending') : t('requests.send')}
        </Button>
      </Form>
    </Card>
  );
}

import { Button, Card, Collapse, Flex, Form, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useAction } from '../../../components/useAction';
import { DeliveriesTable } from './DeliveriesTable';
import { SecretOnce, type ShownSecret } from './SecretOnce';

type Endpoint = Schemas['WebhookEndpointDto'];
interface Values {
  url: string;
  description?: string;
}

/** A vendor's webhook endpoints: register (secret shown once), rotate the secret, disable/enable, the delivery log. */
export function WebhookEndpointsCard({ vendorId }: { vendorId: string }) {
  const { t } = useTranslation();
  const endpoints = useLoad(
    () => call(api.GET('/api/v1/eap/vendors/{vendorId}/webhook-endpoints', { params: { path: { vendorId } } })),
    [vendorId],
  );
  const [form] = Form.useForm<Values>();
  const [shown, setShown] = useState<ShownSecret | null>(null);
  const [run, busy] = useAction();

  const create = async (v: Values) => {
    const ok = await run(async () => {
      const made = await call(
        api.POST('/api/v1/eap/vendors/{vendorId}/webhook-endpoints', {
          params: { path: { vendorId } },
          body: { url: v.url.trim(), ...(v.description?.trim() ? { description: v.description.trim() } : {}) },
        }),
      );
      setShown({ title: t('eapAdmin.webhooks.created'), secret: made.secret });
    });
    if (ok) {
      form.resetFields();
      endpoints.reload();
    }
  };
  const rotate = (e: Endpoint) =>
    void run(async () => {
      const rotated = await call(api.POST('/api/v1/eap/webhook-endpoints/{id}/rotate-secret', { params: { path: { id: e.id } }, body: {} }));
      setShown({ title: t('eapAdmin.webhooks.rotated'), secret: rotated.secret, previousValidUntil: rotated.previousValidUntil });
    }).then((ok) => ok && endpoints.reload());
  const setActive = (e: Endpoint, active: boolean) =>
    void run(
      () =>
        active
          ? call(api.POST('/api/v1/eap/webhook-endpoints/{id}/enable', { params: { path: { id: e.id } } }))
          : call(api.POST('/api/v1/eap/webhook-endpoints/{id}/disable', { params: { path: { id: e.id } } })),
      active ? t('eapAdmin.webhooks.enabled') : t('eapAdmin.webhooks.disabled'),
    ).then((ok) => ok && endpoints.reload());

  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('eapAdmin.webhooks.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void create(v)} style={{ maxWidth: 720 }}>
        <Form.Item name="url" label={t('eapAdmin.webhooks.url')} rules={[{ required: true, whitespace: true, message: t('eapAdmin.webhooks.urlRequired') }]}>
          <Input inputMode="url" maxLength={2000} placeholder="https://" />
        </Form.Item>
        <Form.Item name="description" label={t('eapAdmin.webhooks.description')}>
          <Input maxLength={200} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} style={{ marginBottom: 16 }}>
          {t('eapAdmin.webhooks.create')}
        </Button>
      </Form>
      {endpoints.error ? <ErrorNotice error={endpoints.error} onRetry={endpoints.reload} /> : null}
      {endpoints.data && endpoints.data.length === 0 ? <Typography.Paragraph>{t('eapAdmin.webhooks.none')}</Typography.Paragraph> : null}
      <Collapse
        items={(endpoints.data ?? []).map((e) => ({
          key: e.id,
          label: (
            <Flex gap={8} wrap align="center">
              <Typography.Text strong style={{ wordBreak: 'break-all' }}>
                {e.url}
              </Typography.Text>
              <Tag color={e.status === 'active' ? 'success' : 'default'}>{t(`eapAdmin.webhooks.statuses.${e.status}`)}</Tag>
              {e.description ? <Typography.Text type="secondary">{e.description}</Typography.Text> : null}
            </Flex>
          ),
          children: (
            <Flex vertical gap={12}>
              {e.disabledReason ? <Typography.Text type="warning">{t('eapAdmin.webhooks.disabledReason', { reason: e.disabledReason })}</Typography.Text> : null}
              <Space wrap>
                <Typography.Text>
                  {t('eapAdmin.webhooks.secrets')}: {e.signingSecrets}
                </Typography.Text>
                <Popconfirm title={t('eapAdmin.webhooks.rotateConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => rotate(e)}>
                  <Button size="small" disabled={busy} aria-label={t('eapAdmin.webhooks.rotateNamed', { url: e.url })}>
                    {t('eapAdmin.webhooks.rotate')}
                  </Button>
                </Popconfirm>
                {e.status === 'active' ? (
                  <Button size="small" danger disabled={busy} aria-label={t('eapAdmin.webhooks.disableNamed', { url: e.url })} onClick={() => setActive(e, false)}>
                    {t('eapAdmin.webhooks.disable')}
                  </Button>
                ) : (
                  <Button size="small" type="primary" disabled={busy} aria-label={t('eapAdmin.webhooks.enableNamed', { url: e.url })} onClick={() => setActive(e, true)}>
                    {t('eapAdmin.webhooks.enable')}
                  </Button>
                )}
              </Space>
              <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
                {t('eapAdmin.webhooks.deliveries')}
              </Typography.Title>
              <DeliveriesTable endpointId={e.id} />
            </Flex>
          ),
        }))}
      />
      <SecretOnce shown={shown} onClose={() => setShown(null)} />
    </Card>
  );
}

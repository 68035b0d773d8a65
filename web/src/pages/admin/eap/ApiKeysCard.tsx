import { Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../components/dates';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useAction } from '../../../components/useAction';
import { SecretOnce, type ShownSecret } from './SecretOnce';

type Key = Schemas['ApiKeyDto'];
const STATE_COLOURS: Record<Key['state'], string> = { active: 'success', expiring: 'warning', expired: 'default', revoked: 'error' };

/** A vendor's API keys: issue (shown once), rotate with a grace period (the new key shown once), revoke at once. */
export function ApiKeysCard({ vendorId }: { vendorId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const path = { params: { path: { vendorId } } };
  const keys = useLoad(() => call(api.GET('/api/v1/eap/vendors/{vendorId}/api-keys', path)), [vendorId]);
  const [form] = Form.useForm<{ label: string }>();
  const [rotating, setRotating] = useState<Key | null>(null);
  const [grace, setGrace] = useState<number>(24);
  const [shown, setShown] = useState<ShownSecret | null>(null);
  const [run, busy] = useAction();

  const issue = async ({ label }: { label: string }) => {
    const ok = await run(async () => {
      const issued = await call(api.POST('/api/v1/eap/vendors/{vendorId}/api-keys', { ...path, body: { label: label.trim() } }));
      setShown({ title: t('eapAdmin.keys.created'), secret: issued.key });
    });
    if (ok) {
      form.resetFields();
      keys.reload();
    }
  };
  const rotate = async (key: Key) => {
    const ok = await run(async () => {
      const issued = await call(
        api.POST('/api/v1/eap/vendors/{vendorId}/api-keys/{keyId}/rotate', {
          params: { path: { vendorId, keyId: key.id } },
          body: { graceHours: grace },
        }),
      );
      // The old key's own expiry, as the server set it (its clock, not this browser's).
      const old = (await call(api.GET('/api/v1/eap/vendors/{vendorId}/api-keys', path))).find((k) => k.id === key.id);
      setShown({ title: t('eapAdmin.keys.rotated'), secret: issued.key, previousValidUntil: old?.state === 'expiring' ? old.expiresAt : null });
    });
    setRotating(null);
    if (ok) keys.reload();
  };
  const revoke = (key: Key) =>
    void run(
      () => call(api.POST('/api/v1/eap/vendors/{vendorId}/api-keys/{keyId}/revoke', { params: { path: { vendorId, keyId: key.id } } })),
      t('eapAdmin.keys.revoked'),
    ).then((ok) => ok && keys.reload());

  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('eapAdmin.keys.intro')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={(v) => void issue(v)} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="label" label={t('eapAdmin.keys.label')} rules={[{ required: true, whitespace: true, message: t('eapAdmin.keys.labelRequired') }]}>
          <Input maxLength={100} placeholder={t('eapAdmin.keys.labelPlaceholder')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('eapAdmin.keys.create')}
        </Button>
      </Form>
      {keys.error ? <ErrorNotice error={keys.error} onRetry={keys.reload} /> : null}
      <Table<Key>
        rowKey="id"
        size="small"
        loading={keys.loading && !keys.data}
        dataSource={keys.data ?? []}
        pagination={false}
        scroll={{ x: 860 }}
        locale={{ emptyText: t('eapAdmin.keys.none') }}
        columns={[
          { title: t('eapAdmin.keys.label'), dataIndex: 'label' },
          { title: t('eapAdmin.keys.prefix'), key: 'prefix', render: (_, k) => <Typography.Text code>{k.displayPrefix}…</Typography.Text> },
          { title: t('eapAdmin.keys.state'), key: 'state', render: (_, k) => <Tag color={STATE_COLOURS[k.state]}>{t(`eapAdmin.keys.states.${k.state}`)}</Tag> },
          { title: t('eapAdmin.keys.lastUsed'), key: 'used', render: (_, k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt, lang) : t('eapAdmin.keys.never')) },
          { title: t('eapAdmin.keys.expires'), key: 'expires', render: (_, k) => formatDateTime(k.revokedAt ?? k.expiresAt, lang) },
          { title: t('eapAdmin.keys.createdAt'), key: 'created', render: (_, k) => formatDateTime(k.createdAt, lang) },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, k) =>
              k.state === 'active' || k.state === 'expiring' ? (
                <Space wrap>
                  {k.state === 'active' ? (
                    <Button size="small" disabled={busy} aria-label={t('eapAdmin.keys.rotateNamed', { label: k.label })} onClick={() => setRotating(k)}>
                      {t('eapAdmin.keys.rotate')}
                    </Button>
                  ) : null}
                  <Popconfirm
                    title={t('eapAdmin.keys.revokeConfirm', { label: k.label })}
                    okText={t('eapAdmin.keys.revoke')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => revoke(k)}
                  >
                    <Button size="small" danger disabled={busy} aria-label={t('eapAdmin.keys.revokeNamed', { label: k.label })}>
                      {t('eapAdmin.keys.revoke')}
                    </Button>
                  </Popconfirm>
                </Space>
              ) : null,
          },
        ]}
      />
      <Modal
        open={!!rotating}
        title={rotating ? t('eapAdmin.keys.rotateTitle', { label: rotating.label }) : ''}
        okText={t('eapAdmin.keys.rotate')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => rotating && void rotate(rotating)}
        onCancel={() => setRotating(null)}
      >
        <Form layout="vertical">
          <Form.Item label={t('eapAdmin.keys.grace')} extra={t('eapAdmin.keys.graceHint')}>
            <InputNumber min={0} max={720} precision={0} value={grace} onChange={(v) => setGrace(v ?? 0)} />
          </Form.Item>
        </Form>
      </Modal>
      <SecretOnce shown={shown} onClose={() => setShown(null)} />
    </Card>
  );
}

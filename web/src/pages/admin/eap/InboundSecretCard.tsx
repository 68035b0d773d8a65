import { Alert, Button, Card, Flex, InputNumber, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { Schemas } from '../../../api/types';
import { useAction } from '../../../components/useAction';
import { SecretOnce, type ShownSecret } from './SecretOnce';

/** The secret the vendor signs its webhooks to us with: whether one is set, and a rotation (confirmed, shown once). */
export function InboundSecretCard({ vendor, onChange }: { vendor: Schemas['VendorDto']; onChange: () => void }) {
  const { t } = useTranslation();
  const [grace, setGrace] = useState<number>(24);
  const [shown, setShown] = useState<ShownSecret | null>(null);
  const [run, busy] = useAction();
  const rotate = () =>
    void run(async () => {
      const rotated = await call(
        api.POST('/api/v1/eap/vendors/{id}/inbound-secret/rotate', { params: { path: { id: vendor.id } }, body: { graceHours: grace } }),
      );
      setShown({ title: t('eapAdmin.inbound.rotated'), secret: rotated.secret, previousValidUntil: rotated.previousValidUntil });
    }).then((ok) => ok && onChange());
  return (
    <Card>
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('eapAdmin.inbound.intro', { id: vendor.id })}
        </Typography.Paragraph>
        <Alert
          type={vendor.inboundSigningConfigured ? 'success' : 'info'}
          showIcon
          role="status"
          title={vendor.inboundSigningConfigured ? t('eapAdmin.inbound.configured') : t('eapAdmin.inbound.notConfigured')}
        />
        <Flex gap={12} wrap align="center">
          <label htmlFor="inbound-grace">{t('eapAdmin.inbound.grace')}</label>
          <InputNumber id="inbound-grace" min={0} max={720} precision={0} value={grace} onChange={(v) => setGrace(v ?? 0)} />
          <Popconfirm title={t('eapAdmin.inbound.confirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={rotate}>
            <Button type="primary" loading={busy}>
              {t('eapAdmin.inbound.rotate')}
            </Button>
          </Popconfirm>
        </Flex>
      </Flex>
      <SecretOnce shown={shown} onClose={() => setShown(null)} />
    </Card>
  );
}

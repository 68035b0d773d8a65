import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/dates';

/** A secret (API key, signing secret) the server shows this once: what it is, a copy button and the warning. */
export interface ShownSecret {
  title: string;
  secret: string;
  /** For a rotation: until when the previous one still works (null: it stopped at once). */
  previousValidUntil?: string | null;
}

export function SecretOnce({ shown, onClose }: { shown: ShownSecret | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Modal
      open={!!shown}
      title={shown?.title}
      onCancel={onClose}
      maskClosable={false}
      // Gone from the page once closed: the secret is not kept in the DOM after it was shown.
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t('eapAdmin.secretOnce.done')}
        </Button>
      }
    >
      {shown ? (
        <>
          <Alert type="warning" showIcon title={t('eapAdmin.secretOnce.title')} description={t('eapAdmin.secretOnce.warning')} />
          <Typography.Paragraph
            code
            data-testid="shown-secret"
            style={{ marginTop: 16, wordBreak: 'break-all' }}
            copyable={{
              text: shown.secret,
              tooltips: [t('eapAdmin.secretOnce.copy'), t('eapAdmin.secretOnce.copied')],
            }}
          >
            {shown.secret}
          </Typography.Paragraph>
          {shown.previousValidUntil !== undefined ? (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {shown.previousValidUntil
                ? t('eapAdmin.secretOnce.previousUntil', { at: formatDateTime(shown.previousValidUntil, i18n.language) })
                : t('eapAdmin.secretOnce.previousNone')}
            </Typography.Paragraph>
          ) : null}
        </>
      ) : null}
    </Modal>
  );
}

import { Alert, Button, Card, Checkbox, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { Loaded } from '../../../components/Loaded';
import { useAction } from '../../../components/useAction';
import type { Schemas } from '../../../api/types';
import { PaperConsentForm } from '../consents/PaperConsentForm';

/**
 * Step 2: exactly what the vendor would receive, field for field, with its SHA-256. Sending carries that hash: if
 * anything changed since (the summary, the sessions left) the server refuses (PREVIEW_STALE) and the preview reloads.
 */
export function PreviewCard({
  referral,
  onSent,
}: {
  referral: Schemas['EapReferralDto'];
  onSent: () => void;
}) {
  const { t } = useTranslation();
  const id = referral.id;
  const [consentOpen, setConsentOpen] = useState(false);
  const preview = useLoad(
    () => call(api.GET('/api/v1/eap/referrals/{id}/preview', { params: { path: { id } } })),
    [id],
  );
  const [checked, setChecked] = useState(false);
  const [run, busy] = useAction();
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('eap.previewTitle')}</h2>}>
      <Loaded state={preview}>
        {(p) => {
          const send = () =>
            void run(
              () =>
                call(
                  api.POST('/api/v1/eap/referrals/{id}/send', {
                    params: { path: { id } },
                    body: { previewSha256: p.sha256 ?? '' },
                  }),
                ),
              t('eap.done.send'),
            ).then((ok) => {
              if (ok) onSent();
              else {
                setChecked(false);
                preview.reload();
              }
            });
          const d = p.data;
          return (
            <>
              <Typography.Paragraph>{t('eap.previewIntro')}</Typography.Paragraph>
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('eap.fields.referralId')}>{d.referralId}</Descriptions.Item>
                <Descriptions.Item label={t('eap.service')}>{t(`eapService.${d.service}`)}</Descriptions.Item>
                <Descriptions.Item label={t('eap.urgency')}>{t(`eapUrgency.${d.urgency}`)}</Descriptions.Item>
                <Descriptions.Item label={t('eap.contact')}>
                  {t(`eapContact.${d.contactPreference.channel}`)}
                  {d.contactPreference.detail ? ` · ${d.contactPreference.detail}` : ''}
                  {d.contactPreference.bestTime ? ` · ${d.contactPreference.bestTime}` : ''}
                </Descriptions.Item>
                <Descriptions.Item label={t('eap.summary')}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{d.summary}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('eap.fields.sessionsAllowed')}>
                  {d.sessionsAllowed ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('eap.fields.contractReference')}>
                  {d.contractReference ?? '—'}
                </Descriptions.Item>
              </Descriptions>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('eap.notShared')}
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                SHA-256: {p.sha256 ?? '—'}
              </Typography.Paragraph>
              {!p.consentGranted ? (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={t('eap.noConsent')}
                  action={<Button onClick={() => setConsentOpen(true)}>{t('rights.consents.record')}</Button>}
                />
              ) : null}
              {!p.coverage.ok ? (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={t('eap.notCovered')}
                  description={p.coverage.code && codeHint(t, p.coverage.code)}
                />
              ) : null}
              <Checkbox
                checked={checked}
                onChange={(e) => setChecked(e.target.checked)}
                disabled={!p.canSend}
              >
                {t('eap.checked')}
              </Checkbox>
              <div style={{ marginTop: 12 }}>
                <Button type="primary" disabled={!checked || !p.canSend} loading={busy} onClick={send}>
                  {t('eap.send')}
                </Button>
              </div>
            </>
          );
        }}
      </Loaded>
      <PaperConsentForm
        workerId={referral.workerId}
        open={consentOpen}
        onClose={() => setConsentOpen(false)}
        onSaved={preview.reload}
        fixed={{ vendorId: referral.vendorId, service: referral.service }}
      />
    </Card>
  );
}

/** The hint for a coverage code from the error texts (NO_CONTRACT, QUOTA_EXHAUSTED…), else the code itself. */
function codeHint(t: (key: string) => string, code: string): string {
  const text = t(`errors.codes.${code}`);
  return text === `errors.codes.${code}` ? code : text;
}

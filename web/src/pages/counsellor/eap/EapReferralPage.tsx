import { Button, Card, Descriptions, Flex, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { formatDateTime } from '../../../components/dates';
import { LinkButton } from '../../../components/LinkButton';
import { Loaded } from '../../../components/Loaded';
import { PageTitle } from '../../../components/PageTitle';
import { useAction } from '../../../components/useAction';
import { DraftEditCard } from './DraftEditCard';
import { PreviewCard } from './PreviewCard';
import { StepsBar } from './StepsBar';

/**
 * One EAP referral. A draft shows the exact data the vendor would receive (the preview and its SHA-256) and sends
 * only what was previewed; afterwards the vendor's reports (accepted, sessions, completion) and withdrawal.
 */
export default function EapReferralPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const referral = useLoad(
    () => call(api.GET('/api/v1/eap/referrals/{id}', { params: { path: { id } } })),
    [id],
  );
  const [run, busy] = useAction();
  const [editing, setEditing] = useState(false);
  const lang = i18n.language;
  const act = (what: 'cancel' | 'withdraw') =>
    void run(
      () =>
        what === 'cancel'
          ? call(api.POST('/api/v1/eap/referrals/{id}/cancel', { params: { path: { id } } }))
          : call(api.POST('/api/v1/eap/referrals/{id}/withdraw', { params: { path: { id } } })),
      t(`eap.done.${what}`),
    ).then((ok) => ok && referral.reload());
  return (
    <>
      <PageTitle
        title={t('eap.referralTitle')}
        extra={<LinkButton to="/staff/eap">{t('eap.back')}</LinkButton>}
      />
      <Loaded state={referral}>
        {(r) => (
          <Flex vertical gap={16}>
            <StepsBar current={r.status === 'draft' ? 1 : 2} />
            <Card>
              <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t('eap.vendorRef')}>{r.vendorRef}</Descriptions.Item>
                <Descriptions.Item label={t('eap.status')}>
                  <Tag color={r.status === 'draft' ? 'warning' : 'blue'}>{t(`eapStatus.${r.status}`)}</Tag>
                </Descriptions.Item>
                <Descriptions.Item label={t('eap.vendor')}>{r.vendorName}</Descriptions.Item>
                <Descriptions.Item label={t('eap.service')}>{t(`eapService.${r.service}`)}</Descriptions.Item>
                <Descriptions.Item label={t('eap.sessionsUsed')}>{r.sessionsUsed}</Descriptions.Item>
                {r.sentAt ? (
                  <Descriptions.Item label={t('eap.sentAt')}>
                    {formatDateTime(r.sentAt, lang)}
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
              <Flex gap={8} wrap style={{ marginTop: 8 }}>
                {r.status === 'draft' && !editing ? (
                  <Button onClick={() => setEditing(true)}>{t('eapAdmin.draftEdit.edit')}</Button>
                ) : null}
                {r.status === 'draft' ? (
                  <Button danger loading={busy} onClick={() => act('cancel')}>
                    {t('eap.cancel')}
                  </Button>
                ) : null}
                {['sent', 'accepted', 'attended'].includes(r.status) ? (
                  <Button danger loading={busy} onClick={() => act('withdraw')}>
                    {t('eap.withdraw')}
                  </Button>
                ) : null}
              </Flex>
            </Card>
            {r.status === 'draft' && editing ? (
              <DraftEditCard
                referral={r}
                onCancel={() => setEditing(false)}
                onSaved={() => {
                  setEditing(false);
                  referral.reload();
                }}
              />
            ) : null}
            {r.status === 'draft' && !editing ? <PreviewCard referral={r} onSent={referral.reload} /> : null}
            {r.history.length > 0 ? (
              <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('eap.history')}</h2>}>
                <Timeline
                  items={r.history.map((e, i) => ({
                    key: i,
                    content: (
                      <>
                        <Typography.Text strong>
                          {i18n.exists(`eapStatus.${e.type}`) ? t(`eapStatus.${e.type}`) : e.type}
                        </Typography.Text>
                        {e.sessionNumber ? ` · ${t('eap.session', { n: e.sessionNumber })}` : ''}
                        {e.note ? <div>{e.note}</div> : null}
                        <div style={{ fontSize: 13 }}>{formatDateTime(e.occurredAt, lang)}</div>
                      </>
                    ),
                  }))}
                />
              </Card>
            ) : null}
          </Flex>
        )}
      </Loaded>
    </>
  );
}

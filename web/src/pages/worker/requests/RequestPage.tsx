import { Alert, Card, Descriptions, Flex, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { formatDateTime } from '../../../components/dates';
import { LinkButton } from '../../../components/LinkButton';
import { Loaded } from '../../../components/Loaded';
import { PageTitle } from '../../../components/PageTitle';
import { pick } from '../../../i18n';
import { RateOrReopen } from './RateOrReopen';

/** One of my requests: its reference to quote, what I asked, every update with the replies, rating and reopening. */
export default function RequestPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const sent = (useLocation().state as { sent?: string } | null)?.sent;
  const request = useLoad(
    () => call(api.GET('/api/v1/me/requests/{id}', { params: { path: { id } } })),
    [id],
  );
  const lang = i18n.language;
  return (
    <>
      <PageTitle
        title={request.data ? pick(request.data.categoryLabel, lang) : t('nav.worker.requests')}
        extra={<LinkButton to="/me/requests">{t('requests.back')}</LinkButton>}
      />
      {sent ? (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginBottom: 16 }}
          title={t('requests.sent', { reference: sent })}
        />
      ) : null}
      <Loaded state={request}>
        {(r) => (
          <Flex vertical gap={16}>
            <Card>
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('requests.reference')}>
                  <Typography.Text copyable>{r.reference}</Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('requests.status')}>
                  <Tag color={r.status === 'resolved' || r.status === 'closed' ? 'success' : 'processing'}>
                    {pick(r.statusLabel, lang)}
                  </Tag>
                </Descriptions.Item>
                <Descriptions.Item label={t('requests.createdAt')}>
                  {formatDateTime(r.createdAt, lang)}
                </Descriptions.Item>
                <Descriptions.Item label={t('requests.summary')}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{r.summary}</span>
                </Descriptions.Item>
                {r.resolution ? (
                  <Descriptions.Item label={t('requests.resolution')}>{r.resolution}</Descriptions.Item>
                ) : null}
                {r.satisfaction ? (
                  <Descriptions.Item label={t('requests.yourRating')}>
                    {t('requests.stars', { count: r.satisfaction })}
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
            </Card>
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('requests.updates')}</h2>}>
              <Timeline
                items={r.updates.map((u, i) => ({
                  key: `${u.at}-${i}`,
                  color: u.kind === 'replied' ? 'blue' : u.kind === 'resolved' ? 'green' : 'gray',
                  content: (
                    <>
                      <Typography.Text strong>{t(`deskKind.${u.kind}`)}</Typography.Text>
                      {u.text ? (
                        <div style={{ whiteSpace: 'pre-wrap', fontSize: 15, margin: '4px 0' }}>{u.text}</div>
                      ) : null}
                      <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.65)' }}>
                        {formatDateTime(u.at, lang)}
                      </div>
                    </>
                  ),
                }))}
              />
            </Card>
            <RateOrReopen request={r} onChanged={request.reload} />
          </Flex>
        )}
      </Loaded>
    </>
  );
}

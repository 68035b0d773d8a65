import { Button, Card, Descriptions, Flex, Popconfirm, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { formatDateTime } from '../../../components/dates';
import { LinkButton } from '../../../components/LinkButton';
import { Loaded } from '../../../components/Loaded';
import { PageTitle } from '../../../components/PageTitle';
import { useAction } from '../../../components/useAction';
import { CheckInList } from './CheckInList';

const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/** Ratings of those who came, without who gave them. */
function Feedback({ id }: { id: string }) {
  const { t } = useTranslation();
  const feedback = useLoad(
    () => call(api.GET('/api/v1/education/events/{id}/feedback', { params: { path: { id } } })),
    [id],
  );
  return (
    <Loaded state={feedback}>
      {(f) => (
        <>
          <Flex gap={24} wrap>
            <Statistic title={t('face.feedback.count')} value={f.count} />
            <Statistic
              title={t('face.feedback.mean')}
              value={f.meanRating ?? '—'}
              suffix={f.meanRating === null ? '' : '/ 5'}
            />
          </Flex>
          {f.comments.length ? (
            <ul>
              {f.comments.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          ) : (
            <Typography.Text type="secondary">{t('face.feedback.noComments')}</Typography.Text>
          )}
        </>
      )}
    </Loaded>
  );
}

/** One lecture or workshop: its facts, the check-in list at the door, cancel, and the feedback. */
export default function EventPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { id = '' } = useParams();
  const event = useLoad(
    () => call(api.GET('/api/v1/education/events/{id}', { params: { path: { id } } })),
    [id],
  );
  const [run, busy] = useAction();
  const cancel = () =>
    void run(
      () => call(api.POST('/api/v1/education/events/{id}/cancel', { params: { path: { id } } })),
      t('face.event.cancelled'),
    ).then((ok) => ok && event.reload());
  return (
    <Loaded state={event}>
      {(e) => (
        <>
          <PageTitle
            title={e.title}
            subtitle={
              <>
                <Tag>{t(`eventKind.${e.kind}`)}</Tag>
                <Tag color={e.status === 'cancelled' ? 'error' : 'processing'}>
                  {t(`face.event.status.${e.status}`)}
                </Tag>
              </>
            }
            extra={
              <Flex gap={8}>
                <LinkButton to="/staff/education">{t('face.back')}</LinkButton>
                {e.status === 'scheduled' ? (
                  <Popconfirm title={t('face.event.confirmCancel')} onConfirm={cancel}>
                    <Button danger disabled={busy}>
                      {t('face.event.cancel')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Flex>
            }
          />
          <Flex vertical gap={16}>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                {
                  key: 'w',
                  label: t('face.event.when'),
                  children: `${formatDateTime(e.startsAt, lang)} – ${formatDateTime(e.endsAt, lang)}`,
                },
                { key: 'p', label: t('face.event.place'), children: e.place ?? e.onlineUrl ?? '—' },
                {
                  key: 's',
                  label: t('face.event.seats'),
                  children: t('face.event.seatsOf', {
                    seated: e.seated,
                    capacity: e.capacity,
                    waiting: e.waitlisted,
                  }),
                },
              ]}
            />
            <Card title={h2(t('face.checkIn.title'))}>
              <CheckInList eventId={e.id} open={e.status === 'scheduled'} onChange={event.reload} />
            </Card>
            <Card title={h2(t('face.feedback.title'))}>
              <Feedback id={e.id} />
            </Card>
          </Flex>
        </>
      )}
    </Loaded>
  );
}

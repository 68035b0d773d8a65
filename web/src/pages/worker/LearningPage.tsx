import { Button, Card, Empty, List, Popconfirm, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { formatDateTime } from '../../components/dates';
import { LinkButton } from '../../components/LinkButton';
import { Loaded } from '../../components/Loaded';
import { PageTitle } from '../../components/PageTitle';
import { useAction } from '../../components/useAction';
import { FeedbackButton, MyLearningHistory } from './LearningExtras';

// The server sends null for "not enrolled / not registered" (the OpenAPI document does not say so).
type Enrolment = Schemas['EnrolmentDto'] | null;
type Registration = Schemas['MyRegistrationDto'] | null;

function Courses() {
  const { t } = useTranslation();
  const courses = useLoad(() => call(api.GET('/api/v1/me/courses')), []);
  const [run, busy] = useAction();
  const enrol = (id: string) =>
    void run(
      () => call(api.POST('/api/v1/me/courses/{id}/enrol', { params: { path: { id } } })),
      t('worker.learning.enrolled'),
    ).then((ok) => ok && courses.reload());
  return (
    <Loaded state={courses}>
      {(list) =>
        list.length === 0 ? (
          <Empty description={t('worker.learning.noCourses')} />
        ) : (
          <List
            itemLayout="vertical"
            dataSource={list}
            renderItem={(course) => {
              const enrolment = course.enrolment as Enrolment;
              return (
                <List.Item
                  actions={[
                    enrolment ? (
                      <LinkButton key="open" to={`/me/learning/courses/${course.id}`}>
                        {enrolment.status === 'completed'
                          ? t('worker.learning.review')
                          : t('worker.learning.continue')}
                      </LinkButton>
                    ) : (
                      <Button key="enrol" type="primary" disabled={busy} onClick={() => enrol(course.id)}>
                        {t('worker.learning.enrol')}
                      </Button>
                    ),
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <>
                        {course.title}{' '}
                        {enrolment?.status === 'completed' ? (
                          <Tag color="success">{t('worker.learning.completed')}</Tag>
                        ) : null}
                      </>
                    }
                    description={course.summary}
                  />
                </List.Item>
              );
            }}
          />
        )
      }
    </Loaded>
  );
}

function Events() {
  const { t, i18n } = useTranslation();
  const events = useLoad(() => call(api.GET('/api/v1/me/events')), []);
  const [run, busy] = useAction();
  const register = (id: string) =>
    void run(
      () => call(api.POST('/api/v1/me/events/{id}/register', { params: { path: { id } } })),
      t('worker.learning.registered'),
    ).then((ok) => ok && events.reload());
  const cancel = (id: string) =>
    run(
      () => call(api.POST('/api/v1/me/events/{id}/cancel', { params: { path: { id } } })),
      t('worker.learning.registrationCancelled'),
    ).then((ok) => ok && events.reload());
  return (
    <Loaded state={events}>
      {(list) =>
        list.length === 0 ? (
          <Empty description={t('worker.learning.noEvents')} />
        ) : (
          <List
            itemLayout="vertical"
            dataSource={list}
            renderItem={({ event, registration }) => {
              const mine = registration as Registration;
              const active = mine && (mine.status === 'registered' || mine.status === 'waitlisted');
              const seatsLeft = Math.max(0, event.capacity - event.seated);
              return (
                <List.Item
                  actions={[
                    active ? (
                      <Popconfirm
                        key="cancel"
                        title={t('worker.learning.confirmCancel')}
                        okText={t('common.confirm')}
                        cancelText={t('common.back')}
                        onConfirm={() => cancel(event.id)}
                      >
                        <Button disabled={busy}>{t('worker.learning.cancelRegistration')}</Button>
                      </Popconfirm>
                    ) : mine?.status === 'attended' && mine.rating === null ? (
                      <FeedbackButton
                        key="feedback"
                        eventId={event.id}
                        title={event.title}
                        onSent={events.reload}
                      />
                    ) : event.status === 'scheduled' && mine?.status !== 'attended' ? (
                      <Button
                        key="register"
                        type="primary"
                        disabled={busy}
                        onClick={() => register(event.id)}
                      >
                        {seatsLeft > 0 ? t('worker.learning.register') : t('worker.learning.joinWaitlist')}
                      </Button>
                    ) : null,
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <>
                        <Tag>{t(`eventKind.${event.kind}`)}</Tag> {event.title}{' '}
                        {mine ? <Tag color="processing">{t(`registration.${mine.status}`)}</Tag> : null}
                        {event.status === 'cancelled' ? (
                          <Tag color="error">{t('worker.learning.eventCancelled')}</Tag>
                        ) : null}
                      </>
                    }
                    description={
                      <>
                        <div>
                          {formatDateTime(event.startsAt, i18n.language)} ·{' '}
                          {event.place ?? t('worker.learning.online')}
                        </div>
                        <div>
                          {t('worker.learning.seats', { left: seatsLeft, capacity: event.capacity })}
                          {mine?.waitlistPlace
                            ? ` · ${t('worker.learning.waitlistPlace', { place: mine.waitlistPlace })}`
                            : ''}
                        </div>
                      </>
                    }
                  />
                </List.Item>
              );
            }}
          />
        )
      }
    </Loaded>
  );
}

/** 心理健康教育: courses to learn at one's own pace, lectures and workshops to sign up for. */
export default function LearningPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('nav.worker.learning')} subtitle={t('worker.learning.intro')} />
      <Card>
        <Tabs
          items={[
            { key: 'courses', label: t('worker.learning.courses'), children: <Courses /> },
            { key: 'events', label: t('worker.learning.events'), children: <Events /> },
            { key: 'mine', label: t('face.mine.history'), children: <MyLearningHistory /> },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('worker.learning.privacy')}
        </Typography.Paragraph>
      </Card>
    </>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { formatDateTime } from '../../../components/dates';
import { LinkButton } from '../../../components/LinkButton';
import { Loaded } from '../../../components/Loaded';
import { PageTitle } from '../../../components/PageTitle';
import { CourseForm } from './CourseForm';
import { EventForm } from './EventForm';
import { ParticipationReport } from './ParticipationReport';

export const COURSE_COLOUR = { draft: 'default', published: 'success', archived: 'warning' } as const;

/** 心理健康教育 (面): courses (draft → published), lectures and workshops with seats, and who took part. */
export default function EducationPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const courses = useLoad(() => call(api.GET('/api/v1/education/courses')), []);
  const events = useLoad(() => call(api.GET('/api/v1/education/events')), []);
  const [creating, setCreating] = useState<'course' | 'event' | null>(null);
  const empty = (text: string) => ({ emptyText: <Typography.Text type="secondary">{text}</Typography.Text> });
  return (
    <>
      <PageTitle
        title={t('face.nav.education')}
        subtitle={t('face.education.intro')}
        extra={
          <>
            <Button icon={<PlusOutlined />} onClick={() => setCreating('course')}>
              {t('face.course.new')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating('event')}>
              {t('face.event.new')}
            </Button>
          </>
        }
      />
      <Tabs
        items={[
          {
            key: 'courses',
            label: t('face.education.courses'),
            children: (
              <Loaded state={courses}>
                {(list) => (
                  <Table
                    rowKey="id"
                    dataSource={list}
                    pagination={false}
                    scroll={{ x: 600 }}
                    locale={empty(t('face.course.none'))}
                    columns={[
                      { title: t('face.course.title'), dataIndex: 'title' },
                      {
                        title: t('face.status'),
                        key: 's',
                        render: (_, c) => (
                          <Tag color={COURSE_COLOUR[c.status]}>{t(`face.course.status.${c.status}`)}</Tag>
                        ),
                      },
                      {
                        title: t('face.course.publishedAt'),
                        key: 'p',
                        render: (_, c) => formatDateTime(c.publishedAt, i18n.language),
                      },
                      {
                        title: t('common.actions'),
                        key: 'a',
                        render: (_, c) => (
                          <LinkButton
                            size="small"
                            to={`/staff/education/courses/${c.id}`}
                            aria-label={`${t('common.view')} ${c.title}`}
                          >
                            {t('common.view')}
                          </LinkButton>
                        ),
                      },
                    ]}
                  />
                )}
              </Loaded>
            ),
          },
          {
            key: 'events',
            label: t('face.education.events'),
            children: (
              <Loaded state={events}>
                {(list) => (
                  <Table
                    rowKey="id"
                    dataSource={list}
                    pagination={false}
                    scroll={{ x: 700 }}
                    locale={empty(t('face.event.none'))}
                    columns={[
                      { title: t('face.event.title'), dataIndex: 'title' },
                      { title: t('face.event.kind'), key: 'k', render: (_, e) => t(`eventKind.${e.kind}`) },
                      {
                        title: t('face.event.when'),
                        key: 'w',
                        render: (_, e) => formatDateTime(e.startsAt, i18n.language),
                      },
                      {
                        title: t('face.event.seats'),
                        key: 'seats',
                        render: (_, e) =>
                          t('face.event.seatsOf', {
                            seated: e.seated,
                            capacity: e.capacity,
                            waiting: e.waitlisted,
                          }),
                      },
                      {
                        title: t('face.status'),
                        key: 's',
                        render: (_, e) => (
                          <Tag color={e.status === 'cancelled' ? 'error' : 'processing'}>
                            {t(`face.event.status.${e.status}`)}
                          </Tag>
                        ),
                      },
                      {
                        title: t('common.actions'),
                        key: 'a',
                        render: (_, e) => (
                          <LinkButton
                            size="small"
                            to={`/staff/education/events/${e.id}`}
                            aria-label={`${t('face.event.open')} ${e.title}`}
                          >
                            {t('face.event.open')}
                          </LinkButton>
                        ),
                      },
                    ]}
                  />
                )}
              </Loaded>
            ),
          },
          { key: 'report', label: t('face.report.title'), children: <ParticipationReport /> },
        ]}
      />
      {creating === 'course' ? (
        <CourseForm
          onClose={(id) => {
            setCreating(null);
            if (id) navigate(`/staff/education/courses/${id}`);
          }}
        />
      ) : null}
      {creating === 'event' ? (
        <EventForm
          onClose={(id) => {
            setCreating(null);
            if (id) navigate(`/staff/education/events/${id}`);
          }}
        />
      ) : null}
    </>
  );
}

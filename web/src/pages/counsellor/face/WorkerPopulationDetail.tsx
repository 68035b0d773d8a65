import { Button, Card, Descriptions, Drawer, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { formatDateTime } from '../../../components/dates';
import { Loaded } from '../../../components/Loaded';

const empty = (text: string) => ({ emptyText: <Typography.Text type="secondary">{text}</Typography.Text> });

function Learning({ workerId }: { workerId: string }) {
  const { t, i18n } = useTranslation();
  const history = useLoad(
    () => call(api.GET('/api/v1/education/workers/{workerId}/learning', { params: { path: { workerId } } })),
    [workerId],
  );
  return (
    <Loaded state={history}>
      {(h) => (
        <>
          <Table
            rowKey="courseId"
            size="small"
            pagination={false}
            scroll={{ x: 500 }}
            dataSource={h.courses}
            locale={empty(t('face.detail.noCourses'))}
            columns={[
              { title: t('face.course.title'), dataIndex: 'title' },
              {
                title: t('face.detail.lessons'),
                key: 'l',
                render: (_, c) => `${c.lessonsCompleted} / ${c.lessonsTotal}`,
              },
              {
                title: t('face.detail.literacy'),
                key: 'y',
                render: (_, c) => `${c.literacy.pre ?? '—'} → ${c.literacy.post ?? '—'}`,
              },
              {
                title: t('face.detail.completedAt'),
                key: 'c',
                render: (_, c) => formatDateTime(c.completedAt, i18n.language) || '—',
              },
            ]}
          />
          <Table
            rowKey="eventId"
            size="small"
            pagination={false}
            scroll={{ x: 500 }}
            style={{ marginTop: 12 }}
            dataSource={h.events}
            locale={empty(t('face.detail.noEvents'))}
            columns={[
              { title: t('face.event.title'), dataIndex: 'title' },
              {
                title: t('face.event.when'),
                key: 'w',
                render: (_, e) => formatDateTime(e.startsAt, i18n.language),
              },
              {
                title: t('face.status'),
                key: 's',
                render: (_, e) => (
                  <Tag>
                    {e.eventCancelled ? t('face.event.status.cancelled') : t(`registration.${e.status}`)}
                  </Tag>
                ),
              },
            ]}
          />
        </>
      )}
    </Loaded>
  );
}

function Groups({ workerId }: { workerId: string }) {
  const { t } = useTranslation();
  const history = useLoad(
    () => call(api.GET('/api/v1/groups/workers/{workerId}/history', { params: { path: { workerId } } })),
    [workerId],
  );
  return (
    <Loaded state={history}>
      {(list) => (
        <Table
          rowKey="groupId"
          size="small"
          pagination={false}
          scroll={{ x: 500 }}
          dataSource={list}
          locale={empty(t('face.detail.noGroups'))}
          columns={[
            { title: t('face.group.name'), dataIndex: 'name' },
            { title: t('face.member.displayName'), dataIndex: 'displayName' },
            { title: t('face.status'), key: 's', render: (_, g) => <Tag>{t(`membership.${g.status}`)}</Tag> },
            { title: t('face.detail.meetingsAttended'), dataIndex: 'meetingsAttended' },
          ]}
        />
      )}
    </Loaded>
  );
}

function AppointmentDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const appointment = useLoad(
    () => call(api.GET('/api/v1/counselling/appointments/{id}', { params: { path: { id } } })),
    [id],
  );
  return (
    <Drawer open title={t('face.detail.appointment')} onClose={onClose}>
      <Loaded state={appointment}>
        {(a) => (
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'w', label: t('face.event.when'), children: formatDateTime(a.startsAt, i18n.language) },
              { key: 'c', label: t('face.detail.counsellor'), children: a.counsellorName },
              { key: 'm', label: t('face.detail.mode'), children: t(`mode.${a.mode}`) },
              { key: 'p', label: t('face.event.place'), children: a.place ?? '—' },
              { key: 's', label: t('face.status'), children: t(`appointment.${a.status}`) },
              {
                key: 'b',
                label: t('face.detail.bookedAt'),
                children: formatDateTime(a.bookedAt, i18n.language),
              },
            ]}
          />
        )}
      </Loaded>
    </Drawer>
  );
}

function Counselling({ workerId }: { workerId: string }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const history = useLoad(
    () =>
      call(
        api.GET('/api/v1/counselling/workers/{workerId}/appointments', { params: { path: { workerId } } }),
      ),
    [workerId],
  );
  return (
    <Loaded state={history}>
      {(h) => (
        <>
          <Table
            rowKey="appointmentId"
            size="small"
            pagination={false}
            scroll={{ x: 500 }}
            dataSource={h.appointments}
            locale={empty(t('face.detail.noAppointments'))}
            columns={[
              {
                title: t('face.event.when'),
                key: 'w',
                render: (_, a) => formatDateTime(a.startsAt, i18n.language),
              },
              { title: t('face.detail.counsellor'), dataIndex: 'counsellorName' },
              {
                title: t('face.status'),
                key: 's',
                render: (_, a) => <Tag>{t(`appointment.${a.status}`)}</Tag>,
              },
              {
                title: t('common.actions'),
                key: 'a',
                render: (_, a) => (
                  <Button size="small" type="link" onClick={() => setOpen(a.appointmentId)}>
                    {t('common.details')}
                  </Button>
                ),
              },
            ]}
          />
          {open ? <AppointmentDrawer id={open} onClose={() => setOpen(null)} /> : null}
        </>
      )}
    </Loaded>
  );
}

/** 面 services in detail on a worker's record: each course and event, each group, each appointment. */
export function WorkerPopulationDetail({ workerId }: { workerId: string }) {
  const { t } = useTranslation();
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('face.detail.title')}</h2>}>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'l', label: t('face.detail.learning'), children: <Learning workerId={workerId} /> },
          { key: 'g', label: t('face.detail.groups'), children: <Groups workerId={workerId} /> },
          { key: 'c', label: t('face.detail.counselling'), children: <Counselling workerId={workerId} /> },
        ]}
      />
    </Card>
  );
}

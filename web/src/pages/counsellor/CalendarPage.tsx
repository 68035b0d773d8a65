import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { useMe } from '../../auth';
import { formatDate, formatDateTime, formatTime } from '../../components/dates';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageTitle } from '../../components/PageTitle';
import { useAction } from '../../components/useAction';
import { useNow } from '../../components/useNow';
import { SessionNotesDialog } from './SessionNotesDialog';
import { SlotForm } from './SlotForm';

type Appointment = Schemas['AppointmentDto'];
const STATUS_COLOUR: Record<Appointment['status'], string> = {
  booked: 'processing',
  attended: 'success',
  cancelled: 'default',
  rescheduled: 'default',
  no_show: 'warning',
};

/** Names of the workers in this week's appointments (one read each; the calendar itself carries ids only). */
function useWorkerNames(ids: readonly string[]) {
  const key = [...new Set(ids)].sort().join(',');
  return useLoad(async () => {
    const entries = await Promise.all(
      key
        .split(',')
        .filter(Boolean)
        .map(
          async (id) =>
            [id, (await call(api.GET('/api/v1/workers/{id}', { params: { path: { id } } }))).name] as const,
        ),
    );
    return new Map(entries);
  }, [key]);
}

/** 咨询日程: a week of appointments (attendance, notes, cancel) and the counsellor's published free times. */
export default function CalendarPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const lang = i18n.language;
  const [weekStart, setWeekStart] = useState(() => dayjs().startOf('week'));
  const from = weekStart.toISOString();
  const to = weekStart.add(7, 'day').toISOString();
  const appointments = useLoad(
    () => call(api.GET('/api/v1/counselling/appointments', { params: { query: { from, to } } })),
    [from, to],
  );
  const slots = useLoad(
    () =>
      call(
        api.GET('/api/v1/counselling/slots', { params: { query: { from, to, counsellorId: me.userId } } }),
      ),
    [from, to, me.userId],
  );
  const names = useWorkerNames((appointments.data ?? []).map((a) => a.workerId));
  const [run, busy] = useAction();
  const [notesFor, setNotesFor] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const refresh = () => {
    appointments.reload();
    slots.reload();
  };
  const attendance = (a: Appointment, status: 'attended' | 'no_show') =>
    void run(
      () =>
        call(
          api.POST('/api/v1/counselling/appointments/{id}/attendance', {
            params: { path: { id: a.id } },
            body: { status },
          }),
        ),
      t('staff.calendar.attendanceSaved'),
    ).then((ok) => ok && refresh());
  const cancel = (a: Appointment) =>
    run(
      () =>
        call(api.POST('/api/v1/counselling/appointments/{id}/cancel', { params: { path: { id: a.id } } })),
      t('staff.calendar.cancelled'),
    ).then((ok) => ok && refresh());
  const withdraw = (slot: Schemas['SlotDto']) =>
    run(
      () => call(api.POST('/api/v1/counselling/slots/{id}/withdraw', { params: { path: { id: slot.id } } })),
      t('staff.calendar.withdrawn'),
    ).then((ok) => ok && refresh());
  const now = useNow();

  return (
    <>
      <PageTitle
        title={t('nav.staff.calendar')}
        subtitle={t('staff.calendar.week', {
          from: formatDate(weekStart.toDate(), lang),
          to: formatDate(weekStart.add(6, 'day').toDate(), lang),
        })}
        extra={
          <Flex gap={8} wrap>
            <Button
              icon={<LeftOutlined />}
              aria-label={t('staff.calendar.previousWeek')}
              onClick={() => setWeekStart((w) => w.subtract(7, 'day'))}
            />
            <Button onClick={() => setWeekStart(dayjs().startOf('week'))}>
              {t('staff.calendar.thisWeek')}
            </Button>
            <Button
              icon={<RightOutlined />}
              aria-label={t('staff.calendar.nextWeek')}
              onClick={() => setWeekStart((w) => w.add(7, 'day'))}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPublishing(true)}>
              {t('staff.calendar.publish')}
            </Button>
          </Flex>
        }
      />
      {appointments.error ? <ErrorNotice error={appointments.error} onRetry={appointments.reload} /> : null}
      <Card
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('staff.calendar.appointments')}</h2>}
        styles={{ body: { padding: 0 } }}
        style={{ marginBottom: 16 }}
      >
        <Table<Appointment>
          rowKey="id"
          loading={appointments.loading}
          dataSource={[...(appointments.data ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt))}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('staff.calendar.noAppointments') }}
          columns={[
            {
              title: t('staff.calendar.when'),
              key: 'when',
              render: (_, a) => `${formatDateTime(a.startsAt, lang)}–${formatTime(a.endsAt)}`,
            },
            {
              title: t('staff.calendar.worker'),
              key: 'worker',
              render: (_, a) => (
                <Link to={`/staff/workers/${a.workerId}`}>
                  {names.data?.get(a.workerId) ?? t('staff.calendar.workerRecord')}
                </Link>
              ),
            },
            {
              title: t('staff.calendar.mode'),
              key: 'mode',
              render: (_, a) => `${t(`mode.${a.mode}`)}${a.place ? ` · ${a.place}` : ''}`,
            },
            {
              title: t('staff.calendar.status'),
              key: 'status',
              render: (_, a) => <Tag color={STATUS_COLOUR[a.status]}>{t(`appointment.${a.status}`)}</Tag>,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, a) => {
                const started = new Date(a.startsAt).getTime() <= now;
                return (
                  <Flex gap={8} wrap>
                    {a.status === 'booked' && started ? (
                      <>
                        <Button
                          size="small"
                          type="primary"
                          disabled={busy}
                          onClick={() => attendance(a, 'attended')}
                        >
                          {t('staff.calendar.attended')}
                        </Button>
                        <Button size="small" disabled={busy} onClick={() => attendance(a, 'no_show')}>
                          {t('staff.calendar.noShow')}
                        </Button>
                      </>
                    ) : null}
                    {a.status === 'attended' ? (
                      <Button size="small" onClick={() => setNotesFor(a.id)}>
                        {t('staff.calendar.notes')}
                      </Button>
                    ) : null}
                    {a.status === 'booked' && !started ? (
                      <Popconfirm
                        title={t('staff.calendar.confirmCancel')}
                        okText={t('common.confirm')}
                        cancelText={t('common.back')}
                        onConfirm={() => cancel(a)}
                      >
                        <Button size="small" danger disabled={busy}>
                          {t('common.cancel')}
                        </Button>
                      </Popconfirm>
                    ) : null}
                  </Flex>
                );
              },
            },
          ]}
        />
      </Card>
      <Card
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('staff.calendar.slots')}</h2>}
        styles={{ body: { padding: 0 } }}
      >
        <Table<Schemas['SlotDto']>
          rowKey="id"
          loading={slots.loading}
          dataSource={[...(slots.data ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt))}
          pagination={false}
          scroll={{ x: 700 }}
          locale={{ emptyText: t('staff.calendar.noSlots') }}
          columns={[
            {
              title: t('staff.calendar.when'),
              key: 'when',
              render: (_, s) => `${formatDateTime(s.startsAt, lang)}–${formatTime(s.endsAt)}`,
            },
            {
              title: t('staff.calendar.mode'),
              key: 'mode',
              render: (_, s) => `${t(`mode.${s.mode}`)}${s.place ? ` · ${s.place}` : ''}`,
            },
            {
              title: t('staff.calendar.status'),
              key: 'status',
              render: (_, s) =>
                s.status === 'withdrawn' ? (
                  <Tag>{t('staff.calendar.slotWithdrawn')}</Tag>
                ) : s.taken ? (
                  <Tag color="processing">{t('staff.calendar.slotTaken')}</Tag>
                ) : (
                  <Tag color="success">{t('staff.calendar.slotFree')}</Tag>
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, s) =>
                s.status === 'open' && !s.taken ? (
                  <Popconfirm
                    title={t('staff.calendar.confirmWithdraw')}
                    okText={t('common.confirm')}
                    cancelText={t('common.back')}
                    onConfirm={() => withdraw(s)}
                  >
                    <Button size="small" disabled={busy}>
                      {t('staff.calendar.withdraw')}
                    </Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
      </Card>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('staff.calendar.hint')}
      </Typography.Paragraph>
      {notesFor ? <SessionNotesDialog appointmentId={notesFor} onClose={() => setNotesFor(null)} /> : null}
      {publishing ? (
        <SlotForm
          onClose={(created) => {
            setPublishing(false);
            if (created) slots.reload();
          }}
        />
      ) : null}
    </>
  );
}

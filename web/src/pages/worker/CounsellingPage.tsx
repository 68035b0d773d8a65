import { Alert, Button, Card, Empty, Flex, List, Modal, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { formatDateTime, formatTime } from '../../components/dates';
import { Loaded } from '../../components/Loaded';
import { PageTitle } from '../../components/PageTitle';
import { useAction } from '../../components/useAction';
import { hasConsent } from './consents';
import { SlotPicker } from './SlotPicker';

type Appointment = Schemas['MyAppointmentDto'];

const STATUS_COLOUR: Record<Appointment['status'], string> = {
  booked: 'processing',
  attended: 'success',
  cancelled: 'default',
  rescheduled: 'default',
  no_show: 'warning',
};

/** 心理咨询: my appointments (move, cancel) and free times to book. Booking needs the counselling consent. */
export default function CounsellingPage() {
  const { t, i18n } = useTranslation();
  const appointments = useLoad(() => call(api.GET('/api/v1/me/counselling/appointments')), []);
  const slots = useLoad(() => call(api.GET('/api/v1/me/counselling/slots')), []);
  const consents = useLoad(() => call(api.GET('/api/v1/me/consents')), []);
  const [run, busy] = useAction();
  const [moving, setMoving] = useState<Appointment | null>(null);
  const refresh = () => {
    appointments.reload();
    slots.reload();
  };

  const book = (slot: Schemas['SlotDto']) =>
    void run(
      () => call(api.POST('/api/v1/me/counselling/appointments', { body: { slotId: slot.id } })),
      t('worker.counselling.booked'),
    ).then((ok) => ok && refresh());
  const move = (slot: Schemas['SlotDto']) =>
    moving &&
    void run(
      () =>
        call(
          api.POST('/api/v1/me/counselling/appointments/{id}/reschedule', {
            params: { path: { id: moving.id } },
            body: { slotId: slot.id },
          }),
        ),
      t('worker.counselling.moved'),
    ).then((ok) => {
      if (ok) {
        setMoving(null);
        refresh();
      }
    });
  const cancel = (appointment: Appointment) =>
    run(
      () =>
        call(
          api.POST('/api/v1/me/counselling/appointments/{id}/cancel', {
            params: { path: { id: appointment.id } },
          }),
        ),
      t('worker.counselling.cancelled'),
    ).then((ok) => ok && refresh());

  const upcoming = (list: readonly Appointment[]) =>
    list
      .filter((a) => a.status === 'booked' && new Date(a.endsAt) > new Date())
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = (list: readonly Appointment[]) =>
    list
      .filter((a) => !(a.status === 'booked' && new Date(a.endsAt) > new Date()))
      .sort((a, b) => b.startsAt.localeCompare(a.startsAt));

  return (
    <>
      <PageTitle title={t('nav.worker.counselling')} subtitle={t('worker.counselling.intro')} />
      {consents.data && !hasConsent(consents.data, 'counselling') ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('worker.counselling.needConsent')}
          action={<Link to="/me/consents">{t('worker.counselling.giveConsent')}</Link>}
        />
      ) : null}
      <Flex vertical gap={16}>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('worker.counselling.mine')}</h2>}>
          <Loaded state={appointments}>
            {(list) =>
              upcoming(list).length === 0 ? (
                <Empty description={t('worker.counselling.noneBooked')} />
              ) : (
                <List
                  itemLayout="vertical"
                  dataSource={upcoming(list)}
                  renderItem={(a) => (
                    <List.Item
                      actions={[
                        <Button key="move" onClick={() => setMoving(a)} disabled={busy}>
                          {t('worker.counselling.move')}
                        </Button>,
                        <Popconfirm
                          key="cancel"
                          title={t('worker.counselling.confirmCancel')}
                          okText={t('worker.counselling.cancel')}
                          cancelText={t('common.back')}
                          onConfirm={() => cancel(a)}
                        >
                          <Button danger disabled={busy}>
                            {t('worker.counselling.cancel')}
                          </Button>
                        </Popconfirm>,
                      ]}
                    >
                      <List.Item.Meta
                        title={`${formatDateTime(a.startsAt, i18n.language)}–${formatTime(a.endsAt)}`}
                        description={`${a.counsellorName ?? ''} · ${t(`mode.${a.mode}`)}${a.place ? ` · ${a.place}` : ''}`}
                      />
                    </List.Item>
                  )}
                />
              )
            }
          </Loaded>
        </Card>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('worker.counselling.book')}</h2>}>
          <Typography.Paragraph type="secondary">{t('worker.counselling.bookHint')}</Typography.Paragraph>
          <Loaded state={slots}>
            {(list) => (
              <SlotPicker
                slots={list}
                busy={busy}
                actionLabel={t('worker.counselling.bookThis')}
                onPick={book}
              />
            )}
          </Loaded>
        </Card>
        {appointments.data && past(appointments.data).length > 0 ? (
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('worker.counselling.history')}</h2>}>
            <List
              size="small"
              dataSource={past(appointments.data)}
              renderItem={(a) => (
                <List.Item>
                  {formatDateTime(a.startsAt, i18n.language)} · {a.counsellorName ?? ''}{' '}
                  <Tag color={STATUS_COLOUR[a.status]}>{t(`appointment.${a.status}`)}</Tag>
                </List.Item>
              )}
            />
          </Card>
        ) : null}
      </Flex>
      <Modal
        open={moving !== null}
        title={t('worker.counselling.moveTitle')}
        footer={null}
        onCancel={() => setMoving(null)}
      >
        {slots.data ? (
          <SlotPicker
            slots={slots.data}
            busy={busy}
            actionLabel={t('worker.counselling.moveHere')}
            onPick={move}
          />
        ) : null}
      </Modal>
    </>
  );
}

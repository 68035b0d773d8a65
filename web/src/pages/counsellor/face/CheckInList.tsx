import { Button, List, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { formatTime } from '../../../components/dates';
import { Loaded } from '../../../components/Loaded';
import { useAction } from '../../../components/useAction';

type Filter = 'seated' | 'waitlisted' | 'all';

/** At the door, on a phone: the registered by name, one big button each; the waiting list in its order. */
export function CheckInList({
  eventId,
  open,
  onChange,
}: {
  eventId: string;
  open: boolean;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('seated');
  const roster = useLoad(
    () =>
      call(
        api.GET('/api/v1/education/events/{id}/registrations', {
          params: { path: { id: eventId }, query: filter === 'waitlisted' ? { status: 'waitlisted' } : {} },
        }),
      ),
    [eventId, filter],
  );
  const [run, busy] = useAction();
  const checkIn = (registrationId: string, name: string) =>
    void run(
      () =>
        call(
          api.POST('/api/v1/education/events/{id}/registrations/{registrationId}/check-in', {
            params: { path: { id: eventId, registrationId } },
          }),
        ),
      t('face.checkIn.done', { name }),
    ).then((ok) => {
      if (!ok) return;
      roster.reload();
      onChange();
    });
  return (
    <>
      <Segmented<Filter>
        value={filter}
        onChange={setFilter}
        style={{ marginBottom: 12 }}
        options={(['seated', 'waitlisted', 'all'] as const).map((value) => ({
          value,
          label: t(`face.checkIn.filter.${value}`),
        }))}
      />
      <Loaded state={roster}>
        {(entries) => {
          const shown =
            filter === 'seated'
              ? entries.filter((r) => r.status === 'registered' || r.status === 'attended')
              : entries;
          return (
            <List
              dataSource={shown}
              locale={{
                emptyText: <Typography.Text type="secondary">{t('face.checkIn.none')}</Typography.Text>,
              }}
              renderItem={(r) => {
                const name = r.workerName ?? t('face.checkIn.unnamed');
                return (
                  <List.Item
                    actions={[
                      r.status === 'registered' && open ? (
                        <Button
                          key="in"
                          type="primary"
                          size="large"
                          disabled={busy}
                          onClick={() => checkIn(r.registrationId, name)}
                          aria-label={`${t('face.checkIn.action')} ${name}`}
                        >
                          {t('face.checkIn.action')}
                        </Button>
                      ) : r.status === 'attended' ? (
                        <Tag key="in" color="success">
                          {t('face.checkIn.at', { time: formatTime(r.checkedInAt!) })}
                        </Tag>
                      ) : (
                        <Tag key="in">
                          {r.status === 'waitlisted'
                            ? t('face.checkIn.place', { n: r.waitlistPlace })
                            : t(`registration.${r.status}`)}
                        </Tag>
                      ),
                    ]}
                  >
                    <Typography.Text strong>{name}</Typography.Text>
                  </List.Item>
                );
              }}
            />
          );
        }}
      </Loaded>
    </>
  );
}

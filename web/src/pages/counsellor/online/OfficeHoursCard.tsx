import { Button, Card, Flex, Form, Select, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { Loaded } from '../../../components/Loaded';
import { useAction } from '../../../components/useAction';

interface Row {
  weekday: number;
  span: [Dayjs, Dayjs];
}

const hhmm = (d: Dayjs) => d.format('HH:mm');

/** The counsellor's office hours for online messages; outside them a worker's message gets the automatic reply. */
export function OfficeHoursCard() {
  const { t } = useTranslation();
  const hours = useLoad(() => call(api.GET('/api/v1/online-counselling/office-hours')), []);
  const [run, busy] = useAction();
  const save = (values: { rows?: Row[] }) =>
    void run(
      () =>
        call(
          api.PUT('/api/v1/online-counselling/office-hours', {
            body: {
              windows: (values.rows ?? []).map((r) => ({
                weekday: r.weekday,
                from: hhmm(r.span[0]),
                to: hhmm(r.span[1]),
              })),
            },
          }),
        ),
      t('online.saved'),
    ).then((ok) => ok && hours.reload());
  const days = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`online.hours.days.${d}`) }));
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('online.hours.title')}</h2>}>
      <Typography.Paragraph type="secondary">{t('online.hours.hint')}</Typography.Paragraph>
      <Loaded state={hours}>
        {(view) => (
          <>
            {view.isDefault ? (
              <Typography.Paragraph>{t('online.hours.isDefault')}</Typography.Paragraph>
            ) : null}
            <Typography.Paragraph>
              {t('online.hours.now', {
                state: view.inOfficeNow ? t('online.hours.inOffice') : t('online.hours.outOfOffice'),
              })}
            </Typography.Paragraph>
            <Form
              key={JSON.stringify(view.windows)}
              onFinish={save}
              initialValues={{
                rows: view.windows.map((w) => ({
                  weekday: w.weekday,
                  span: [dayjs(w.from, 'HH:mm'), dayjs(w.to === '24:00' ? '23:59' : w.to, 'HH:mm')],
                })),
              }}
            >
              <Form.List name="rows">
                {(fields, { add, remove }) => (
                  <Flex vertical gap={8}>
                    {fields.map((field) => (
                      <Flex key={field.key} gap={8} wrap align="center">
                        <Form.Item name={[field.name, 'weekday']} noStyle rules={[{ required: true }]}>
                          <Select
                            aria-label={t('online.hours.weekday')}
                            options={days}
                            style={{ width: 96 }}
                          />
                        </Form.Item>
                        <Form.Item name={[field.name, 'span']} noStyle rules={[{ required: true }]}>
                          <TimePicker.RangePicker
                            format="HH:mm"
                            minuteStep={15}
                            aria-label={t('online.hours.from')}
                          />
                        </Form.Item>
                        <Button onClick={() => remove(field.name)}>{t('online.hours.remove')}</Button>
                      </Flex>
                    ))}
                    <Flex gap={8}>
                      <Button
                        onClick={() =>
                          add({ weekday: 1, span: [dayjs('09:00', 'HH:mm'), dayjs('17:30', 'HH:mm')] })
                        }
                      >
                        {t('online.hours.add')}
                      </Button>
                      <Button type="primary" htmlType="submit" loading={busy}>
                        {t('online.hours.save')}
                      </Button>
                    </Flex>
                  </Flex>
                )}
              </Form.List>
            </Form>
          </>
        )}
      </Loaded>
    </Card>
  );
}

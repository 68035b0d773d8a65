import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useAction } from '../../components/useAction';

interface Values {
  startsAt: Dayjs;
  minutes: number;
  mode: 'in_person' | 'online';
  place?: string;
}

/** Publishes one free counselling time that workers of the counsellor's units can book. */
export function SlotForm({ onClose }: { onClose: (created: boolean) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [run, busy] = useAction();
  const submit = (values: Values) =>
    void run(
      () =>
        call(
          api.POST('/api/v1/counselling/slots', {
            body: {
              startsAt: values.startsAt.toISOString(),
              endsAt: values.startsAt.add(values.minutes, 'minute').toISOString(),
              mode: values.mode,
              ...(values.place?.trim() ? { place: values.place.trim() } : {}),
            },
          }),
        ),
      t('staff.calendar.slotPublished'),
    ).then((ok) => ok && onClose(true));
  return (
    <Modal
      open
      title={t('staff.calendar.publish')}
      okText={t('staff.calendar.publishOk')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          startsAt: dayjs().add(1, 'day').hour(10).minute(0).second(0),
          minutes: 50,
          mode: 'in_person',
        }}
      >
        <Form.Item
          name="startsAt"
          label={t('staff.calendar.startsAt')}
          rules={[{ required: true, message: t('staff.calendar.startsAtRequired') }]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="minutes" label={t('staff.calendar.length')}>
          <Select
            options={[30, 50, 60, 90].map((m) => ({
              value: m,
              label: t('staff.calendar.minutes', { count: m }),
            }))}
          />
        </Form.Item>
        <Form.Item name="mode" label={t('staff.calendar.mode')}>
          <Select
            options={(['in_person', 'online'] as const).map((m) => ({ value: m, label: t(`mode.${m}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="place"
          label={t('staff.calendar.place')}
          dependencies={['mode']}
          rules={[
            ({ getFieldValue }) => ({
              required: getFieldValue('mode') === 'in_person',
              whitespace: true,
              message: t('staff.calendar.placeRequired'),
            }),
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

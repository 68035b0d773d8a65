import { Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { Schemas } from '../../../api/types';
import { useAction } from '../../../components/useAction';

type Kind = Schemas['CreateActivityDto']['kind'];
interface Values {
  kind: Kind;
  title: string;
  scheduledAt: Dayjs;
}

/** Adds a check-in or group session to the programme (screenings and linked education have their own pages). */
export function ActivityForm({ programmeId, onAdded }: { programmeId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [run, busy] = useAction();
  const submit = (v: Values) =>
    void run(
      () =>
        call(
          api.POST('/api/v1/programmes/{id}/activities', {
            params: { path: { id: programmeId } },
            body: { kind: v.kind, title: v.title.trim(), scheduledAt: v.scheduledAt.toISOString() },
          }),
        ),
      t('lineAdmin.activityAdded'),
    ).then((ok) => {
      if (!ok) return;
      form.resetFields();
      onAdded();
    });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ kind: 'group_session' }}
      style={{ marginTop: 16 }}
    >
      <Form.Item name="kind" label={t('lineAdmin.activityKind')}>
        <Select
          options={(['group_session', 'check_in'] as const).map((k) => ({
            value: k,
            label: t(`lineAdmin.kinds.${k}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('lineAdmin.activityTitle')}
        rules={[{ required: true, whitespace: true, message: t('face.required') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="scheduledAt"
        label={t('lineAdmin.activityWhen')}
        rules={[{ required: true, message: t('face.required') }]}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Button htmlType="submit" loading={busy}>
        {t('lineAdmin.addActivity')}
      </Button>
    </Form>
  );
}

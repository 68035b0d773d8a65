import { Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useOrgUnits } from '../../../components/orgUnits';
import { useAction } from '../../../components/useAction';

interface Values {
  kind: 'lecture' | 'workshop';
  title: string;
  description?: string;
  orgUnitId: string;
  when: [Dayjs, Dayjs];
  place?: string;
  capacity: number;
  allowWaitlist: boolean;
}

/** A lecture or workshop with its seats; when full, new registrations wait (or are refused). */
export function EventForm({ onClose }: { onClose: (id?: string) => void }) {
  const { t } = useTranslation();
  const units = useOrgUnits();
  const [form] = Form.useForm<Values>();
  const [run, busy] = useAction();
  const submit = (v: Values) =>
    void run(async () => {
      const created = await call(
        api.POST('/api/v1/education/events', {
          body: {
            kind: v.kind,
            title: v.title.trim(),
            ...(v.description?.trim() ? { description: v.description.trim() } : {}),
            orgUnitId: v.orgUnitId,
            startsAt: v.when[0].toISOString(),
            endsAt: v.when[1].toISOString(),
            ...(v.place?.trim() ? { place: v.place.trim() } : {}),
            capacity: v.capacity,
            allowWaitlist: v.allowWaitlist,
          },
        }),
      );
      onClose(created.id);
    }, t('face.saved'));
  return (
    <Modal
      open
      title={t('face.event.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'lecture', capacity: 50, allowWaitlist: true }}
      >
        <Form.Item name="kind" label={t('face.event.kind')}>
          <Select
            options={(['lecture', 'workshop'] as const).map((k) => ({
              value: k,
              label: t(`eventKind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('face.event.title')}
          rules={[{ required: true, whitespace: true, message: t('face.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('face.event.description')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Form.Item
          name="orgUnitId"
          label={t('face.forUnit')}
          rules={[{ required: true, message: t('face.required') }]}
        >
          <TreeSelect treeData={units.tree} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
        </Form.Item>
        <Form.Item
          name="when"
          label={t('face.event.when')}
          rules={[{ required: true, message: t('face.required') }]}
        >
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="place" label={t('face.event.place')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="capacity"
          label={t('face.event.capacity')}
          rules={[{ required: true, message: t('face.required') }]}
        >
          <InputNumber min={1} max={10000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="allowWaitlist" valuePropName="checked">
          <Checkbox>{t('face.event.allowWaitlist')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

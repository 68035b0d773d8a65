import { DatePicker, Form, Input, InputNumber, Modal, Select, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import { useMe } from '../../auth';
import { useAction } from '../../components/useAction';
import { useOrgUnits } from '../../components/orgUnits';
import { pick } from '../../i18n';

interface Values {
  title: string;
  description?: string;
  instrumentCodes: string[];
  window: [Dayjs, Dayjs];
  targetUnitIds: string[];
  reminderIntervalDays: number;
}

/** Launches a 测评活动: which questionnaires, for which units, from when to when, and reminders. */
export function CampaignForm({ onClose }: { onClose: (created: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const instruments = useLoad(() => call(api.GET('/api/v1/instruments')), []);
  const units = useOrgUnits();
  const [run, busy] = useAction();
  const submit = (values: Values) =>
    void run(
      () =>
        call(
          api.POST('/api/v1/campaigns', {
            body: {
              title: values.title.trim(),
              ...(values.description?.trim() ? { description: values.description.trim() } : {}),
              instrumentCodes: values.instrumentCodes,
              targetUnitIds: values.targetUnitIds,
              opensAt: values.window[0].toISOString(),
              closesAt: values.window[1].toISOString(),
              reminderIntervalDays: values.reminderIntervalDays,
            },
          }),
        ),
      t('staff.campaigns.created'),
    ).then((ok) => ok && onClose(true));

  return (
    <Modal
      open
      width={640}
      title={t('staff.campaigns.new')}
      okText={t('staff.campaigns.launch')}
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
          targetUnitIds: [me.orgUnitId],
          reminderIntervalDays: 3,
          window: [dayjs(), dayjs().add(14, 'day')],
        }}
      >
        <Form.Item
          name="title"
          label={t('staff.campaigns.titleLabel')}
          rules={[{ required: true, whitespace: true, message: t('staff.campaigns.titleRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('staff.campaigns.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="instrumentCodes"
          label={t('staff.campaigns.instruments')}
          rules={[{ required: true, message: t('staff.campaigns.instrumentsRequired') }]}
        >
          <Select
            mode="multiple"
            loading={instruments.loading}
            options={(instruments.data ?? []).map((i) => ({
              value: i.code,
              label: `${pick(i.name, i18n.language)}（${i.code}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="targetUnitIds"
          label={t('staff.campaigns.units')}
          extra={t('staff.campaigns.unitsHint')}
          rules={[{ required: true, message: t('staff.campaigns.unitsRequired') }]}
        >
          <TreeSelect
            multiple
            treeData={units.tree}
            treeDefaultExpandAll
            showSearch
            treeNodeFilterProp="title"
          />
        </Form.Item>
        <Form.Item
          name="window"
          label={t('staff.campaigns.window')}
          rules={[{ required: true, message: t('staff.campaigns.windowRequired') }]}
        >
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item
          name="reminderIntervalDays"
          label={t('staff.campaigns.reminders')}
          extra={t('staff.campaigns.remindersHint')}
        >
          <InputNumber min={0} max={30} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { PhoneOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { useAction } from '../../../components/useAction';
import { pick } from '../../../i18n';

type Values = Schemas['StaffIntakeDto'];

/**
 * 登记来电或来访: a 12351 call or a walk-in, answered at intake (what the caller was told is the first reply). The
 * caller may stay anonymous; a crisis goes to crisis support at once.
 */
export function IntakeForm() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const vocabulary = useLoad(() => call(api.GET('/api/v1/desk/vocabulary')), []);
  const [form] = Form.useForm<Values>();
  const [run, busy] = useAction();
  const save = async (v: Values) => {
    let id = '';
    const ok = await run(async () => {
      const made = await call(
        api.POST('/api/v1/desk/requests', {
          body: Object.fromEntries(
            Object.entries(v).filter(([, value]) => value !== undefined && value !== '' && value !== false),
          ) as Values,
        }),
      );
      id = made.id;
    }, t('desk.intake.saved'));
    if (ok) {
      form.resetFields();
      setOpen(false);
      void navigate(`/staff/desk/${id}`);
    }
  };
  return (
    <>
      <Button icon={<PhoneOutlined />} onClick={() => setOpen(true)}>
        {t('desk.intake.open')}
      </Button>
      <Modal
        open={open}
        title={t('desk.intake.title')}
        okText={t('desk.intake.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: busy }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        width={640}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void save(v)}
          initialValues={{ channel: 'hotline_12351', urgency: 'normal' }}
        >
          <Form.Item name="channel" label={t('desk.channel')}>
            <Radio.Group
              options={(['hotline_12351', 'walk_in'] as const).map((c) => ({
                value: c,
                label: t(`deskChannel.${c}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="category"
            label={t('desk.category')}
            rules={[{ required: true, message: t('requests.categoryRequired') }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={(vocabulary.data?.categories ?? []).map((c) => ({
                value: c.code,
                label: pick(c, i18n.language),
              }))}
            />
          </Form.Item>
          <Form.Item name="urgency" label={t('desk.urgency')}>
            <Radio.Group
              options={(['normal', 'urgent', 'imminent'] as const).map((u) => ({
                value: u,
                label: t(`deskUrgency.${u}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="crisis" valuePropName="checked">
            <Checkbox>{t('desk.intake.crisis')}</Checkbox>
          </Form.Item>
          <Form.Item name="callerName" label={t('desk.intake.callerName')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="callbackNumber" label={t('desk.intake.callback')}>
            <Input inputMode="tel" />
          </Form.Item>
          <Form.Item
            name="summary"
            label={t('desk.summary')}
            rules={[{ required: true, whitespace: true, message: t('requests.summaryRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item name="initialReply" label={t('desk.intake.initialReply')}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

import { Checkbox, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { Schemas } from '../../../api/types';
import { useAction } from '../../../components/useAction';
import { EligibilityFields, cleanRule, type Rule } from './EligibilityFields';

interface Values {
  title: string;
  description?: string;
  autoEnrol: boolean;
  eligibility?: Rule;
}

/** The programme's title, description, rule and auto-enrolment (enrolled workers stay enrolled). */
export function ProgrammeEditForm({
  programme,
  onClose,
}: {
  programme: Schemas['ProgrammeDto'];
  onClose: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [run, busy] = useAction();
  const submit = (v: Values) =>
    void run(
      () =>
        call(
          api.PATCH('/api/v1/programmes/{id}', {
            params: { path: { id: programme.id } },
            body: {
              title: v.title.trim(),
              description: v.description?.trim() ?? '',
              autoEnrol: v.autoEnrol,
              eligibility: cleanRule(v.eligibility),
            },
          }),
        ),
      t('face.saved'),
    ).then((ok) => ok && onClose(true));
  return (
    <Modal
      open
      title={t('lineAdmin.edit')}
      okText={t('common.save')}
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
          title: programme.title,
          description: programme.description ?? '',
          autoEnrol: programme.autoEnrol,
          eligibility: programme.eligibility,
        }}
      >
        <Form.Item
          name="title"
          label={t('lineAdmin.title')}
          rules={[{ required: true, whitespace: true, message: t('face.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('lineAdmin.description')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <EligibilityFields />
        <Form.Item name="autoEnrol" valuePropName="checked">
          <Checkbox>{t('lineAdmin.autoEnrol')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

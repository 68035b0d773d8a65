import { Form, Input, InputNumber, Modal, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Schemas } from '../../api/types';
import { useOrgUnits } from '../../components/orgUnits';
import { useAction } from '../../components/useAction';
import { pick } from '../../i18n';

type Input = Schemas['CreateTrainingCourseDto'];

/** A cadre training course: topic, methods, audience; a pass mark and the certificate a pass gives, if any. */
export function TrainingCourseForm({
  catalogue,
  onClose,
}: {
  catalogue: Schemas['TrainingCatalogueDto'];
  onClose: (id?: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const units = useOrgUnits();
  const [form] = Form.useForm<Input>();
  const certification = Form.useWatch('certificationType', form);
  const [run, busy] = useAction();
  const options = (labels: Schemas['TrainingLabelDto'][]) =>
    labels.map((l) => ({ value: l.code, label: pick(l, i18n.language) }));
  const submit = (v: Input) =>
    void run(async () => {
      const created = await call(
        api.POST('/api/v1/training/courses', { body: { ...v, title: v.title.trim() } }),
      );
      onClose(created.id);
    }, t('face.saved'));
  return (
    <Modal
      open
      title={t('training.course.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
    >
      <Form<Input>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ methods: ['study'], audience: 'union_cadres' }}
      >
        <Form.Item
          name="title"
          label={t('training.course.title')}
          rules={[{ required: true, whitespace: true, message: t('face.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('training.course.description')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Form.Item name="orgUnitId" label={t('training.course.unit')}>
          <TreeSelect
            allowClear
            treeData={units.tree}
            treeDefaultExpandAll
            showSearch
            treeNodeFilterProp="title"
          />
        </Form.Item>
        <Form.Item
          name="topic"
          label={t('training.course.topic')}
          rules={[{ required: true, message: t('face.required') }]}
        >
          <Select options={options(catalogue.topics)} />
        </Form.Item>
        <Form.Item
          name="methods"
          label={t('training.course.methods')}
          rules={[{ required: true, message: t('face.required') }]}
        >
          <Select mode="multiple" options={options(catalogue.methods)} />
        </Form.Item>
        <Form.Item
          name="audience"
          label={t('training.course.audience')}
          rules={[{ required: true, message: t('face.required') }]}
        >
          <Select options={options(catalogue.audiences)} />
        </Form.Item>
        <Form.Item name="certificationType" label={t('training.course.certificate')}>
          <Select allowClear options={options(catalogue.certificationTypes)} />
        </Form.Item>
        {certification ? (
          <>
            <Form.Item
              name="passingScore"
              label={t('training.course.passingScore')}
              rules={[{ required: true, message: t('face.required') }]}
            >
              <InputNumber min={1} max={100} />
            </Form.Item>
            <Form.Item
              name="certificationMonths"
              label={t('training.course.months')}
              rules={[{ required: true, message: t('face.required') }]}
            >
              <InputNumber min={1} max={120} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

import { Form, Input, Modal, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { Schemas } from '../../../api/types';
import { useOrgUnits } from '../../../components/orgUnits';
import { useAction } from '../../../components/useAction';

interface Values {
  title: string;
  summary?: string;
  orgUnitId?: string;
}

/** A new course (a draft) for a unit's workers, or the title and summary of an existing one. */
export function CourseForm({
  course,
  onClose,
}: {
  course?: Schemas['CourseDto'];
  onClose: (id?: string) => void;
}) {
  const { t } = useTranslation();
  const units = useOrgUnits();
  const [form] = Form.useForm<Values>();
  const [run, busy] = useAction();
  const submit = (v: Values) =>
    void run(async () => {
      const body = { title: v.title.trim(), summary: v.summary?.trim() ?? '' };
      const saved = course
        ? await call(
            api.PATCH('/api/v1/education/courses/{id}', { params: { path: { id: course.id } }, body }),
          )
        : await call(api.POST('/api/v1/education/courses', { body: { ...body, orgUnitId: v.orgUnitId! } }));
      onClose(saved.id);
    }, t('face.saved'));
  return (
    <Modal
      open
      title={course ? t('face.course.edit') : t('face.course.new')}
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
        initialValues={course ? { title: course.title, summary: course.summary ?? '' } : {}}
      >
        <Form.Item
          name="title"
          label={t('face.course.title')}
          rules={[{ required: true, whitespace: true, message: t('face.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="summary" label={t('face.course.summary')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        {course ? null : (
          <Form.Item
            name="orgUnitId"
            label={t('face.forUnit')}
            rules={[{ required: true, message: t('face.required') }]}
          >
            <TreeSelect treeData={units.tree} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

import { Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useAction } from '../../../components/useAction';

type Kind = 'text' | 'video' | 'material';
interface Values {
  title: string;
  kind: Kind;
  body?: string;
  url?: string;
}

/** Adds a lesson at the end: text, a video link or a material to download. */
export function LessonForm({ courseId, onAdded }: { courseId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'text';
  const [run, busy] = useAction();
  const submit = (v: Values) =>
    void run(
      () =>
        call(
          api.POST('/api/v1/education/courses/{id}/lessons', {
            params: { path: { id: courseId } },
            body: {
              title: v.title.trim(),
              kind: v.kind,
              ...(v.kind === 'text' ? { body: v.body ?? '' } : { url: v.url?.trim() ?? '' }),
            },
          }),
        ),
      t('face.lesson.added'),
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
      initialValues={{ kind: 'text' }}
      style={{ marginTop: 16 }}
    >
      <Form.Item
        name="title"
        label={t('face.lesson.name')}
        rules={[{ required: true, whitespace: true, message: t('face.required') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="kind" label={t('face.lesson.kindLabel')}>
        <Select
          options={(['text', 'video', 'material'] as const).map((k) => ({
            value: k,
            label: t(`face.lesson.kind.${k}`),
          }))}
        />
      </Form.Item>
      {kind === 'text' ? (
        <Form.Item
          name="body"
          label={t('face.lesson.body')}
          rules={[{ required: true, whitespace: true, message: t('face.required') }]}
        >
          <Input.TextArea rows={4} maxLength={20000} />
        </Form.Item>
      ) : (
        <Form.Item
          name="url"
          label={t('face.lesson.url')}
          rules={[{ required: true, type: 'url', message: t('face.urlRequired') }]}
        >
          <Input maxLength={1000} placeholder="https://" />
        </Form.Item>
      )}
      <Button htmlType="submit" loading={busy}>
        {t('face.lesson.add')}
      </Button>
    </Form>
  );
}

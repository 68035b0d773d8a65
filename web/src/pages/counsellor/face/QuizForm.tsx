import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useAction } from '../../../components/useAction';

interface Question {
  prompt: string;
  options: string;
  answer: number;
}
interface Values {
  kind: 'knowledge' | 'literacy';
  title: string;
  passingScore?: number;
  questions: Question[];
}

/** Adds a knowledge quiz (with a pass mark) or the course's one literacy check (素养测查, before and after). */
export function QuizForm({
  courseId,
  hasLiteracy,
  onAdded,
}: {
  courseId: string;
  hasLiteracy: boolean;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'knowledge';
  const [run, busy] = useAction();
  const submit = (v: Values) =>
    void run(
      () =>
        call(
          api.POST('/api/v1/education/courses/{id}/quizzes', {
            params: { path: { id: courseId } },
            body: {
              kind: v.kind,
              title: v.title.trim(),
              ...(v.kind === 'knowledge' ? { passingScore: v.passingScore } : {}),
              questions: v.questions.map((q) => ({
                prompt: q.prompt.trim(),
                options: q.options
                  .split('\n')
                  .map((o) => o.trim())
                  .filter(Boolean),
                answer: q.answer - 1,
              })),
            },
          }),
        ),
      t('face.quiz.added'),
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
      initialValues={{
        kind: 'knowledge',
        passingScore: 60,
        questions: [{ prompt: '', options: '', answer: 1 }],
      }}
      style={{ marginTop: 16 }}
    >
      <Form.Item name="kind" label={t('face.quiz.kindLabel')}>
        <Select
          options={(['knowledge', 'literacy'] as const).map((k) => ({
            value: k,
            label: t(`face.quiz.kind.${k}`),
            disabled: k === 'literacy' && hasLiteracy,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('face.quiz.name')}
        rules={[{ required: true, whitespace: true, message: t('face.required') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      {kind === 'knowledge' ? (
        <Form.Item
          name="passingScore"
          label={t('face.quiz.passingScore')}
          rules={[{ required: true, message: t('face.required') }]}
        >
          <InputNumber min={1} max={100} addonAfter="%" />
        </Form.Item>
      ) : null}
      <Form.List name="questions">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 8 }}
                title={t('face.quiz.question', { n: i + 1 })}
                extra={
                  fields.length > 1 ? (
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('face.quiz.removeQuestion', { n: i + 1 })}
                      onClick={() => remove(field.name)}
                    />
                  ) : null
                }
              >
                <Form.Item
                  name={[field.name, 'prompt']}
                  label={t('face.quiz.prompt')}
                  rules={[{ required: true, whitespace: true, message: t('face.required') }]}
                >
                  <Input maxLength={500} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'options']}
                  label={t('face.quiz.options')}
                  rules={[
                    {
                      validator: (_, v: string | undefined) =>
                        (v ?? '').split('\n').filter((o) => o.trim()).length >= 2
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('face.quiz.twoOptions'))),
                    },
                  ]}
                >
                  <Input.TextArea rows={3} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'answer']}
                  label={t('face.quiz.answer')}
                  rules={[{ required: true, message: t('face.required') }]}
                >
                  <InputNumber min={1} max={8} />
                </Form.Item>
              </Card>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ prompt: '', options: '', answer: 1 })}
              style={{ marginInlineEnd: 8 }}
            >
              {t('face.quiz.addQuestion')}
            </Button>
          </>
        )}
      </Form.List>
      <Button htmlType="submit" loading={busy}>
        {t('face.quiz.add')}
      </Button>
    </Form>
  );
}

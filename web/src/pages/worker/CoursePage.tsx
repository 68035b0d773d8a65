import { CheckCircleOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Flex, Modal, Progress, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { Loaded } from '../../components/Loaded';
import { PageTitle } from '../../components/PageTitle';
import { useAction } from '../../components/useAction';

type Quiz = Schemas['QuizDto'];

/** One quiz in a dialog: every question, then the score. */
function QuizDialog({
  courseId,
  quiz,
  onClose,
}: {
  courseId: string;
  quiz: Quiz;
  onClose: (done: boolean) => void;
}) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<number[]>(quiz.questions.map(() => -1));
  const [result, setResult] = useState<Schemas['QuizResultDto']>();
  const [run, busy] = useAction();
  const submit = () =>
    void run(async () =>
      setResult(
        await call(
          api.POST('/api/v1/me/courses/{id}/quizzes/{quizId}/attempts', {
            params: { path: { id: courseId, quizId: quiz.id } },
            body: { answers },
          }),
        ),
      ),
    );
  return (
    <Modal
      open
      title={quiz.title}
      onCancel={() => onClose(result !== undefined)}
      footer={
        result ? (
          <Button type="primary" onClick={() => onClose(true)}>
            {t('common.close')}
          </Button>
        ) : (
          <Button type="primary" loading={busy} disabled={answers.includes(-1)} onClick={submit}>
            {t('worker.take.submit')}
          </Button>
        )
      }
    >
      {result ? (
        <Typography.Paragraph style={{ fontSize: 16 }} role="status">
          {t('worker.learning.quizScore', { score: result.score, max: result.maxScore })}
          {result.passed === true
            ? ` ${t('worker.learning.passed')}`
            : result.passed === false
              ? ` ${t('worker.learning.notPassed')}`
              : ''}
        </Typography.Paragraph>
      ) : (
        quiz.questions.map((question, qi) => (
          <fieldset key={qi} style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
            <legend style={{ fontWeight: 600, marginBottom: 8 }}>
              {qi + 1}. {question.prompt}
            </legend>
            <Radio.Group
              value={answers[qi]}
              onChange={(e) =>
                setAnswers((all) => all.map((a, i) => (i === qi ? (e.target.value as number) : a)))
              }
            >
              <Flex vertical gap={4}>
                {question.options.map((option, oi) => (
                  <Radio key={oi} value={oi}>
                    {option}
                  </Radio>
                ))}
              </Flex>
            </Radio.Group>
          </fieldset>
        ))
      )}
    </Modal>
  );
}

/** A course: lessons to read and mark done, quizzes to take. */
export default function CoursePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const course = useLoad(() => call(api.GET('/api/v1/me/courses/{id}', { params: { path: { id } } })), [id]);
  const [run, busy] = useAction();
  const [quiz, setQuiz] = useState<Quiz | null>(null);
  const complete = (lessonId: string) =>
    void run(() =>
      call(
        api.POST('/api/v1/me/courses/{id}/lessons/{lessonId}/complete', {
          params: { path: { id, lessonId } },
        }),
      ),
    ).then((ok) => ok && course.reload());

  return (
    <>
      <PageTitle
        title={course.data?.title ?? t('nav.worker.learning')}
        subtitle={course.data?.summary ?? undefined}
      />
      <Loaded state={course}>
        {(data) => {
          const done = data.lessons.filter((l) => l.completed).length;
          return (
            <Flex vertical gap={16}>
              <Card>
                <Progress
                  percent={data.lessons.length ? Math.round((done / data.lessons.length) * 100) : 0}
                  aria-label={t('worker.learning.progress', { done, total: data.lessons.length })}
                />
                <Typography.Text>
                  {t('worker.learning.progress', { done, total: data.lessons.length })}
                </Typography.Text>
              </Card>
              <Collapse
                items={data.lessons.map(({ lesson, completed }) => ({
                  key: lesson.id,
                  label: (
                    <>
                      {lesson.position}. {lesson.title}{' '}
                      {completed ? (
                        <CheckCircleOutlined
                          style={{ color: '#237804' }}
                          aria-label={t('worker.learning.completed')}
                        />
                      ) : null}
                    </>
                  ),
                  children: (
                    <>
                      {lesson.body ? (
                        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                          {lesson.body}
                        </Typography.Paragraph>
                      ) : null}
                      {lesson.url ? (
                        <Typography.Paragraph>
                          <a href={lesson.url} target="_blank" rel="noreferrer">
                            {t('worker.learning.openMaterial')}
                          </a>
                        </Typography.Paragraph>
                      ) : null}
                      {completed ? (
                        <Tag color="success">{t('worker.learning.completed')}</Tag>
                      ) : (
                        <Button type="primary" disabled={busy} onClick={() => complete(lesson.id)}>
                          {t('worker.learning.markDone')}
                        </Button>
                      )}
                    </>
                  ),
                }))}
              />
              {data.quizzes.length > 0 ? (
                <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('worker.learning.quizzes')}</h2>}>
                  <Flex vertical gap={8}>
                    {data.quizzes.map((q) => (
                      <Flex key={q.quiz.id} justify="space-between" align="center" wrap gap={8}>
                        <span>
                          {q.quiz.title}{' '}
                          {q.passed ? <Tag color="success">{t('worker.learning.passed')}</Tag> : null}
                        </span>
                        <Button onClick={() => setQuiz(q.quiz)}>
                          {q.attempts > 0 ? t('worker.learning.retake') : t('worker.learning.takeQuiz')}
                        </Button>
                      </Flex>
                    ))}
                  </Flex>
                </Card>
              ) : null}
            </Flex>
          );
        }}
      </Loaded>
      {quiz ? (
        <QuizDialog
          courseId={id}
          quiz={quiz}
          onClose={(changed) => {
            setQuiz(null);
            if (changed) course.reload();
          }}
        />
      ) : null}
    </>
  );
}

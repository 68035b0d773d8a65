import { Button, Card, Descriptions, Flex, List, Popconfirm, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { LinkButton } from '../../../components/LinkButton';
import { Loaded } from '../../../components/Loaded';
import { PageTitle } from '../../../components/PageTitle';
import { useAction } from '../../../components/useAction';
import { CourseForm } from './CourseForm';
import { COURSE_COLOUR } from './EducationPage';
import { LessonForm } from './LessonForm';
import { QuizForm } from './QuizForm';

const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/** Literacy before and after: the means over workers with both checks. */
function Literacy({ id }: { id: string }) {
  const { t } = useTranslation();
  const literacy = useLoad(
    () => call(api.GET('/api/v1/education/courses/{id}/literacy', { params: { path: { id } } })),
    [id],
  );
  return (
    <Loaded state={literacy}>
      {(l) => (
        <Flex gap={24} wrap>
          <Statistic title={t('face.literacy.paired')} value={l.pairedN} />
          <Statistic
            title={t('face.literacy.pre')}
            value={l.meanPre ?? '—'}
            suffix={l.meanPre === null ? '' : '%'}
          />
          <Statistic
            title={t('face.literacy.post')}
            value={l.meanPost ?? '—'}
            suffix={l.meanPost === null ? '' : '%'}
          />
          <Statistic title={t('face.literacy.change')} value={l.meanChange ?? '—'} />
        </Flex>
      )}
    </Loaded>
  );
}

/** One course as its author sees it: lessons and quizzes (with answers), publish or archive, literacy change. */
export default function CoursePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const course = useLoad(
    () => call(api.GET('/api/v1/education/courses/{id}', { params: { path: { id } } })),
    [id],
  );
  const [editing, setEditing] = useState(false);
  const [run, busy] = useAction();
  const setStatus = (status: 'published' | 'archived') =>
    void run(
      () =>
        call(
          api.POST('/api/v1/education/courses/{id}/status', { params: { path: { id } }, body: { status } }),
        ),
      t(`face.course.became.${status}`),
    ).then((ok) => ok && course.reload());
  return (
    <Loaded state={course}>
      {(c) => (
        <>
          <PageTitle
            title={c.title}
            subtitle={<Tag color={COURSE_COLOUR[c.status]}>{t(`face.course.status.${c.status}`)}</Tag>}
            extra={
              <Flex gap={8} wrap>
                <LinkButton to="/staff/education">{t('face.back')}</LinkButton>
                <Button onClick={() => setEditing(true)}>{t('face.course.edit')}</Button>
                {c.status === 'draft' ? (
                  <Button
                    type="primary"
                    disabled={busy || c.lessons.length === 0}
                    onClick={() => setStatus('published')}
                  >
                    {t('face.course.publish')}
                  </Button>
                ) : null}
                {c.status === 'published' ? (
                  <Popconfirm title={t('face.course.confirmArchive')} onConfirm={() => setStatus('archived')}>
                    <Button disabled={busy}>{t('face.course.archive')}</Button>
                  </Popconfirm>
                ) : null}
              </Flex>
            }
          />
          <Flex vertical gap={16}>
            {c.summary ? <Typography.Paragraph>{c.summary}</Typography.Paragraph> : null}
            {c.status === 'draft' && c.lessons.length === 0 ? (
              <Typography.Text type="secondary">{t('face.course.needsLesson')}</Typography.Text>
            ) : null}
            <Card title={h2(t('face.lesson.title'))}>
              <List
                dataSource={c.lessons}
                locale={{
                  emptyText: <Typography.Text type="secondary">{t('face.lesson.none')}</Typography.Text>,
                }}
                renderItem={(l) => (
                  <List.Item>
                    <List.Item.Meta
                      title={`${l.position}. ${l.title}`}
                      description={
                        <>
                          <Tag>{t(`face.lesson.kind.${l.kind}`)}</Tag>
                          {l.url ?? (l.body ? l.body.slice(0, 80) : '')}
                        </>
                      }
                    />
                  </List.Item>
                )}
              />
              {c.status === 'draft' ? <LessonForm courseId={c.id} onAdded={course.reload} /> : null}
            </Card>
            <Card title={h2(t('face.quiz.title'))}>
              <List
                dataSource={c.quizzes}
                locale={{
                  emptyText: <Typography.Text type="secondary">{t('face.quiz.none')}</Typography.Text>,
                }}
                renderItem={(q) => (
                  <List.Item>
                    <Descriptions
                      size="small"
                      column={1}
                      title={`${q.title} · ${t(`face.quiz.kind.${q.kind}`)}`}
                      items={q.questions.map((question, i) => ({
                        key: String(i),
                        label: `${i + 1}. ${question.prompt}`,
                        children: question.options
                          .map((o, j) => (j === question.answer ? `✔ ${o}` : o))
                          .join(' / '),
                      }))}
                    />
                  </List.Item>
                )}
              />
              {c.status === 'draft' ? (
                <QuizForm
                  courseId={c.id}
                  hasLiteracy={c.quizzes.some((q) => q.kind === 'literacy')}
                  onAdded={course.reload}
                />
              ) : null}
            </Card>
            <Card title={h2(t('face.literacy.title'))}>
              <Literacy id={c.id} />
            </Card>
          </Flex>
          {editing ? (
            <CourseForm
              course={c}
              onClose={(saved) => {
                setEditing(false);
                if (saved) course.reload();
              }}
            />
          ) : null}
        </>
      )}
    </Loaded>
  );
}

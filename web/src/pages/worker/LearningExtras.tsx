import { Button, Empty, Form, Input, List, Modal, Rate, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import { formatDate } from '../../components/dates';
import { Loaded } from '../../components/Loaded';
import { useAction } from '../../components/useAction';

/** After attending: a rating (1–5) and an optional comment, shown to the organisers without the name. */
export function FeedbackButton({
  eventId,
  title,
  onSent,
}: {
  eventId: string;
  title: string;
  onSent: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ rating: number; comment?: string }>();
  const [run, busy] = useAction();
  const send = (v: { rating: number; comment?: string }) =>
    void run(
      () =>
        call(
          api.POST('/api/v1/me/events/{id}/feedback', {
            params: { path: { id: eventId } },
            body: { rating: v.rating, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) },
          }),
        ),
      t('face.mine.feedbackSent'),
    ).then((ok) => {
      if (!ok) return;
      setOpen(false);
      onSent();
    });
  return (
    <>
      <Button onClick={() => setOpen(true)} aria-label={`${t('face.mine.feedback')} ${title}`}>
        {t('face.mine.feedback')}
      </Button>
      <Modal
        open={open}
        title={t('face.mine.feedbackTitle', { title })}
        okText={t('face.mine.send')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
      >
        <Form form={form} layout="vertical" onFinish={send}>
          <Form.Item
            name="rating"
            label={t('face.mine.rating')}
            rules={[{ required: true, message: t('face.mine.ratingRequired') }]}
          >
            <Rate />
          </Form.Item>
          <Form.Item name="comment" label={t('face.mine.comment')} extra={t('face.mine.anonymous')}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 我的学习记录: the courses (lessons done, literacy before and after) and events the worker took part in. */
export function MyLearningHistory() {
  const { t, i18n } = useTranslation();
  const history = useLoad(() => call(api.GET('/api/v1/me/learning')), []);
  return (
    <Loaded state={history}>
      {(h) =>
        h.courses.length + h.events.length === 0 ? (
          <Empty description={t('face.mine.nothingYet')} />
        ) : (
          <List
            dataSource={[
              ...h.courses.map((c) => ({
                key: c.courseId,
                title: c.title,
                text: t('face.mine.courseLine', { done: c.lessonsCompleted, total: c.lessonsTotal }),
                tag: c.status === 'completed' ? t('worker.learning.completed') : null,
              })),
              ...h.events.map((e) => ({
                key: e.eventId,
                title: e.title,
                text: formatDate(e.startsAt, i18n.language),
                tag: t(`registration.${e.status}`),
              })),
            ]}
            renderItem={(item) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <>
                      {item.title} {item.tag ? <Tag>{item.tag}</Tag> : null}
                    </>
                  }
                  description={item.text}
                />
              </List.Item>
            )}
          />
        )
      }
    </Loaded>
  );
}

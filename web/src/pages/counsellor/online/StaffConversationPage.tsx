import { Button, Card, Flex, Form, Input, Popconfirm, Select, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api, call } from '../../../api/client';
import type { Schemas } from '../../../api/types';
import { useMe } from '../../../auth';
import { ChatThread } from '../../../components/ChatThread';
import { LinkButton } from '../../../components/LinkButton';
import { PageTitle } from '../../../components/PageTitle';
import { useAction } from '../../../components/useAction';

type Level = Schemas['MessageCrisisCaseDto']['level'];
const LEVELS: Level[] = ['imminent', 'urgent', 'concern'];

/** A worker's message: open a crisis case from it (点 opens it, or joins the worker's open case). */
function CrisisCaseButton({ message, onDone }: { message: Schemas['MessageDto']; onDone: () => void }) {
  const { t } = useTranslation();
  const [run, busy] = useAction();
  const [level, setLevel] = useState<Level>('urgent');
  if (message.sender !== 'worker') return null;
  if (message.crisisCaseRequestedAt)
    return (
      <Tag color="processing" style={{ marginTop: 6 }}>
        {t('online.caseAsked')}
      </Tag>
    );
  if (!message.crisisFlag) return null;
  const ask = () =>
    void run(
      () =>
        call(
          api.POST('/api/v1/online-counselling/messages/{id}/crisis-case', {
            params: { path: { id: message.id } },
            body: { level },
          }),
        ),
      t('online.caseAskedToast'),
    ).then((ok) => ok && onDone());
  return (
    <Flex gap={6} wrap style={{ marginTop: 6 }}>
      <Select<Level>
        aria-label={t('online.caseLevel')}
        size="small"
        value={level}
        onChange={setLevel}
        options={LEVELS.map((l) => ({ value: l, label: t(`online.level.${l}`) }))}
        style={{ minWidth: 170 }}
      />
      <Button size="small" danger type="primary" loading={busy} onClick={ask}>
        {t('online.openCase')}
      </Button>
    </Flex>
  );
}

/** One conversation on the counsellor's side: messages, crisis flags, video link, ending it. */
export default function StaffConversationPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { id = '' } = useParams();
  const [conversation, setConversation] = useState<Schemas['ConversationDto'] | null>(null);
  const [run, busy] = useAction();
  const load = useCallback(
    (after: number) =>
      call(
        api.GET('/api/v1/online-counselling/conversations/{id}/messages', {
          params: { path: { id }, query: { after } },
        }),
      ),
    [id],
  );
  const send = useCallback(
    (body: string) =>
      call(
        api.POST('/api/v1/online-counselling/conversations/{id}/messages', {
          params: { path: { id } },
          body: { body },
        }),
      ),
    [id],
  );
  const own = conversation?.counsellorId === me.userId;
  const saveLink = (values: { videoUrl?: string }) =>
    void run(async () => {
      setConversation(
        await call(
          api.PUT('/api/v1/online-counselling/conversations/{id}/video-link', {
            params: { path: { id } },
            body: { videoUrl: values.videoUrl?.trim() || null },
          }),
        ),
      );
    }, t('online.saved'));
  const close = () =>
    void run(async () => {
      setConversation(
        await call(
          api.POST('/api/v1/online-counselling/conversations/{id}/close', { params: { path: { id } } }),
        ),
      );
    });
  return (
    <>
      <PageTitle
        title={t('online.with', { name: conversation?.workerName ?? '' })}
        extra={<LinkButton to="/staff/online-counselling">{t('online.back')}</LinkButton>}
      />
      <Flex vertical gap={16}>
        <ChatThread
          conversationId={id}
          side="counsellor"
          load={load}
          send={send}
          canWrite={own}
          onConversation={setConversation}
          messageExtra={own ? CrisisCaseButton : undefined}
        />
        {own && conversation?.status === 'open' ? (
          <Card size="small">
            <Form
              layout="vertical"
              key={conversation.videoUrl ?? ''}
              initialValues={{ videoUrl: conversation.videoUrl ?? '' }}
              onFinish={saveLink}
            >
              <Form.Item name="videoUrl" label={t('online.videoLink')} extra={t('online.videoLinkHint')}>
                <Input inputMode="url" />
              </Form.Item>
              <Flex gap={8} wrap>
                <Button htmlType="submit" loading={busy}>
                  {t('online.saveLink')}
                </Button>
                <Popconfirm
                  title={t('online.closeConfirm')}
                  okText={t('online.close')}
                  cancelText={t('common.back')}
                  onConfirm={close}
                >
                  <Button danger>{t('online.close')}</Button>
                </Popconfirm>
              </Flex>
            </Form>
          </Card>
        ) : null}
      </Flex>
    </>
  );
}

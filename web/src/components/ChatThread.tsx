import { CheckOutlined, SendOutlined, VideoCameraOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Input, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { usePush, usePushLive, type PushEvent } from '../api/push';
import type { Schemas } from '../api/types';
import { formatDateTime, formatTime } from './dates';
import { ContactMeButton } from './ContactMeButton';
import { useAction } from './useAction';
import { useEvery } from './useNow';

type Message = Schemas['MessageDto'];
type Conversation = Schemas['ConversationDto'];
type Page = Schemas['ConversationMessagesDto'];

interface Props {
  /** The conversation's id: pushed changes of it (a message, a read receipt, closing) make the thread fetch. */
  conversationId: string;
  side: 'worker' | 'counsellor';
  load: (after: number) => Promise<Page>;
  send: (body: string) => Promise<Schemas['SentMessagesDto']>;
  /** Whether this viewer may write (the conversation's own counsellor, or the worker). */
  canWrite: boolean;
  /** Extra controls under a message (the counsellor's crisis-case button). */
  messageExtra?: ComponentType<{ message: Message; onDone: () => void }>;
  onConversation?: (conversation: Conversation) => void;
}

/**
 * A conversation of 线上心理疏导, for either side: the messages oldest first with read receipts, and the box to write.
 * Live by server push: when the other side writes or reads (or the conversation changes) the server tells both
 * participants' browsers, and the thread fetches what is new after the last number it has; also when the stream
 * (re)connects, and each minute as a safety net, never by a fast poll. The automatic reply carries the 我现在就有危险
 * button under it.
 */
export function ChatThread({ conversationId, side, load, send, canWrite, messageExtra: MessageExtra, onConversation }: Props) {
  const { t, i18n } = useTranslation();
  const [messages, setMessages] = useState<Message[]>([]);
  const [conversation, setConversation] = useState<Conversation | null>(null);
  const [text, setText] = useState('');
  const [run, busy] = useAction();
  const last = useRef(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const endRef = useRef<HTMLDivElement>(null);

  const merge = useCallback(
    (page: Page) => {
      setConversation(page.conversation);
      onConversation?.(page.conversation);
      if (page.messages.length === 0) return;
      setMessages((old) => {
        const byId = new Map(old.map((m) => [m.id, m]));
        for (const m of page.messages) byId.set(m.id, m);
        return [...byId.values()].sort((a, b) => a.seq - b.seq);
      });
      last.current = Math.max(last.current, ...page.messages.map((m) => m.seq));
    },
    [onConversation],
  );

  const poll = useCallback(() => {
    void loadRef.current(last.current).then(merge, () => undefined);
  }, [merge]);

  /** Everything again (after a change to old messages, e.g. a crisis case asked for). */
  const reloadAll = useCallback(() => {
    last.current = 0;
    void loadRef.current(0).then(
      (page) => {
        setMessages([]);
        merge(page);
      },
      () => undefined,
    );
  }, [merge]);

  const live = usePushLive();
  // On opening, and whenever the stream connects or drops: anything sent meanwhile.
  useEffect(() => poll(), [live, poll]);
  usePush(
    ['online_conversation'],
    useCallback((event: PushEvent) => (event.id === conversationId ? poll() : undefined), [conversationId, poll]),
  );
  useEvery(poll);

  useEffect(() => {
    endRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [messages.length]);

  const submit = () => {
    const body = text.trim();
    if (!body) return;
    void run(async () => {
      const sent = await send(body);
      setText('');
      setMessages((old) =>
        [...old.filter((m) => !sent.messages.some((s) => s.id === m.id)), ...sent.messages].sort(
          (a, b) => a.seq - b.seq,
        ),
      );
      last.current = Math.max(last.current, ...sent.messages.map((m) => m.seq));
    });
  };

  const readUpTo = conversation?.readByOtherUpTo ?? 0;
  const mine = (m: Message) => m.sender === side;
  const who = (m: Message) =>
    m.sender === 'system'
      ? t('online.system')
      : mine(m)
        ? t('online.me')
        : m.sender === 'counsellor'
          ? (m.senderName ?? t('online.counsellor'))
          : t('online.worker');
  const notOpenYet = conversation && new Date(conversation.opensAt) > new Date();

  return (
    <Flex vertical gap={12}>
      {conversation?.videoUrl ? (
        <Button
          icon={<VideoCameraOutlined />}
          href={conversation.videoUrl}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t('online.video')}
        </Button>
      ) : null}
      {conversation && side === 'worker' && conversation.status === 'open' ? (
        <Tag
          color={conversation.counsellorInOffice ? 'success' : 'default'}
          style={{ alignSelf: 'flex-start', whiteSpace: 'normal' }}
        >
          {conversation.counsellorInOffice ? t('online.inOffice') : t('online.away')}
        </Tag>
      ) : null}
      {notOpenYet ? (
        <Alert
          type="info"
          showIcon
          title={t('online.opensAt', { time: formatDateTime(conversation.opensAt, i18n.language) })}
        />
      ) : null}
      <Card size="small" styles={{ body: { padding: 12 } }}>
        <section
          aria-label={t('online.nav.worker')}
          aria-live="polite"
          style={{ display: 'flex', flexDirection: 'column', gap: 10 }}
        >
          {messages.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('online.placeholder')} />
          ) : null}
          {messages.map((m) => (
            <article
              key={m.id}
              data-seq={m.seq}
              style={{
                alignSelf: mine(m) ? 'flex-end' : 'flex-start',
                maxWidth: '88%',
                background: m.sender === 'system' ? '#fffbe6' : mine(m) ? '#e6f4ff' : '#f5f5f5',
                border: m.crisisFlag ? '2px solid #cf1322' : '1px solid #d9d9d9',
                borderRadius: 8,
                padding: '8px 10px',
              }}
            >
              <Typography.Text strong style={{ fontSize: 13 }}>
                {who(m)}
              </Typography.Text>
              <div
                style={{ whiteSpace: 'pre-wrap', fontSize: 15, margin: '2px 0', overflowWrap: 'anywhere' }}
              >
                {m.body}
              </div>
              <Flex gap={6} align="center" wrap style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>
                <span>{formatTime(m.sentAt)}</span>
                {mine(m) ? (
                  <span>
                    {m.seq <= readUpTo ? (
                      <>
                        <CheckOutlined /> {t('online.read')}
                      </>
                    ) : (
                      t('online.delivered')
                    )}
                  </span>
                ) : null}
                {m.crisisFlag ? (
                  <Tag color="error" icon={<WarningOutlined />} title={t('online.flagHint')}>
                    {t('online.flag')}
                  </Tag>
                ) : null}
              </Flex>
              {m.sender === 'system' && side === 'worker' ? (
                <div style={{ marginTop: 8 }}>
                  <ContactMeButton />
                </div>
              ) : null}
              {MessageExtra ? <MessageExtra message={m} onDone={reloadAll} /> : null}
            </article>
          ))}
          <div ref={endRef} />
        </section>
      </Card>
      {canWrite && conversation?.status === 'open' && !notOpenYet ? (
        <Flex vertical gap={8}>
          <Input.TextArea
            aria-label={t('online.placeholder')}
            placeholder={t('online.placeholder')}
            value={text}
            maxLength={2000}
            showCount
            autoSize={{ minRows: 2, maxRows: 6 }}
            onChange={(e) => setText(e.target.value)}
          />
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={busy}
            disabled={!text.trim()}
            onClick={submit}
            style={{ alignSelf: 'flex-end', minWidth: 96 }}
          >
            {busy ? t('online.sending') : t('online.send')}
          </Button>
        </Flex>
      ) : null}
      {conversation?.status === 'closed' ? <Alert type="info" title={t('online.closed')} /> : null}
    </Flex>
  );
}

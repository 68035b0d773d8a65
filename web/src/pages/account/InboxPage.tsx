import { Button, Card, Empty, Flex, List, Segmented, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, call } from '../../api/client';
import { messagePart } from '../../api/errors';
import { useLoad } from '../../api/hooks';
import { usePush } from '../../api/push';
import { formatDateTime } from '../../components/dates';
import { Loaded } from '../../components/Loaded';
import { notificationRoute } from '../../components/notificationLinks';
import { PageTitle } from '../../components/PageTitle';
import { useAction } from '../../components/useAction';

/**
 * 通知 inbox: the newest 100 notifications (or the unread ones), live by server push; mark one or all read, open the
 * page a notification links to (which marks it read).
 */
export default function InboxPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [only, setOnly] = useState<'all' | 'unread'>('all');
  const inbox = useLoad(() => call(api.GET('/api/v1/me/notifications', { params: { query: { limit: 100, ...(only === 'unread' ? { unread: true } : {}) } } })), [only]);
  const reload = inbox.reload;
  usePush(['notification'], useCallback(() => reload(), [reload]));
  const [run, busy] = useAction();
  const unread = inbox.data?.unreadCount ?? 0;
  const markRead = (id: string) => call(api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } }));

  return (
    <>
      <PageTitle
        title={t('inbox.title')}
        subtitle={t('inbox.unreadCount', { count: unread })}
        extra={
          <Button disabled={unread === 0} loading={busy} onClick={() => void run(() => call(api.POST('/api/v1/me/notifications/read-all')).then(reload))}>
            {t('inbox.markAllRead')}
          </Button>
        }
      />
      <Segmented<'all' | 'unread'>
        style={{ marginBottom: 12 }}
        value={only}
        onChange={(v) => setOnly(v)}
        options={[
          { value: 'all', label: t('inbox.all') },
          { value: 'unread', label: t('inbox.unread') },
        ]}
      />
      <Card>
        <Loaded state={inbox}>
          {(page) =>
            page.items.length === 0 ? (
              <Empty description={t('inbox.empty')} />
            ) : (
              <List
                dataSource={page.items}
                renderItem={(n) => {
                  const route = notificationRoute(n.link);
                  return (
                    <List.Item
                      key={n.id}
                      data-notification={n.id}
                      actions={[
                        route ? (
                          <Button
                            key="open"
                            type="link"
                            onClick={() => void (n.readAt ? Promise.resolve() : markRead(n.id).catch(() => undefined)).then(() => navigate(route))}
                          >
                            {t('inbox.openLink')}
                          </Button>
                        ) : null,
                        n.readAt ? null : (
                          <Button key="read" type="link" onClick={() => void run(() => markRead(n.id).then(reload))}>
                            {t('inbox.markRead')}
                          </Button>
                        ),
                      ].filter(Boolean)}
                    >
                      <List.Item.Meta
                        title={
                          <Flex gap={6} align="center" wrap>
                            {n.readAt ? null : <Tag color="red">{t('inbox.unread')}</Tag>}
                            <span style={{ fontWeight: n.readAt ? 400 : 600 }}>{messagePart(n.title, i18n.language)}</span>
                          </Flex>
                        }
                        description={
                          <>
                            <div>{messagePart(n.body, i18n.language)}</div>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {formatDateTime(n.createdAt, i18n.language)}
                            </Typography.Text>
                          </>
                        }
                      />
                    </List.Item>
                  );
                }}
              />
            )
          }
        </Loaded>
      </Card>
    </>
  );
}

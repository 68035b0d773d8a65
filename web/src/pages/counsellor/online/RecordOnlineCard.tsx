import { Button, Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api, call } from '../../../api/client';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../components/dates';
import { useAction } from '../../../components/useAction';

/** The 线上疏导 part of a worker's record: the conversations, and starting one (needs the worker's consent). */
export function RecordOnlineCard({
  workerId,
  items,
}: {
  workerId: string;
  items: Schemas['OnlineCounsellingHistoryItemDto'][];
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [run, busy] = useAction();
  const start = () =>
    void run(async () => {
      const opened = await call(api.POST('/api/v1/online-counselling/conversations', { body: { workerId } }));
      navigate(`/staff/online-counselling/${opened.id}`);
    });
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('online.nav.staff')}</h2>}
      extra={
        <Button onClick={start} loading={busy}>
          {t('online.startWith')}
        </Button>
      }
    >
      {items.length === 0 ? (
        <Typography.Text type="secondary">{t('online.staffNone')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(c) => (
            <List.Item
              actions={[
                <Link key="open" to={`/staff/online-counselling/${c.conversationId}`}>
                  {t('online.open')}
                </Link>,
              ]}
            >
              {formatDateTime(c.lastMessageAt ?? c.openedAt, i18n.language)} · {c.counsellorName ?? ''} ·{' '}
              {c.messageCount}
              {c.crisisFlags ? (
                <Tag color="error" style={{ marginLeft: 8 }}>
                  {t('online.flagsWaiting', { count: c.crisisFlags })}
                </Tag>
              ) : null}
              {c.status === 'closed' ? <Tag style={{ marginLeft: 8 }}>{t('online.closed')}</Tag> : null}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

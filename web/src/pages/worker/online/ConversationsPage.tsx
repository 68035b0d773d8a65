import { Badge, Card, Empty, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { formatDateTime } from '../../../components/dates';
import { Loaded } from '../../../components/Loaded';
import { PageTitle } from '../../../components/PageTitle';

/** 线上疏导: my conversations with my counsellors (an online appointment opens one). */
export default function ConversationsPage() {
  const { t, i18n } = useTranslation();
  const list = useLoad(() => call(api.GET('/api/v1/me/online-counselling/conversations')), []);
  return (
    <>
      <PageTitle title={t('online.nav.worker')} subtitle={t('online.intro')} />
      <Card>
        <Loaded state={list}>
          {(items) =>
            items.length === 0 ? (
              <Empty description={t('online.none')} />
            ) : (
              <List
                dataSource={items}
                renderItem={(c) => (
                  <List.Item
                    actions={[
                      <Link key="open" to={`/me/online-counselling/${c.id}`}>
                        {t('online.open')}
                      </Link>,
                    ]}
                  >
                    <List.Item.Meta
                      title={
                        <Badge
                          count={c.unread}
                          size="small"
                          offset={[8, 0]}
                          title={t('online.unread', { count: c.unread })}
                        >
                          {t('online.with', { name: c.counsellorName ?? t('online.counsellor') })}
                        </Badge>
                      }
                      description={
                        <>
                          {formatDateTime(c.lastMessageAt ?? c.opensAt, i18n.language)}
                          {c.status === 'closed' ? (
                            <Tag style={{ marginLeft: 8 }}>{t('online.closed')}</Tag>
                          ) : null}
                        </>
                      }
                    />
                  </List.Item>
                )}
              />
            )
          }
        </Loaded>
      </Card>
    </>
  );
}

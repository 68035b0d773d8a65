import { Badge, Card, Empty, Flex, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { formatDateTime } from '../../../components/dates';
import { Loaded } from '../../../components/Loaded';
import { PageTitle } from '../../../components/PageTitle';
import { OfficeHoursCard } from './OfficeHoursCard';

/** 线上疏导, the counsellor's list: conversations with unread counts and waiting crisis flags; office hours. */
export default function StaffConversationsPage() {
  const { t, i18n } = useTranslation();
  const list = useLoad(() => call(api.GET('/api/v1/online-counselling/conversations')), []);
  return (
    <>
      <PageTitle title={t('online.nav.staff')} subtitle={t('online.staffIntro')} />
      <Flex vertical gap={16}>
        <Card>
          <Loaded state={list}>
            {(items) =>
              items.length === 0 ? (
                <Empty description={t('online.staffNone')} />
              ) : (
                <List
                  dataSource={items}
                  renderItem={(c) => (
                    <List.Item
                      actions={[
                        <Link key="open" to={`/staff/online-counselling/${c.id}`}>
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
                            {t('online.with', { name: c.workerName ?? '' })}
                          </Badge>
                        }
                        description={
                          <>
                            {formatDateTime(c.lastMessageAt ?? c.opensAt, i18n.language)}
                            {c.openCrisisFlags ? (
                              <Tag color="error" style={{ marginLeft: 8 }}>
                                {t('online.flagsWaiting', { count: c.openCrisisFlags })}
                              </Tag>
                            ) : null}
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
        <OfficeHoursCard />
      </Flex>
    </>
  );
}

import { Card, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { formatDateTime } from '../../../components/dates';
import { LinkButton } from '../../../components/LinkButton';
import { Loaded } from '../../../components/Loaded';
import { PageTitle } from '../../../components/PageTitle';
import { pick } from '../../../i18n';
import { NewRequestForm } from './NewRequestForm';

/**
 * 我的诉求 (智慧工会 · 有求必应、有难必帮、有诉必回): ask the union for help online and follow what happens.
 * The newest first; each opens its own page with the replies.
 */
export default function RequestsPage() {
  const { t, i18n } = useTranslation();
  const requests = useLoad(() => call(api.GET('/api/v1/me/requests')), []);
  const lang = i18n.language;
  return (
    <>
      <PageTitle title={t('nav.worker.requests')} subtitle={t('requests.intro')} />
      <Flex vertical gap={16}>
        <NewRequestForm onSent={requests.reload} />
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('requests.mine')}</h2>}>
          <Loaded state={requests}>
            {(items) => (
              <List
                dataSource={[...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt))}
                locale={{ emptyText: t('requests.none') }}
                renderItem={(r) => (
                  <List.Item
                    actions={[
                      <LinkButton
                        key="open"
                        to={`/me/requests/${r.id}`}
                        aria-label={t('requests.openNamed', { reference: r.reference })}
                      >
                        {t('common.view')}
                      </LinkButton>,
                    ]}
                  >
                    <List.Item.Meta
                      title={
                        <Flex gap={8} wrap align="center">
                          <span>{pick(r.categoryLabel, lang)}</span>
                          <Tag
                            color={
                              r.status === 'resolved' || r.status === 'closed' ? 'success' : 'processing'
                            }
                          >
                            {pick(r.statusLabel, lang)}
                          </Tag>
                          {r.replied ? <Tag color="blue">{t('requests.replied')}</Tag> : null}
                        </Flex>
                      }
                      description={
                        <Typography.Text type="secondary">
                          {r.reference} · {formatDateTime(r.createdAt, lang)}
                        </Typography.Text>
                      }
                    />
                  </List.Item>
                )}
              />
            )}
          </Loaded>
        </Card>
      </Flex>
    </>
  );
}

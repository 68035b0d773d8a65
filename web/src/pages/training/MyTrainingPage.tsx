import { Card, Flex, List, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import { formatDate, formatDateTime } from '../../components/dates';
import { Loaded } from '../../components/Loaded';
import { PageTitle } from '../../components/PageTitle';
import { useTrainingLabels } from './labels';

/** 我的培训: this year's continuing-education hours, sessions, scores and certificates; the open courses. */
export default function MyTrainingPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { label } = useTrainingLabels(lang);
  const mine = useLoad(() => call(api.GET('/api/v1/me/training')), []);
  const courses = useLoad(() => call(api.GET('/api/v1/training/courses')), []);
  const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;
  return (
    <>
      <PageTitle title={t('training.nav.mine')} subtitle={t('training.mineIntro')} />
      <Loaded state={mine}>
        {(m) => (
          <Flex vertical gap={16}>
            <Statistic title={t('training.myHours', { year: m.year })} value={m.ceHours} />
            <Card title={h2(t('training.mySessions'))}>
              <List
                dataSource={m.sessions}
                locale={{
                  emptyText: <Typography.Text type="secondary">{t('training.noSessions')}</Typography.Text>,
                }}
                renderItem={(s) => (
                  <List.Item>
                    <List.Item.Meta
                      title={`${s.courseTitle} · ${s.title}`}
                      description={`${formatDateTime(s.startsAt, lang)} · ${s.present ? t('training.attended', { hours: s.ceHours }) : t('training.missed')}`}
                    />
                  </List.Item>
                )}
              />
            </Card>
            <Card title={h2(t('training.myCerts'))}>
              <List
                dataSource={m.certifications}
                locale={{
                  emptyText: <Typography.Text type="secondary">{t('training.cert.none')}</Typography.Text>,
                }}
                renderItem={(c) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        <>
                          {label(c.type)} <Tag>{t(`training.cert.state.${c.state}`)}</Tag>
                        </>
                      }
                      description={t('training.validUntil', { date: formatDate(c.expiresAt, lang) })}
                    />
                  </List.Item>
                )}
              />
            </Card>
            <Card title={h2(t('training.courses'))}>
              <Loaded state={courses}>
                {(list) => (
                  <List
                    dataSource={list}
                    locale={{
                      emptyText: (
                        <Typography.Text type="secondary">{t('training.course.none')}</Typography.Text>
                      ),
                    }}
                    renderItem={(c) => (
                      <List.Item>
                        <List.Item.Meta
                          title={c.title}
                          description={`${label(c.topic)} · ${t('training.sessionsCount', { count: c.sessions.length })}`}
                        />
                      </List.Item>
                    )}
                  />
                )}
              </Loaded>
            </Card>
          </Flex>
        )}
      </Loaded>
    </>
  );
}

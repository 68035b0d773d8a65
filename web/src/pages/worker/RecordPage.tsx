import { Card, Col, Descriptions, Empty, Flex, List, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import { formatDate } from '../../components/dates';
import { LinkButton } from '../../components/LinkButton';
import { Loaded } from '../../components/Loaded';
import { PageTitle } from '../../components/PageTitle';
import { TrendChart } from '../../components/TrendChart';
import { pick } from '../../i18n';

/** 心理档案 in the worker's own words: a trend per questionnaire, then counselling, groups and learning. */
export default function RecordPage() {
  const { t, i18n } = useTranslation();
  const record = useLoad(() => call(api.GET('/api/v1/me/record')), []);
  const lang = i18n.language;

  return (
    <>
      <PageTitle title={t('nav.worker.record')} subtitle={t('worker.record.intro')} />
      <Loaded state={record}>
        {(data) => (
          <Flex vertical gap={16}>
            {data.assessments.length === 0 ? (
              <Card>
                <Empty description={t('worker.record.noResults')}>
                  <LinkButton type="primary" to="/me/assessments">
                    {t('worker.record.takeOne')}
                  </LinkButton>
                </Empty>
              </Card>
            ) : null}
            {data.assessments.map((instrument) => {
              const latest = instrument.results[instrument.results.length - 1];
              const name = pick(instrument.name, lang);
              return (
                <Card
                  key={instrument.instrumentCode}
                  title={<h2 style={{ fontSize: 16, margin: 0 }}>{name}</h2>}
                >
                  {latest ? (
                    <>
                      <Typography.Paragraph style={{ fontSize: 15 }}>
                        <strong>{t('worker.record.latest', { date: formatDate(latest.at, lang) })}</strong>{' '}
                        {pick(latest.summary, lang)}
                      </Typography.Paragraph>
                      {latest.change !== null ? (
                        <Typography.Paragraph type="secondary">
                          {pick(latest.changeSummary, lang)}
                        </Typography.Paragraph>
                      ) : null}
                    </>
                  ) : null}
                  {instrument.results.length > 1 ? (
                    <TrendChart
                      label={name}
                      points={instrument.results.map((r) => ({
                        at: r.at,
                        value: r.percentScore ?? r.totalScore,
                      }))}
                    />
                  ) : (
                    <Typography.Paragraph type="secondary">
                      {t('worker.record.oneResult')}
                    </Typography.Paragraph>
                  )}
                </Card>
              );
            })}
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('nav.worker.counselling')}</h2>}>
              <Row gutter={[12, 12]}>
                <Col xs={8}>
                  <Statistic
                    title={t('worker.record.sessionsAttended')}
                    value={data.counselling.summary.attended}
                  />
                </Col>
                <Col xs={8}>
                  <Statistic
                    title={t('worker.record.sessionsBooked')}
                    value={data.counselling.summary.booked}
                  />
                </Col>
                <Col xs={8}>
                  <Statistic
                    title={t('worker.record.sessionsCancelled')}
                    value={data.counselling.summary.cancelled}
                  />
                </Col>
              </Row>
            </Card>
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('nav.worker.groups')}</h2>}>
              {data.groups.length === 0 ? (
                <Typography.Text type="secondary">{t('worker.record.noGroups')}</Typography.Text>
              ) : (
                <List
                  dataSource={data.groups}
                  renderItem={(g) => (
                    <List.Item>
                      {g.name} <Tag>{t(`membership.${g.status}`)}</Tag>
                      {t('worker.record.meetingsAttended', { count: g.meetingsAttended })}
                    </List.Item>
                  )}
                />
              )}
            </Card>
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('nav.worker.learning')}</h2>}>
              {data.learning.courses.length + data.learning.events.length === 0 ? (
                <Typography.Text type="secondary">{t('worker.record.noLearning')}</Typography.Text>
              ) : (
                <Descriptions column={1} size="small">
                  {data.learning.courses.map((c) => (
                    <Descriptions.Item key={c.courseId} label={c.title}>
                      {c.status === 'completed'
                        ? t('worker.learning.completed')
                        : t('worker.learning.progress', { done: c.lessonsCompleted, total: c.lessonsTotal })}
                    </Descriptions.Item>
                  ))}
                  {data.learning.events.map((e) => (
                    <Descriptions.Item key={e.eventId} label={e.title}>
                      {formatDate(e.startsAt, lang)} · {t(`registration.${e.status}`)}
                    </Descriptions.Item>
                  ))}
                </Descriptions>
              )}
            </Card>
          </Flex>
        )}
      </Loaded>
    </>
  );
}

import { Card, Col, Descriptions, Empty, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { formatDate, formatDateTime } from '../../components/dates';
import { Loaded } from '../../components/Loaded';
import { PageTitle } from '../../components/PageTitle';
import { RecordOnlineCard } from './online/RecordOnlineCard';
import { TrendChart } from '../../components/TrendChart';
import { useOrgUnits } from '../../components/orgUnits';
import { pick } from '../../i18n';
import { IndividualCard } from './cases/IndividualCard';
import { ConsentsCard } from './consents/ConsentsCard';
import { PaperAssessmentCard } from './PaperAssessmentCard';
import { WorkerPopulationDetail } from './face/WorkerPopulationDetail';

type Record = Schemas['WorkerRecordDto'];

const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

function Assessments({ record }: { record: Record }) {
  const { t, i18n } = useTranslation();
  if (record.assessments.length === 0)
    return (
      <Card title={h2(t('staff.record.assessments'))}>
        <Empty description={t('staff.record.noResults')} />
      </Card>
    );
  return (
    <Row gutter={[16, 16]}>
      {record.assessments.map((instrument) => {
        const name = pick(instrument.name, i18n.language);
        const latest = instrument.results[instrument.results.length - 1];
        return (
          <Col key={instrument.instrumentCode} xs={24} xl={12}>
            <Card title={h2(name)}>
              <TrendChart
                label={name}
                points={instrument.results.map((r) => ({
                  at: r.at,
                  value: r.percentScore ?? r.totalScore,
                  flagged: r.crisis,
                }))}
              />
              {instrument.subscales.map((subscale) => (
                <TrendChart
                  key={subscale.code}
                  label={`${name} · ${pick(subscale.name, i18n.language)}`}
                  points={instrument.results
                    .filter((r) => r.subscales?.[subscale.code] !== undefined)
                    .map((r) => ({ at: r.at, value: r.subscales![subscale.code], flagged: r.crisis }))}
                />
              ))}
              {latest ? (
                <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
                  {t('staff.record.latest', { date: formatDate(latest.at, i18n.language) })}{' '}
                  {pick(latest.bandLabel, i18n.language)}
                  {latest.crisis ? (
                    <Tag color="error" style={{ marginInlineStart: 8 }}>
                      {t('staff.record.crisis')}
                    </Tag>
                  ) : null}
                  {latest.reliableChange ? (
                    <Tag color={latest.direction === 'worsened' ? 'warning' : 'success'}>
                      {t(`direction.${latest.direction}`)}
                    </Tag>
                  ) : null}
                </Typography.Paragraph>
              ) : null}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

/**
 * One worker's 心理档案 on one page: results over time (crisis results in red), counselling, groups, learning and
 * consents,
 * with the individual tier's cases and referrals at the top. Reading it is audited by the server.
 */
export default function WorkerRecordPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const record = useLoad(
    () => call(api.GET('/api/v1/workers/{id}/record', { params: { path: { id } } })),
    [id],
  );
  const units = useOrgUnits();
  const lang = i18n.language;

  return (
    <>
      <PageTitle
        title={
          record.data ? t('staff.record.title', { name: record.data.worker.name }) : t('nav.staff.workers')
        }
        subtitle={record.data ? units.names.get(record.data.worker.orgUnitId) : undefined}
      />
      <Loaded state={record}>
        {(data) => (
          <Flex vertical gap={16}>
            <IndividualCard workerId={data.worker.id} individual={data.individual} />
            <Assessments record={data} />
            <PaperAssessmentCard workerId={data.worker.id} onEntered={record.reload} />
            <Card title={h2(t('staff.record.counselling'))}>
              <Row gutter={16} style={{ marginBottom: 12 }}>
                {(['booked', 'attended', 'noShow', 'cancelled'] as const).map((key) => (
                  <Col key={key} xs={12} md={6}>
                    <Statistic
                      title={t(`staff.record.summary.${key}`)}
                      value={data.counselling.summary[key]}
                    />
                  </Col>
                ))}
              </Row>
              <Table
                size="small"
                rowKey="appointmentId"
                pagination={false}
                scroll={{ x: 640 }}
                dataSource={data.counselling.appointments}
                columns={[
                  {
                    title: t('staff.calendar.when'),
                    key: 'when',
                    render: (_, a) => formatDateTime(a.startsAt, lang),
                  },
                  { title: t('staff.calendar.counsellor'), dataIndex: 'counsellorName' },
                  {
                    title: t('staff.calendar.status'),
                    key: 'status',
                    render: (_, a) => t(`appointment.${a.status}`),
                  },
                  {
                    title: t('staff.calendar.concerns'),
                    key: 'concerns',
                    render: (_, a) =>
                      (a.session?.concerns ?? []).map((c) => (
                        <Tag key={c.code}>{lang.startsWith('zh') ? c.zh : c.en}</Tag>
                      )),
                  },
                ]}
              />
            </Card>
            <RecordOnlineCard workerId={data.worker.id} items={data.onlineCounselling} />
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={12}>
                <Card title={h2(t('staff.record.groups'))} style={{ height: '100%' }}>
                  {data.groups.length === 0 ? (
                    <Typography.Text type="secondary">{t('staff.record.none')}</Typography.Text>
                  ) : (
                    <Descriptions column={1} size="small">
                      {data.groups.map((g) => (
                        <Descriptions.Item key={g.groupId} label={g.name}>
                          {t(`membership.${g.status}`)} ·{' '}
                          {t('worker.record.meetingsAttended', { count: g.meetingsAttended })}
                        </Descriptions.Item>
                      ))}
                    </Descriptions>
                  )}
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card title={h2(t('staff.record.learning'))} style={{ height: '100%' }}>
                  {data.learning.courses.length + data.learning.events.length === 0 ? (
                    <Typography.Text type="secondary">{t('staff.record.none')}</Typography.Text>
                  ) : (
                    <Descriptions column={1} size="small">
                      {data.learning.courses.map((c) => (
                        <Descriptions.Item key={c.courseId} label={c.title}>
                          {c.status === 'completed'
                            ? t('worker.learning.completed')
                            : t('worker.learning.progress', {
                                done: c.lessonsCompleted,
                                total: c.lessonsTotal,
                              })}
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
              </Col>
            </Row>
            <WorkerPopulationDetail workerId={data.worker.id} />
            <ConsentsCard workerId={data.worker.id} />
            <Typography.Paragraph type="secondary">
              {t('staff.record.generated', { at: formatDateTime(data.generatedAt, lang) })}
            </Typography.Paragraph>
          </Flex>
        )}
      </Loaded>
    </>
  );
}

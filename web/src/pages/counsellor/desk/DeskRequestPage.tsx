import { Alert, Card, Col, Descriptions, Flex, Row, Tag, Timeline, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { usePush, type PushEvent } from '../../../api/push';
import { formatDateTime } from '../../../components/dates';
import { DueTag } from '../../../components/DueTag';
import { Loaded } from '../../../components/Loaded';
import { PageTitle } from '../../../components/PageTitle';
import { useNow } from '../../../components/useNow';
import { useOrgUnits } from '../../../components/orgUnits';
import { pick } from '../../../i18n';
import { WorkerContactCard } from '../cases/ContactCard';
import { DeskActions } from './DeskActions';
import { LinkCallerCard, TriageCard } from './TriageCard';

/**
 * One service-desk request with its whole trail (audited): what the worker asked, the deadlines, and the actions
 * the server allows now (acknowledge, reply, note, forward 转办, accept or return a forward, resolve, close), triage of
 * an open request and linking an anonymous caller to a worker profile. A step someone else takes shows at once
 * (server push).
 */
export default function DeskRequestPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const request = useLoad(
    () => call(api.GET('/api/v1/desk/requests/{id}', { params: { path: { id } } })),
    [id],
  );
  const reload = request.reload;
  usePush(
    ['desk_request'],
    useCallback((event: PushEvent) => (event.id === id ? reload() : undefined), [id, reload]),
  );
  const units = useOrgUnits();
  const now = useNow();
  const lang = i18n.language;
  const unit = (unitId: string | null) => (unitId ? (units.names.get(unitId) ?? '') : '');
  return (
    <>
      <PageTitle
        title={
          request.data ? t('desk.requestTitle', { reference: request.data.reference }) : t('nav.staff.desk')
        }
      />
      <Loaded state={request}>
        {(r) => (
          <Flex vertical gap={16}>
            {r.crisis ? (
              <Alert
                type="error"
                showIcon
                title={t('desk.crisisAlert')}
                description={
                  r.crisisCaseId ? (
                    <Link to={`/staff/cases/${r.crisisCaseId}`}>{t('desk.openCase')}</Link>
                  ) : undefined
                }
              />
            ) : null}
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={14}>
                <Card style={{ height: '100%' }}>
                  <Flex gap={8} wrap style={{ marginBottom: 12 }}>
                    <Tag>{t(`deskStatus.${r.status}`)}</Tag>
                    <Tag>{pick(r.categoryLabel, lang)}</Tag>
                    {r.urgency !== 'normal' ? (
                      <Tag color="warning">{t(`deskUrgency.${r.urgency}`)}</Tag>
                    ) : null}
                    {r.nextDueAt ? <DueTag dueAt={r.nextDueAt} now={now} overdue={r.overdue} /> : null}
                    {r.supervisionLevel > 0 ? (
                      <Tag color="purple">{t('desk.supervised', { level: r.supervisionLevel })}</Tag>
                    ) : null}
                  </Flex>
                  <Descriptions size="small" column={1}>
                    <Descriptions.Item label={t('desk.summary')}>
                      <span style={{ whiteSpace: 'pre-wrap' }}>{r.summary}</span>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('desk.channel')}>
                      {t(`deskChannel.${r.channel}`)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('desk.caller')}>
                      {r.workerId ? (
                        <Link to={`/staff/workers/${r.workerId}`}>
                          {r.callerName ?? t('desk.workerRecord')}
                        </Link>
                      ) : (
                        (r.callerName ?? t('desk.anonymous'))
                      )}
                      {r.callbackNumber ? (
                        <>
                          {' · '}
                          <a href={`tel:${r.callbackNumber}`}>{r.callbackNumber}</a>
                        </>
                      ) : null}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('desk.unit')}>{unit(r.handlingUnitId)}</Descriptions.Item>
                    <Descriptions.Item label={t('desk.createdAt')}>
                      {formatDateTime(r.createdAt, lang)}
                    </Descriptions.Item>
                    {r.resolution ? (
                      <Descriptions.Item label={t('desk.resolution')}>{r.resolution}</Descriptions.Item>
                    ) : null}
                    {r.satisfaction ? (
                      <Descriptions.Item label={t('desk.satisfaction')}>
                        {t('requests.stars', { count: r.satisfaction })}
                        {r.feedbackComment ? ` · ${r.feedbackComment}` : ''}
                      </Descriptions.Item>
                    ) : null}
                  </Descriptions>
                </Card>
              </Col>
              <Col xs={24} xl={10}>
                <Flex vertical gap={16}>
                  {r.contact ? <WorkerContactCard contact={r.contact} callbacks={r.callbackNumber ? [r.callbackNumber] : []} /> : null}
                  <DeskActions request={r} onChanged={request.reload} />
                  {r.status !== 'resolved' && r.status !== 'closed' ? (
                    <TriageCard request={r} onChanged={request.reload} />
                  ) : null}
                  {r.workerId ? null : <LinkCallerCard request={r} onChanged={request.reload} />}
                </Flex>
              </Col>
            </Row>
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('desk.trail')}</h2>}>
              <Timeline
                items={r.trail.map((e) => ({
                  key: e.seq,
                  color:
                    e.kind === 'escalated' || e.kind === 'supervised' ? 'red' : e.toWorker ? 'blue' : 'gray',
                  content: (
                    <>
                      <Typography.Text strong>{t(`deskKind.${e.kind}`)}</Typography.Text>
                      {e.toWorker ? <Tag style={{ marginInlineStart: 8 }}>{t('desk.toWorker')}</Tag> : null}
                      {e.toUnitId ? <span> → {unit(e.toUnitId)}</span> : null}
                      {e.text ? <div style={{ whiteSpace: 'pre-wrap' }}>{e.text}</div> : null}
                      <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.65)' }}>
                        {formatDateTime(e.at, lang)}
                      </div>
                    </>
                  ),
                }))}
              />
            </Card>
          </Flex>
        )}
      </Loaded>
    </>
  );
}

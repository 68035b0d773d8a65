import { Alert, Card, Col, Descriptions, Flex, Row, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { usePush, type PushEvent } from '../../../api/push';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../components/dates';
import { DueTag } from '../../../components/DueTag';
import { Loaded } from '../../../components/Loaded';
import { PageTitle } from '../../../components/PageTitle';
import { useNow } from '../../../components/useNow';
import { AssigneeName } from './AssigneeName';
import { CaseActions } from './CaseActions';
import { CaseSupervision } from './CaseSupervision';
import { ContactCard } from './ContactCard';
import { HistoryCard } from './HistoryCard';
import { NotesCard } from './NotesCard';
import { ReferralsCard } from './ReferralsCard';
import { RiskAssessmentCard } from './RiskAssessmentCard';
import { SafetyPlanCard } from './SafetyPlanCard';
import { WhyCard } from './WhyCard';
import { LevelTag, StateTag } from './labels';

/** The API types the record's and the case's current plan as a plain object; it is a SafetyPlanDto or null. */
export type SafetyPlan = Schemas['SafetyPlanDto'];

/**
 * One crisis case (点 · 心理危机的评估与援助): who and how urgent, the deadline, the next allowed steps, notes, the
 * structured risk assessment, the Stanley–Brown safety plan, referrals with their follow-ups, and the history.
 * Reading it is audited by the server.
 */
export default function CasePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const now = useNow();
  const detail = useLoad(
    () => call(api.GET('/api/v1/crisis-cases/{id}', { params: { path: { id } } })),
    [id],
  );
  const lang = i18n.language;
  // Someone else acknowledged, reassigned, raised the level or a source joined: show it without a reload.
  const reload = detail.reload;
  usePush(
    ['crisis_case'],
    useCallback((event: PushEvent) => (event.id === id ? reload() : undefined), [id, reload]),
  );

  return (
    <>
      <PageTitle
        title={detail.data ? t('case.title', { name: detail.data.case.workerName }) : t('nav.staff.crisis')}
      />
      <Loaded state={detail}>
        {(data) => {
          const c = data.case;
          const workable = c.state !== 'open' && c.state !== 'closed';
          return (
            <Flex vertical gap={16}>
              {data.breakGlassGrantId ? <Alert type="warning" showIcon title={t('case.breakGlass')} /> : null}
              <Card>
                <Flex gap={8} wrap style={{ marginBottom: 12 }}>
                  <LevelTag level={c.level} />
                  <StateTag state={c.state} />
                  {c.state === 'open' ? <DueTag dueAt={c.dueAt} now={now} overdue={c.overdue} /> : null}
                </Flex>
                <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                  <Descriptions.Item label={t('cases.worker')}>
                    <Link to={`/staff/workers/${c.workerId}`}>{c.workerName}</Link>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('case.source')}>
                    {t(`caseSource.${c.source.type}`)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('case.openedAt')}>
                    {formatDateTime(c.openedAt, lang)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('case.dueAt')}>
                    {formatDateTime(c.dueAt, lang)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('cases.assignee')}>
                    <AssigneeName id={c.assigneeId} name={c.assigneeName} />
                  </Descriptions.Item>
                  {c.acknowledgedAt ? (
                    <Descriptions.Item label={t('case.acknowledgedAt')}>
                      {formatDateTime(c.acknowledgedAt, lang)}
                    </Descriptions.Item>
                  ) : null}
                  {c.summary ? (
                    <Descriptions.Item label={t('case.summary')} span={2}>
                      {c.summary}
                    </Descriptions.Item>
                  ) : null}
                </Descriptions>
                <CaseActions item={c} onChanged={detail.reload} />
                <CaseSupervision item={c} onChanged={detail.reload} />
              </Card>
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={12}>
                  <ContactCard
                    caseId={c.id}
                    contact={data.contact}
                    callbacks={data.triggers.map((x) => x.callbackPhone).filter((n): n is string => Boolean(n))}
                    note={c.contactNote}
                    onSaved={detail.reload}
                  />
                </Col>
                <Col xs={24} xl={12}>
                  <WhyCard triggers={data.triggers} fallback={c.why} />
                </Col>
              </Row>
              {!workable && c.state === 'open' ? (
                <Typography.Paragraph type="secondary">{t('case.ackFirst')}</Typography.Paragraph>
              ) : null}
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={12}>
                  <RiskAssessmentCard
                    caseId={c.id}
                    items={data.riskAssessments}
                    workable={workable}
                    onSaved={detail.reload}
                  />
                </Col>
                <Col xs={24} xl={12}>
                  <SafetyPlanCard
                    caseId={c.id}
                    plan={data.safetyPlan as SafetyPlan | null}
                    workable={workable}
                    onSaved={detail.reload}
                  />
                </Col>
              </Row>
              <ReferralsCard
                caseId={c.id}
                workerId={c.workerId}
                closed={c.state === 'closed'}
                onChanged={detail.reload}
              />
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={12}>
                  <NotesCard caseId={c.id} notes={data.notes} onAdded={detail.reload} />
                </Col>
                <Col xs={24} xl={12}>
                  <HistoryCard history={data.history} />
                </Col>
              </Row>
            </Flex>
          );
        }}
      </Loaded>
    </>
  );
}

import { AlertOutlined, CheckOutlined, ReloadOutlined, SoundOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import { usePush, usePushLive, type PushEvent } from '../../api/push';
import { desktopNotify, enableAlerts, notificationsAllowed, playAlarm } from '../../components/crisisAlert';
import type { Schemas } from '../../api/types';
import { formatDateTime } from '../../components/dates';
import { DueTag } from '../../components/DueTag';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageTitle } from '../../components/PageTitle';
import { useAction } from '../../components/useAction';
import { useEvery, useNow } from '../../components/useNow';
import { useOrgUnits } from '../../components/orgUnits';
import { AssigneeName } from './cases/AssigneeName';
import { OnDutyLine } from './OnDutyLine';
import { whyLine } from './cases/WhyCard';
import { CASE_LEVELS, CASE_STATES, LevelTag, StateTag, type CaseLevel, type CaseState } from './cases/labels';
import { countdown } from './deadlines';

type QueueItem = Schemas['CaseQueueItemDto'];
type Who = 'all' | 'me' | 'unassigned';

/**
 * 危机个案 queue (点 · 心理危机的评估与援助): the crisis cases of workers in the counsellor's scope in the server's
 * order (unacknowledged first: imminent, urgent, concern, each by deadline; then the rest), counting down; overdue ones are red and counted at the top, with overdue referral
 * follow-ups. Filters by state, level and assignee. Live: the server pushes every new or changed case in scope and the
 * queue reloads at once (an imminent unacknowledged one sounds an alarm and raises a desktop notification); it still
 * reloads every minute as a safety net.
 */
export default function CrisisQueuePage() {
  const { t, i18n } = useTranslation();
  const [states, setStates] = useState<CaseState[]>([]);
  const [levels, setLevels] = useState<CaseLevel[]>([]);
  const [who, setWho] = useState<Who>('all');
  const cases = useLoad(
    () =>
      call(
        api.GET('/api/v1/crisis-cases', {
          params: {
            query: {
              pageSize: 100,
              ...(states.length ? { state: states } : {}),
              ...(levels.length ? { level: levels } : {}),
              ...(who !== 'all' ? { assignee: who } : {}),
            },
          },
        }),
      ),
    [states.join(), levels.join(), who],
  );
  const units = useOrgUnits();
  const now = useNow();
  const [run, busy] = useAction();
  useEvery(cases.reload);
  const navigate = useNavigate();
  const live = usePushLive();
  const [arrived, setArrived] = useState<string | null>(null);
  const [alerts, setAlerts] = useState(notificationsAllowed());
  const reload = cases.reload;
  // Server push: any case in scope opened or changed reloads the queue; an imminent one nobody has acknowledged yet
  // sounds the alarm and raises a desktop notification.
  usePush(
    ['crisis_case'],
    useCallback(
      (event: PushEvent) => {
        reload();
        if (event.data.level === 'imminent' && event.data.state === 'open' && ['opened', 'joined', 'level'].includes(event.change)) {
          setArrived(event.id);
          playAlarm();
          desktopNotify(t('inbox.newCaseAlert', { level: t('caseLevel.imminent') }), t('inbox.newCaseAlertBody'), () => void navigate(`/staff/cases/${event.id}`));
        }
      },
      [reload, navigate, t],
    ),
  );

  const items = cases.data?.items ?? [];
  const arrival = arrived ? items.find((c) => c.id === arrived) : undefined;
  const late = (c: QueueItem) => c.state === 'open' && countdown(c.dueAt, now, c.overdue).overdue;
  const overdue = items.filter(late);
  const followUps = cases.data?.overdueFollowUps ?? [];
  const acknowledge = (c: QueueItem) =>
    void run(
      () => call(api.POST('/api/v1/crisis-cases/{id}/acknowledge', { params: { path: { id: c.id } } })),
      t('cases.acknowledged', { name: c.workerName }),
    ).then((ok) => ok && cases.reload());

  return (
    <>
      <PageTitle
        title={t('nav.staff.crisis')}
        subtitle={t('cases.intro')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={cases.reload} loading={cases.loading}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }} role="search">
        <Select<CaseState[]>
          mode="multiple"
          allowClear
          aria-label={t('cases.filterState')}
          placeholder={t('cases.filterStateAll')}
          style={{ minWidth: 220 }}
          value={states}
          onChange={setStates}
          options={CASE_STATES.map((s) => ({ value: s, label: t(`caseState.${s}`) }))}
        />
        <Select<CaseLevel[]>
          mode="multiple"
          allowClear
          aria-label={t('cases.filterLevel')}
          placeholder={t('cases.filterLevelAll')}
          style={{ minWidth: 180 }}
          value={levels}
          onChange={setLevels}
          options={CASE_LEVELS.map((l) => ({ value: l, label: t(`caseLevel.${l}`) }))}
        />
        <Select<Who>
          aria-label={t('cases.filterWho')}
          style={{ minWidth: 160 }}
          value={who}
          onChange={setWho}
          options={(['all', 'me', 'unassigned'] as const).map((w) => ({
            value: w,
            label: t(`cases.who.${w}`),
          }))}
        />
      </Flex>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <Tag color={live ? 'success' : 'default'} role="status">
          {live ? t('inbox.live') : t('inbox.offline')}
        </Tag>
        <OnDutyLine unitNames={units.names} />
        {alerts ? (
          <Tag color="blue">{t('inbox.alertsOn')}</Tag>
        ) : (
          <Button size="small" icon={<SoundOutlined />} onClick={() => void enableAlerts().then(setAlerts)}>
            {t('inbox.enableAlerts')}
          </Button>
        )}
      </Flex>
      {arrival ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          closable
          onClose={() => setArrived(null)}
          style={{ marginBottom: 16, fontSize: 16 }}
          title={t('inbox.newCase', { name: arrival.workerName, level: t(`caseLevel.${arrival.level}`) })}
          action={<Link to={`/staff/cases/${arrival.id}`}>{t('cases.open')}</Link>}
        />
      ) : null}
      {overdue.length > 0 ? (
        <Alert
          type="error"
          showIcon
          icon={<AlertOutlined />}
          role="alert"
          style={{ marginBottom: 16, fontSize: 16 }}
          title={t('cases.overdueCount', { count: overdue.length })}
          description={t('cases.overdueHint')}
        />
      ) : null}
      {followUps.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('cases.followUpsOverdue', { count: followUps.length })}
          description={
            <Flex gap={8} wrap>
              {followUps.slice(0, 10).map((f) => (
                <Link key={f.id} to={`/staff/referrals/${f.referralId}`}>
                  {t('cases.followUpDue', { date: formatDateTime(f.dueAt, i18n.language) })}
                </Link>
              ))}
            </Flex>
          }
        />
      ) : null}
      {cases.error ? <ErrorNotice error={cases.error} onRetry={cases.reload} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<QueueItem>
          rowKey="id"
          loading={cases.loading && !cases.data}
          dataSource={items}
          pagination={false}
          scroll={{ x: 960 }}
          rowClassName={(c) => [late(c) ? 'row-overdue' : '', c.id === arrived ? 'row-new' : ''].join(' ').trim()}
          locale={{ emptyText: t('cases.empty') }}
          columns={[
            {
              title: t('cases.worker'),
              key: 'worker',
              render: (_, c) => (
                <>
                  <Link to={`/staff/cases/${c.id}`} aria-label={t('cases.openNamed', { name: c.workerName })}>
                    {c.workerName}
                  </Link>
                  <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.65)' }}>
                    {units.names.get(c.orgUnitId) ?? ''}
                  </div>
                </>
              ),
            },
            {
              title: t('cases.levelState'),
              key: 'level',
              render: (_, c) => (
                <Flex gap={4} wrap>
                  <LevelTag level={c.level} />
                  <StateTag state={c.state} />
                  {c.escalationStep > 0 ? (
                    <Tag color="warning">{t('cases.escalated', { step: c.escalationStep })}</Tag>
                  ) : null}
                </Flex>
              ),
            },
            {
              title: t('cases.source'),
              key: 'source',
              render: (_, c) => (
                <>
                  <div>{t(`caseSource.${c.source.type}`)}</div>
                  {c.why ? <div style={{ fontSize: 13 }}>{whyLine(c.why, t, i18n.language)}</div> : null}
                  {c.joinedCount > 0 ? (
                    <Tag color="purple">{t('why.joinedCount', { count: c.joinedCount })}</Tag>
                  ) : null}
                  <div style={{ fontSize: 13 }}>{formatDateTime(c.openedAt, i18n.language)}</div>
                </>
              ),
            },
            {
              title: t('cases.deadline'),
              key: 'deadline',
              render: (_, c) =>
                c.state === 'open' ? (
                  <>
                    <DueTag dueAt={c.dueAt} now={now} overdue={c.overdue} />
                    <div style={{ fontSize: 13 }}>{formatDateTime(c.dueAt, i18n.language)}</div>
                  </>
                ) : (
                  <>
                    <Tag color="success">{t('cases.seen')}</Tag>
                    <div style={{ fontSize: 13 }}>{formatDateTime(c.acknowledgedAt, i18n.language)}</div>
                  </>
                ),
            },
            {
              title: t('cases.assignee'),
              key: 'assignee',
              render: (_, c) => <AssigneeName id={c.assigneeId} name={c.assigneeName} />,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, c) =>
                c.state === 'open' ? (
                  <Button
                    type="primary"
                    icon={<CheckOutlined />}
                    disabled={busy}
                    onClick={() => acknowledge(c)}
                    aria-label={t('cases.acknowledgeNamed', { name: c.workerName })}
                  >
                    {t('cases.acknowledge')}
                  </Button>
                ) : (
                  <Link to={`/staff/cases/${c.id}`}>{t('cases.open')}</Link>
                ),
            },
          ]}
        />
      </Card>
      {cases.data?.hasMore ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('cases.more')}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}

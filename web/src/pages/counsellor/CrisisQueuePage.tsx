import { AlertOutlined, CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { formatDateTime } from '../../components/dates';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageTitle } from '../../components/PageTitle';
import { useAction } from '../../components/useAction';
import { useOrgUnits } from '../../components/orgUnits';
import { RESPONSE_TARGET_HOURS, deadlineOf, describeReason, formatSpan } from './deadlines';

type RiskAlert = Schemas['RiskAlertDto'];

/** Ticks every 30 s so ages and countdowns move while the page is open. */
function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * 危机预警 queue: crisis results of workers in the counsellor's scope, oldest unacknowledged first, each with its
 * age and the time left to the response target; overdue ones are red and counted at the top. Reloads every minute.
 */
export default function CrisisQueuePage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const alerts = useLoad(
    () =>
      call(
        api.GET('/api/v1/risk-alerts', {
          params: { query: { pageSize: 100, ...(filter === 'open' ? { acknowledged: false } : {}) } },
        }),
      ),
    [filter],
  );
  const units = useOrgUnits();
  const now = useNow();
  const [run, busy] = useAction();
  const { reload } = alerts;
  useEffect(() => {
    const timer = setInterval(reload, 60_000);
    return () => clearInterval(timer);
  }, [reload]);

  const words = { d: t('time.d'), h: t('time.h'), m: t('time.m') };
  const items = [...(alerts.data?.items ?? [])].sort((a, b) =>
    !a.acknowledgedAt === !b.acknowledgedAt
      ? a.occurredAt.localeCompare(b.occurredAt)
      : a.acknowledgedAt
        ? 1
        : -1,
  );
  const overdue = items.filter((a) => !a.acknowledgedAt && deadlineOf(a.occurredAt, now).overdue);
  const acknowledge = (alert: RiskAlert) =>
    void run(
      () =>
        call(api.POST('/api/v1/risk-alerts/{id}/acknowledge', { params: { path: { id: alert.resultId } } })),
      t('staff.crisis.acknowledged', { name: alert.workerName }),
    ).then((ok) => ok && alerts.reload());

  const reasonText = (code: string) => {
    const reason = describeReason(code);
    if (!reason) return code;
    return reason.kind === 'item'
      ? t('staff.crisis.reasonItem', reason)
      : t('staff.crisis.reasonTotal', reason);
  };

  return (
    <>
      <PageTitle
        title={t('nav.staff.crisis')}
        subtitle={t('staff.crisis.intro', { hours: RESPONSE_TARGET_HOURS })}
        extra={
          <Flex gap={8}>
            <Segmented
              aria-label={t('staff.crisis.filter')}
              value={filter}
              onChange={(v) => setFilter(v as 'open' | 'all')}
              options={[
                { value: 'open', label: t('staff.crisis.open') },
                { value: 'all', label: t('staff.crisis.all') },
              ]}
            />
            <Button icon={<ReloadOutlined />} onClick={alerts.reload} loading={alerts.loading}>
              {t('common.refresh')}
            </Button>
          </Flex>
        }
      />
      {overdue.length > 0 ? (
        <Alert
          type="error"
          showIcon
          icon={<AlertOutlined />}
          role="alert"
          style={{ marginBottom: 16, fontSize: 16 }}
          title={t('staff.crisis.overdueCount', { count: overdue.length, hours: RESPONSE_TARGET_HOURS })}
          description={t('staff.crisis.overdueHint')}
        />
      ) : null}
      {alerts.error ? <ErrorNotice error={alerts.error} onRetry={alerts.reload} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<RiskAlert>
          rowKey="resultId"
          loading={alerts.loading && !alerts.data}
          dataSource={items}
          pagination={false}
          scroll={{ x: 900 }}
          rowClassName={(a) =>
            !a.acknowledgedAt && deadlineOf(a.occurredAt, now).overdue ? 'row-overdue' : ''
          }
          locale={{ emptyText: t('staff.crisis.empty') }}
          columns={[
            {
              title: t('staff.crisis.worker'),
              key: 'worker',
              render: (_, a) => (
                <>
                  <Link to={`/staff/workers/${a.workerId}`}>{a.workerName}</Link>
                  <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.65)' }}>
                    {units.names.get(a.orgUnitId) ?? ''}
                  </div>
                </>
              ),
            },
            {
              title: t('staff.crisis.what'),
              key: 'what',
              render: (_, a) => (
                <>
                  <div>
                    {a.instrumentCode}
                    {a.totalScore !== null ? ` · ${t('staff.crisis.total', { score: a.totalScore })}` : ''}
                  </div>
                  {a.reasons.map((r) => (
                    <Tag key={r} color="error" style={{ marginTop: 4 }}>
                      {reasonText(r)}
                    </Tag>
                  ))}
                </>
              ),
            },
            {
              title: t('staff.crisis.when'),
              key: 'when',
              render: (_, a) => formatDateTime(a.occurredAt, i18n.language),
            },
            {
              title: t('staff.crisis.deadline'),
              key: 'deadline',
              render: (_, a) => {
                const d = deadlineOf(a.occurredAt, now);
                const age = t('staff.crisis.age', { span: formatSpan(d.ageMs, words) });
                if (a.acknowledgedAt) {
                  return (
                    <>
                      <Tag color="success">{t('staff.crisis.seen')}</Tag>
                      <div style={{ fontSize: 13 }}>{formatDateTime(a.acknowledgedAt, i18n.language)}</div>
                    </>
                  );
                }
                return d.overdue ? (
                  <>
                    <Tag
                      color="error"
                      icon={<AlertOutlined />}
                      style={{ fontWeight: 700, fontSize: 14, padding: '2px 8px' }}
                    >
                      {t('staff.crisis.overdueBy', { span: formatSpan(d.leftMs, words) })}
                    </Tag>
                    <div style={{ fontSize: 13 }}>{age}</div>
                  </>
                ) : (
                  <>
                    <Tag color={d.leftMs < 4 * 3_600_000 ? 'warning' : 'processing'}>
                      {t('staff.crisis.left', { span: formatSpan(d.leftMs, words) })}
                    </Tag>
                    <div style={{ fontSize: 13 }}>{age}</div>
                  </>
                );
              },
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, a) =>
                a.acknowledgedAt ? (
                  <Typography.Text type="secondary">{t('staff.crisis.noAction')}</Typography.Text>
                ) : (
                  <Button
                    type="primary"
                    icon={<CheckOutlined />}
                    disabled={busy}
                    onClick={() => acknowledge(a)}
                    aria-label={t('staff.crisis.acknowledgeNamed', { name: a.workerName })}
                  >
                    {t('staff.crisis.acknowledge')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('staff.crisis.casesSoon')}
      </Typography.Paragraph>
    </>
  );
}

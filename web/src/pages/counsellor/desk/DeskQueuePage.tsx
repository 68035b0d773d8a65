import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Segmented, Select, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { usePush } from '../../../api/push';
import type { Schemas } from '../../../api/types';
import { useMe } from '../../../auth';
import { formatDateTime } from '../../../components/dates';
import { DueTag } from '../../../components/DueTag';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { PageTitle } from '../../../components/PageTitle';
import { useEvery, useNow } from '../../../components/useNow';
import { useOrgUnits } from '../../../components/orgUnits';
import { pick } from '../../../i18n';
import { IntakeForm } from './IntakeForm';
import { DESK_STATUSES, type DeskStatus } from './labels';

type Item = Schemas['QueueItemDto'];

/**
 * 服务台 (12351 and online requests): what units in the counsellor's scope must handle, earliest deadline first;
 * overdue and supervised (督办) ones stand out. Filters by status and overdue; a quoted reference number finds one.
 * Supervisors also see the supervision list: open requests supervised by units in their subtree, most escalated first.
 * Live: the server pushes every new or changed request in scope and the list reloads at once; it still reloads every
 * minute as a safety net.
 */
export default function DeskQueuePage() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<DeskStatus | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [reference, setReference] = useState('');
  const supervisor = useMe().role === 'supervisor';
  const [view, setView] = useState<'queue' | 'supervision'>('queue');
  const queue = useLoad(
    () =>
      view === 'supervision'
        ? call(api.GET('/api/v1/desk/supervision', { params: { query: { pageSize: 50 } } }))
        : call(
            api.GET('/api/v1/desk/requests', {
              params: {
                query: {
                  pageSize: 50,
                  ...(status ? { status } : {}),
                  ...(overdue ? { overdue: 'true' as const } : {}),
                  ...(reference ? { reference } : {}),
                },
              },
            }),
          ),
    [view, status, overdue, reference],
  );
  const units = useOrgUnits();
  const now = useNow();
  useEvery(queue.reload);
  const reload = queue.reload;
  usePush(['desk_request'], useCallback(() => reload(), [reload]));
  const lang = i18n.language;

  return (
    <>
      <PageTitle
        title={t('nav.staff.desk')}
        subtitle={t('desk.intro')}
        extra={
          <Flex gap={8} wrap>
            <IntakeForm />
            <Button icon={<ReloadOutlined />} onClick={queue.reload} loading={queue.loading}>
              {t('common.refresh')}
            </Button>
          </Flex>
        }
      />
      {supervisor ? (
        <Segmented<'queue' | 'supervision'>
          aria-label={t('desk.view')}
          style={{ marginBottom: 12 }}
          value={view}
          onChange={setView}
          options={[
            { value: 'queue', label: t('desk.views.queue') },
            { value: 'supervision', label: t('desk.views.supervision') },
          ]}
        />
      ) : null}
      <Flex
        gap={8}
        wrap
        align="center"
        style={{ marginBottom: 16 }}
        role="search"
        hidden={view === 'supervision'}
      >
        <Input.Search
          aria-label={t('desk.reference')}
          placeholder={t('desk.referencePlaceholder')}
          allowClear
          enterButton={t('common.search')}
          onSearch={(v) => setReference(v.trim())}
          style={{ maxWidth: 320 }}
        />
        <Select<DeskStatus>
          allowClear
          aria-label={t('desk.filterStatus')}
          placeholder={t('desk.filterStatusAll')}
          style={{ minWidth: 160 }}
          value={status}
          onChange={setStatus}
          options={DESK_STATUSES.map((s) => ({ value: s, label: t(`deskStatus.${s}`) }))}
        />
        <Flex gap={6} align="center">
          <Switch id="desk-overdue" checked={overdue} onChange={setOverdue} />
          <label htmlFor="desk-overdue">{t('desk.onlyOverdue')}</label>
        </Flex>
      </Flex>
      {queue.error ? <ErrorNotice error={queue.error} onRetry={queue.reload} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Item>
          rowKey="id"
          loading={queue.loading && !queue.data}
          dataSource={queue.data?.items ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
          locale={{ emptyText: t('desk.empty') }}
          columns={[
            {
              title: t('desk.reference'),
              key: 'ref',
              render: (_, r) => (
                <>
                  <Link to={`/staff/desk/${r.id}`}>{r.reference}</Link>
                  <div style={{ fontSize: 13 }}>{t(`deskChannel.${r.channel}`)}</div>
                </>
              ),
            },
            {
              title: t('desk.category'),
              key: 'category',
              render: (_, r) => (
                <Flex gap={4} wrap>
                  <span>{pick(r.categoryLabel, lang)}</span>
                  {r.crisis ? <Tag color="error">{t('desk.crisis')}</Tag> : null}
                  {r.urgency !== 'normal' ? <Tag color="warning">{t(`deskUrgency.${r.urgency}`)}</Tag> : null}
                </Flex>
              ),
            },
            {
              title: t('desk.status'),
              key: 'status',
              render: (_, r) => (
                <Flex gap={4} wrap>
                  <Tag>{t(`deskStatus.${r.status}`)}</Tag>
                  {r.supervisionLevel > 0 ? (
                    <Tag color="purple">{t('desk.supervised', { level: r.supervisionLevel })}</Tag>
                  ) : null}
                </Flex>
              ),
            },
            {
              title: t('desk.due'),
              key: 'due',
              render: (_, r) =>
                r.nextDueAt ? (
                  <DueTag dueAt={r.nextDueAt} now={now} overdue={r.overdue} />
                ) : (
                  <Typography.Text type="secondary">—</Typography.Text>
                ),
            },
            {
              title: t('desk.unit'),
              key: 'unit',
              render: (_, r) => units.names.get(r.handlingUnitId) ?? '',
            },
            {
              title: t('desk.createdAt'),
              key: 'created',
              render: (_, r) => formatDateTime(r.createdAt, lang),
            },
          ]}
        />
      </Card>
    </>
  );
}

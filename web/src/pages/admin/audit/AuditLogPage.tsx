import { SafetyCertificateOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../components/dates';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { PageTitle } from '../../../components/PageTitle';
import { useAction } from '../../../components/useAction';

type Event = Schemas['AuditEventDto'];
interface Filters {
  range?: [Dayjs | null, Dayjs | null] | null;
  actorId?: string;
  workerId?: string;
  action?: string;
}
const PAGE = 50;

/** Filters as the API's query: RFC 3339 bounds, exact ids, an action name. */
function queryOf(filters: Filters, before?: number) {
  const [from, to] = filters.range ?? [];
  return {
    ...(from ? { from: from.startOf('day').toISOString() } : {}),
    ...(to ? { to: to.endOf('day').toISOString() } : {}),
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(filters.workerId ? { workerId: filters.workerId } : {}),
    ...(filters.action?.trim() ? { action: filters.action.trim() } : {}),
    limit: PAGE,
    ...(before ? { before } : {}),
  };
}

/**
 * 审计日志: who looked at or changed what and when, filtered by time, person, worker and action; one record in
 * full (ids only); and the chain verified on demand (every row's keyed hash recomputed by the server).
 */
export default function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const users = useLoad(() => call(api.GET('/api/v1/users')), []);
  const [workers, setWorkers] = useState<Schemas['WorkerSummaryDto'][]>([]);
  const [filters, setFilters] = useState<Filters>({});
  const [pages, setPages] = useState<number[]>([]);
  const events = useLoad(async () => {
    const first = await call(api.GET('/api/v1/audit/events', { params: { query: queryOf(filters) } }));
    const more = [];
    for (const before of pages)
      more.push(
        ...(await call(api.GET('/api/v1/audit/events', { params: { query: queryOf(filters, before) } }))),
      );
    return [...first, ...more];
  }, [filters, pages]);
  const [open, setOpen] = useState<Event | null>(null);
  const [verification, setVerification] = useState<Schemas['AuditVerificationDto'] | null>(null);
  const [run, busy] = useAction();
  const names = new Map((users.data ?? []).map((u) => [u.id, u.displayName]));
  const who = (e: Event) =>
    e.actorId ? (names.get(e.actorId) ?? e.actorId.slice(0, 8)) : t('people.audit.system');
  const verify = () => void run(async () => setVerification(await call(api.POST('/api/v1/audit/verify'))));
  const searchWorkers = (q: string) => {
    if (!q.trim()) return;
    void call(api.GET('/api/v1/workers', { params: { query: { q: q.trim(), pageSize: 20 } } })).then(
      (page) => setWorkers(page.items),
      () => setWorkers([]),
    );
  };
  const rows = events.data ?? [];
  const oldest = rows[rows.length - 1]?.seq;

  return (
    <>
      <PageTitle
        title={t('people.nav.audit')}
        subtitle={t('people.audit.intro')}
        extra={
          <Button icon={<SafetyCertificateOutlined />} onClick={verify} loading={busy}>
            {busy ? t('people.audit.verifying') : t('people.audit.verify')}
          </Button>
        }
      />
      {verification ? (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          type={verification.intact ? 'success' : 'error'}
          title={
            verification.intact
              ? t('people.audit.intact', { rows: verification.rows })
              : verification.brokenAt === null && verification.checkpoint
                ? t('people.audit.brokenCheckpoint', {
                    size: verification.checkpoint.size,
                    at: new Date(verification.checkpoint.at).toLocaleString(),
                    reason: verification.reason ?? '',
                  })
                : t('people.audit.broken', {
                    at: verification.brokenAt ?? '?',
                    reason: verification.reason ?? '',
                  })
          }
          description={
            verification.intact
              ? t('people.audit.checkpoints', { count: verification.checkpoints, pending: verification.pending })
              : verification.reason === 'unknown_key'
                ? t('people.audit.unknownKey', { keyId: verification.keyId ?? '?' })
                : undefined
          }
        />
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <Form<Filters>
          layout="inline"
          onFinish={(values) => {
            setPages([]);
            setFilters(values);
          }}
          style={{ rowGap: 8 }}
        >
          <Form.Item name="range" label={`${t('people.audit.from')} – ${t('people.audit.to')}`}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="actorId" label={t('people.audit.actor')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ minWidth: 180 }}
              options={(users.data ?? []).map((u) => ({
                value: u.id,
                label: `${u.displayName}（${u.username}）`,
              }))}
            />
          </Form.Item>
          <Form.Item name="workerId" label={t('people.audit.worker')}>
            <Select
              allowClear
              style={{ minWidth: 180 }}
              showSearch={{ filterOption: false, onSearch: searchWorkers }}
              options={workers.map((w) => ({
                value: w.id,
                label: `${w.name}${w.employeeNo ? `（${w.employeeNo}）` : ''}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="action" label={t('people.audit.action')}>
            <Input allowClear style={{ width: 180 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('people.audit.search')}
          </Button>
        </Form>
      </Card>
      {events.error ? <ErrorNotice error={events.error} onRetry={events.reload} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Event>
          rowKey="seq"
          size="small"
          loading={events.loading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 880 }}
          locale={{ emptyText: <Typography.Text type="secondary">{t('people.audit.none')}</Typography.Text> }}
          onRow={(e) => ({ onClick: () => setOpen(e), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('people.audit.seq'), dataIndex: 'seq', width: 80 },
            { title: t('people.audit.at'), key: 'at', render: (_, e) => formatDateTime(e.at, lang) },
            { title: t('people.audit.who'), key: 'who', render: (_, e) => who(e) },
            {
              title: t('people.audit.role'),
              key: 'role',
              render: (_, e) => (e.actorRole ? t(`role.${e.actorRole}`, { defaultValue: e.actorRole }) : ''),
            },
            {
              title: t('people.audit.what'),
              key: 'action',
              render: (_, e) => (
                <Button type="link" size="small" onClick={() => setOpen(e)} style={{ padding: 0 }}>
                  {e.action}
                </Button>
              ),
            },
            { title: t('people.audit.resource'), dataIndex: 'resourceType' },
            {
              title: t('people.audit.outcome'),
              key: 'outcome',
              render: (_, e) => (
                <Tag color={e.outcome === 'success' ? 'default' : 'warning'}>{e.outcome}</Tag>
              ),
            },
          ]}
        />
        {rows.length >= PAGE * (pages.length + 1) && oldest ? (
          <Flex justify="center" style={{ padding: 12 }}>
            <Button onClick={() => setPages((p) => [...p, oldest])}>{t('people.audit.more')}</Button>
          </Flex>
        ) : null}
      </Card>
      <Drawer
        open={!!open}
        onClose={() => setOpen(null)}
        title={open ? t('people.audit.event', { seq: open.seq }) : ''}
        size="large"
      >
        {open ? (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('people.audit.at')}>
              {formatDateTime(open.at, lang)}
            </Descriptions.Item>
            <Descriptions.Item label={t('people.audit.who')}>
              {who(open)}{' '}
              {open.actorRole ? `· ${t(`role.${open.actorRole}`, { defaultValue: open.actorRole })}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('people.audit.what')}>{open.action}</Descriptions.Item>
            <Descriptions.Item label={t('people.audit.resource')}>{open.resourceType}</Descriptions.Item>
            <Descriptions.Item label={t('people.audit.resourceId')}>
              {open.resourceId ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('people.audit.worker')}>{open.workerId ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('people.audit.ip')}>{open.ip ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('people.audit.outcome')}>{open.outcome}</Descriptions.Item>
            <Descriptions.Item label={t('people.audit.detail')}>
              <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {JSON.stringify(open.detail ?? {}, null, 2)}
              </pre>
            </Descriptions.Item>
          </Descriptions>
        ) : null}
      </Drawer>
    </>
  );
}

import { Alert, Button, Card, Col, Descriptions, Form, Input, Popconfirm, Row, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../components/dates';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { PageTitle } from '../../../components/PageTitle';
import { useAction } from '../../../components/useAction';

type Side = Schemas['MergeWorkerDto'];
type Merge = Schemas['WorkerMergeDto'];
type Row = Schemas['MergeRecordCountDto'];
type ConsentRow = Schemas['MergeConsentDto'];

/** Both profiles side by side, what the merge moves and narrows, then merge (and undo at once if it was a mistake). */
export default function MergeComparePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const keepId = search.get('keep') ?? '';
  const mergeId = search.get('merge') ?? '';
  const preview = useLoad(() => call(api.GET('/api/v1/worker-merges/preview', { params: { query: { keepId, mergeId } } })), [keepId, mergeId]);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<Merge | null>(null);
  const [run, busy] = useAction();

  const merge = () =>
    void run(async () => setDone(await call(api.POST('/api/v1/worker-merges', { body: { keepId, mergeId, ...(reason.trim() ? { reason: reason.trim() } : {}) } }))), t('merge.merged'));
  const undo = () =>
    done &&
    void run(() => call(api.POST('/api/v1/worker-merges/{id}/undo', { params: { path: { id: done.id } } })), t('merge.undone')).then((ok) => ok && navigate('/admin/duplicates'));
  const consentText = (v: boolean | null) => (v === null ? t('merge.unknown') : v ? t('merge.granted') : t('merge.withdrawn'));
  const side = (w: Side, title: string) => (
    <Card title={title} data-testid={title === t('merge.keep') ? 'merge-keep' : 'merge-duplicate'}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('merge.fields.name')}>{w.name}</Descriptions.Item>
        <Descriptions.Item label={t('merge.fields.unit')}>{w.orgUnitName}</Descriptions.Item>
        <Descriptions.Item label={t('merge.fields.gender')}>{t(`gender.${w.gender}`)}</Descriptions.Item>
        <Descriptions.Item label={t('merge.fields.birthYear')}>{w.birthYear ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('merge.fields.employeeNo')}>{w.employeeNo ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('merge.fields.phone')}>{w.phone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('merge.fields.group')}>{t(`mobile.group.${w.occupationGroup}`)}</Descriptions.Item>
        <Descriptions.Item label={t('merge.fields.employer')}>{w.employer ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('merge.fields.membership')}>{t(`merge.membership.${w.membership}`)}</Descriptions.Item>
        <Descriptions.Item label={t('merge.fields.account')}>{w.hasAccount ? t('merge.hasAccount') : t('merge.noAccount')}</Descriptions.Item>
        <Descriptions.Item label={t('merge.fields.createdAt')}>{formatDateTime(w.createdAt, i18n.language)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );

  const p = preview.data;
  const tableLabel = (r: Row) => (i18n.exists(`merge.tables.${r.table}`) ? t(`merge.tables.${r.table}`) : r.table);
  return (
    <>
      <PageTitle title={t('merge.compareTitle')} subtitle={t('merge.compareIntro')} />
      {preview.error ? <ErrorNotice error={preview.error} onRetry={preview.reload} /> : null}
      {p ? (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          {p.warnings.map((w) => (
            <Alert key={w} type="warning" showIcon title={t(`merge.warnings.${w}`)} />
          ))}
          <Row gutter={16}>
            <Col xs={24} md={12}>
              {side(p.keep, t('merge.keep'))}
            </Col>
            <Col xs={24} md={12}>
              {side(p.merge, t('merge.mergeSide'))}
            </Col>
          </Row>
          {!done ? (
            <Button onClick={() => setSearch({ keep: mergeId, merge: keepId })}>{t('merge.swap')}</Button>
          ) : null}
          <Card title={t('merge.records')}>
            <Table<Row>
              rowKey={(r) => `${r.table}.${r.column}`}
              dataSource={p.records.filter((r) => r.moves + r.stays > 0)}
              pagination={false}
              size="small"
              columns={[
                { title: t('merge.table'), render: (_, r) => tableLabel(r) },
                { title: t('merge.moves'), dataIndex: 'moves' },
                { title: t('merge.stays'), dataIndex: 'stays' },
                { title: '', render: (_, r) => <Tag>{t(`merge.actions.${r.action}`)}</Tag> },
              ]}
            />
          </Card>
          <Card title={t('merge.consents')}>
            <Table<ConsentRow>
              rowKey={(c) => `${c.purpose}|${c.recipientId ?? ''}`}
              dataSource={p.consents}
              pagination={false}
              size="small"
              columns={[
                { title: t('merge.purpose'), render: (_, c) => (i18n.exists(`merge.purposes.${c.purpose}`) ? t(`merge.purposes.${c.purpose}`) : c.purpose) },
                { title: t('merge.keep'), render: (_, c) => consentText(c.keep) },
                { title: t('merge.mergeSide'), render: (_, c) => consentText(c.merge) },
                { title: t('merge.result'), render: (_, c) => <strong>{consentText(c.result)}</strong> },
              ]}
            />
          </Card>
          {done ? (
            <Alert
              type="success"
              showIcon
              title={`${t('merge.merged')} · ${t('merge.movedRows', { count: done.moved.reduce((n, x) => n + x.rows, 0) })}`}
              description={t('merge.undoUntil', { date: formatDateTime(done.undoUntil, i18n.language) })}
              action={
                <Popconfirm title={t('merge.undoConfirm')} onConfirm={undo} okText={t('merge.undo')} cancelText={t('common.cancel')}>
                  <Button loading={busy}>{t('merge.undo')}</Button>
                </Popconfirm>
              }
            />
          ) : (
            <Form layout="vertical">
              <Form.Item label={t('merge.reason')} htmlFor="merge-reason">
                <Input.TextArea id="merge-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={2} />
              </Form.Item>
              <Popconfirm title={t('merge.confirm')} onConfirm={merge} okText={t('merge.submit')} cancelText={t('common.cancel')}>
                <Button type="primary" danger loading={busy}>
                  {t('merge.submit')}
                </Button>
              </Popconfirm>
            </Form>
          )}
        </Space>
      ) : null}
    </>
  );
}

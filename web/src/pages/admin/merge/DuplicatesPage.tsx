import { Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../components/dates';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { PageTitle } from '../../../components/PageTitle';
import { useAction } from '../../../components/useAction';

type Pair = Schemas['DuplicatePairDto'];
type Merge = Schemas['WorkerMergeDto'];
type Side = Schemas['MergeWorkerDto'];

const person = (w: Side) => (
  <>
    <strong>{w.name}</strong>
    <div>
      {w.orgUnitName} · {w.birthYear ?? '—'} · {w.phone ?? '—'}
    </div>
  </>
);

/** 重复档案: likely duplicate profiles of the admin's subtree, and the recent merges (with undo while it is allowed). */
export default function DuplicatesPage() {
  const { t, i18n } = useTranslation();
  const pairs = useLoad(() => call(api.GET('/api/v1/worker-duplicates', { params: { query: {} } })), []);
  const merges = useLoad(() => call(api.GET('/api/v1/worker-merges', { params: { query: {} } })), []);
  const [run, busy] = useAction();
  const undo = (m: Merge) =>
    void run(() => call(api.POST('/api/v1/worker-merges/{id}/undo', { params: { path: { id: m.id } } })), t('merge.undone')).then((ok) => {
      if (!ok) return;
      merges.reload();
      pairs.reload();
    });

  return (
    <>
      <PageTitle title={t('merge.nav')} subtitle={t('merge.intro')} />
      {pairs.error ? <ErrorNotice error={pairs.error} onRetry={pairs.reload} /> : null}
      <Table<Pair>
        rowKey={(p) => `${p.a.id}|${p.b.id}`}
        loading={pairs.loading}
        dataSource={pairs.data ?? []}
        locale={{ emptyText: t('merge.none') }}
        scroll={{ x: true }}
        pagination={false}
        columns={[
          { title: t('merge.pair'), render: (_, p) => person(p.a) },
          { title: '', render: (_, p) => person(p.b) },
          { title: t('merge.why'), render: (_, p) => p.reasons.map((r) => <Tag key={r}>{t(`merge.reasons.${r}`)}</Tag>) },
          {
            title: t('common.actions'),
            render: (_, p) => (
              <Link to={`/admin/duplicates/compare?keep=${p.a.id}&merge=${p.b.id}`}>
                <Button type="primary">{t('merge.compare')}</Button>
              </Link>
            ),
          },
        ]}
      />
      <Card title={t('merge.recent')} style={{ marginTop: 24 }}>
        {merges.error ? <ErrorNotice error={merges.error} onRetry={merges.reload} /> : null}
        <Table<Merge>
          rowKey="id"
          loading={merges.loading}
          dataSource={merges.data ?? []}
          locale={{ emptyText: t('merge.noRecent') }}
          scroll={{ x: true }}
          pagination={false}
          columns={[
            { title: t('merge.keep'), render: (_, m) => m.keepName },
            { title: t('merge.mergeSide'), render: (_, m) => m.mergeName },
            { title: t('merge.fields.createdAt'), render: (_, m) => formatDateTime(m.createdAt, i18n.language) },
            { title: t('merge.records'), render: (_, m) => t('merge.movedRows', { count: m.moved.reduce((n, x) => n + x.rows, 0) }) },
            {
              title: t('mobile.requests.status'),
              render: (_, m) => (
                <Space direction="vertical" size={0}>
                  <Tag>{t(`merge.state.${m.state}`)}</Tag>
                  {m.canUndo ? <span>{t('merge.undoUntil', { date: formatDateTime(m.undoUntil, i18n.language) })}</span> : null}
                </Space>
              ),
            },
            {
              title: t('common.actions'),
              render: (_, m) =>
                m.canUndo ? (
                  <Popconfirm title={t('merge.undoConfirm')} onConfirm={() => undo(m)} okText={t('merge.undo')} cancelText={t('common.cancel')}>
                    <Button loading={busy}>{t('merge.undo')}</Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
      </Card>
    </>
  );
}

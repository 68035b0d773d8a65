import { Alert, Button, Form, Input, Modal, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { formatDateTime } from '../../components/dates';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageTitle } from '../../components/PageTitle';
import { useAction } from '../../components/useAction';

type Request = Schemas['JoinRequestDto'];
type State = Request['status'];
const STATES: State[] = ['pending', 'confirmed', 'declined', 'linked'];

/** 入会确认: the unit's queue of workers who joined by link, confirmed or declined with a reason they read. */
export default function JoinRequestsPage() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<State>('pending');
  const requests = useLoad(() => call(api.GET('/api/v1/join-requests', { params: { query: { status } } })), [status]);
  const [run, busy] = useAction();
  const [declining, setDeclining] = useState<Request | null>(null);
  const [reason, setReason] = useState('');

  const confirm = (r: Request) =>
    void run(() => call(api.POST('/api/v1/join-requests/{id}/confirm', { params: { path: { id: r.id } } })), t('mobile.requests.confirmed')).then(
      (ok) => ok && requests.reload(),
    );
  const decline = () => {
    if (!declining) return;
    void run(
      () => call(api.POST('/api/v1/join-requests/{id}/decline', { params: { path: { id: declining.id } }, body: { reason: reason.trim() } })),
      t('mobile.requests.declined'),
    ).then((ok) => {
      if (!ok) return;
      setDeclining(null);
      setReason('');
      requests.reload();
    });
  };

  return (
    <>
      <PageTitle title={t('mobile.nav.joinRequests')} subtitle={t('mobile.requests.intro')} />
      <Segmented<State>
        value={status}
        onChange={setStatus}
        options={STATES.map((s) => ({ value: s, label: t(`mobile.requests.state.${s}`) }))}
        style={{ marginBottom: 16 }}
      />
      {requests.error ? <ErrorNotice error={requests.error} onRetry={requests.reload} /> : null}
      <Table<Request>
        rowKey="id"
        loading={requests.loading}
        dataSource={requests.data ?? []}
        locale={{ emptyText: t('mobile.requests.none') }}
        scroll={{ x: true }}
        pagination={false}
        columns={[
          {
            title: t('mobile.requests.person'),
            render: (_, r) => (
              <>
                <strong>{r.workerName}</strong>
                <div>{r.orgUnitName}</div>
                {r.possibleDuplicateOf ? <Alert type="warning" showIcon title={t('mobile.requests.duplicate', { name: r.possibleDuplicateOf.name })} style={{ marginTop: 4 }} /> : null}
              </>
            ),
          },
          { title: t('mobile.requests.group'), render: (_, r) => t(`mobile.group.${r.occupationGroup}`) },
          { title: t('mobile.requests.employer'), render: (_, r) => r.employer ?? '—' },
          { title: t('mobile.requests.phone'), render: (_, r) => r.phone ?? '—' },
          { title: t('mobile.requests.joinedAt'), render: (_, r) => formatDateTime(r.createdAt, i18n.language) },
          {
            title: t('mobile.requests.status'),
            render: (_, r) => (
              <>
                <Tag>{t(`mobile.requests.state.${r.status}`)}</Tag>
                {r.reason ? <div>{r.reason}</div> : null}
              </>
            ),
          },
          {
            title: t('common.actions'),
            render: (_, r) =>
              r.status === 'pending' ? (
                <Space wrap>
                  <Button type="primary" onClick={() => confirm(r)} loading={busy}>
                    {t('mobile.requests.confirm')}
                  </Button>
                  <Button onClick={() => setDeclining(r)}>{t('mobile.requests.decline')}</Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <Modal
        open={declining !== null}
        title={t('mobile.requests.decline')}
        onCancel={() => setDeclining(null)}
        onOk={decline}
        okButtonProps={{ disabled: reason.trim() === '', loading: busy }}
        okText={t('mobile.requests.decline')}
        cancelText={t('common.cancel')}
      >
        <Form layout="vertical">
          <Form.Item label={t('mobile.requests.declineReason')} htmlFor="decline-reason" required>
            <Input.TextArea id="decline-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

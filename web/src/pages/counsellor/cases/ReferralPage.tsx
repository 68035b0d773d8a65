import { Button, Card, Descriptions, Flex, Input, Modal, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { formatDate, formatDateTime } from '../../../components/dates';
import { LinkButton } from '../../../components/LinkButton';
import { Loaded } from '../../../components/Loaded';
import { PageTitle } from '../../../components/PageTitle';
import { useAction } from '../../../components/useAction';
import { WorkerContactCard } from './ContactCard';
import { HistoryCard } from './HistoryCard';
import { ReferralEditForm } from './ReferralEditForm';
import { FollowUpStatusTag } from './labels';

type FollowUp = Schemas['FollowUpDto'];
type Move = Schemas['ReferralTransitionDto']['to'];

/**
 * One referral (转介与帮扶): edit a draft (provider, reason), send it (the worker's consent is checked by the server), record the provider's
 * answer and the outcome with the allowed next states, and the follow-ups (帮扶随访) at 7, 30 and 90 days.
 */
export default function ReferralPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const detail = useLoad(() => call(api.GET('/api/v1/referrals/{id}', { params: { path: { id } } })), [id]);
  const [run, busy] = useAction();
  const [move, setMove] = useState<Move | null>(null);
  const [note, setNote] = useState('');
  const [followUp, setFollowUp] = useState<FollowUp | null>(null);
  const [contactMade, setContactMade] = useState(true);
  const [editing, setEditing] = useState(false);
  const lang = i18n.language;

  const send = () =>
    void run(
      () => call(api.POST('/api/v1/referrals/{id}/send', { params: { path: { id } } })),
      t('referral.sent'),
    ).then((ok) => ok && detail.reload());
  const transition = () =>
    move &&
    void run(
      () =>
        call(
          api.POST('/api/v1/referrals/{id}/transition', {
            params: { path: { id } },
            body: { to: move, ...(note.trim() ? { note: note.trim() } : {}) },
          }),
        ),
      t('referral.moved', { state: t(`referralState.${move}`) }),
    ).then((ok) => {
      if (!ok) return;
      setMove(null);
      setNote('');
      detail.reload();
    });
  const complete = () =>
    followUp &&
    void run(
      () =>
        call(
          api.POST('/api/v1/follow-ups/{id}/complete', {
            params: { path: { id: followUp.id } },
            body: { contactMade, ...(note.trim() ? { note: note.trim() } : {}) },
          }),
        ),
      t('followUp.recorded'),
    ).then((ok) => {
      if (!ok) return;
      setFollowUp(null);
      setNote('');
      detail.reload();
    });

  return (
    <>
      <PageTitle title={t('referral.pageTitle')} />
      <Loaded state={detail}>
        {(data) => {
          const r = data.referral;
          return (
            <Flex vertical gap={16}>
              <Card>
                <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                  <Descriptions.Item label={t('referral.provider')}>
                    {r.providerType ? t(`provider.${r.providerType}`) : t('referral.noProvider')}
                    {r.providerName ? ` · ${r.providerName}` : ''}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('referral.state')}>
                    <Tag color={r.open ? 'blue' : 'default'}>{t(`referralState.${r.state}`)}</Tag>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('cases.worker')}>
                    <Link to={`/staff/workers/${r.workerId}`}>{data.contact?.name ?? t('referral.workerRecord')}</Link>
                  </Descriptions.Item>
                  {r.caseId ? (
                    <Descriptions.Item label={t('referral.case')}>
                      <Link to={`/staff/cases/${r.caseId}`}>{t('referral.openCase')}</Link>
                    </Descriptions.Item>
                  ) : null}
                  <Descriptions.Item label={t('referral.sentAt')}>
                    {r.sentAt ? formatDateTime(r.sentAt, lang) : t('referral.notSent')}
                  </Descriptions.Item>
                  {data.reason ? (
                    <Descriptions.Item label={t('referral.reason')}>{data.reason}</Descriptions.Item>
                  ) : null}
                  {data.outcomeNote ? (
                    <Descriptions.Item label={t('referral.outcomeNote')}>
                      {data.outcomeNote}
                    </Descriptions.Item>
                  ) : null}
                </Descriptions>
                <Flex gap={8} wrap style={{ marginTop: 12 }}>
                  {r.state === 'draft' ? (
                    <Button disabled={busy} onClick={() => setEditing(true)}>
                      {t('referralEdit.open')}
                    </Button>
                  ) : null}
                  {r.state === 'draft' && r.providerType !== 'eap_vendor' ? (
                    <Button type="primary" loading={busy} onClick={send}>
                      {t('referral.send')}
                    </Button>
                  ) : null}
                  {r.state === 'draft' && r.providerType === 'eap_vendor' ? (
                    <LinkButton to={`/staff/eap/new?worker=${r.workerId}&referral=${r.id}`}>
                      {t('eap.sendWithPreview')}
                    </LinkButton>
                  ) : null}
                  {r.allowedTransitions
                    .filter((s): s is Move => s !== 'draft' && s !== 'sent')
                    .map((s) => (
                      <Button key={s} disabled={busy} onClick={() => setMove(s)}>
                        {t(`referralMove.${s}`)}
                      </Button>
                    ))}
                </Flex>
                {r.state === 'draft' ? (
                  <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                    {t('referral.consentHint')}
                  </Typography.Paragraph>
                ) : null}
              </Card>
              {data.contact ? <WorkerContactCard contact={data.contact} /> : null}
              <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('followUp.title')}</h2>}>
                <Table<FollowUp>
                  size="small"
                  rowKey="id"
                  pagination={false}
                  scroll={{ x: 560 }}
                  dataSource={data.followUps}
                  locale={{ emptyText: t('followUp.none') }}
                  columns={[
                    {
                      title: t('followUp.seq'),
                      key: 'seq',
                      render: (_, f) => t('followUp.nth', { n: f.seq }),
                    },
                    { title: t('followUp.due'), key: 'due', render: (_, f) => formatDate(f.dueAt, lang) },
                    {
                      title: t('followUp.status'),
                      key: 'status',
                      render: (_, f) => <FollowUpStatusTag status={f.status} />,
                    },
                    {
                      title: t('common.actions'),
                      key: 'actions',
                      render: (_, f) =>
                        f.status === 'done' ? (
                          (f.note ?? (f.contactMade ? t('followUp.contacted') : t('followUp.notContacted')))
                        ) : (
                          <Button size="small" onClick={() => setFollowUp(f)} disabled={busy}>
                            {t('followUp.record')}
                          </Button>
                        ),
                    },
                  ]}
                />
              </Card>
              <HistoryCard history={data.history} />
              {editing ? (
                <ReferralEditForm
                  detail={data}
                  onClose={(saved) => {
                    setEditing(false);
                    if (saved) detail.reload();
                  }}
                />
              ) : null}
            </Flex>
          );
        }}
      </Loaded>
      <Modal
        open={move !== null}
        title={move ? t(`referralMove.${move}`) : ''}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: busy }}
        onOk={transition}
        onCancel={() => setMove(null)}
      >
        <label htmlFor="referral-note">{t('referral.note')}</label>
        <Input.TextArea id="referral-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
      <Modal
        open={followUp !== null}
        title={t('followUp.record')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: busy }}
        onOk={complete}
        onCancel={() => setFollowUp(null)}
      >
        <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
          <Switch id="follow-contact" checked={contactMade} onChange={setContactMade} />
          <label htmlFor="follow-contact">{t('followUp.contactMade')}</label>
        </Flex>
        <label htmlFor="follow-note">{t('followUp.note')}</label>
        <Input.TextArea id="follow-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </>
  );
}

import { Card, Flex, Segmented, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { formatDate } from '../../../components/dates';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { LinkButton } from '../../../components/LinkButton';
import { PageTitle } from '../../../components/PageTitle';
import { CallLink } from './ContactCard';
import { FollowUpStatusTag } from './labels';

type FollowUp = Schemas['FollowUpDto'];
type Status = (typeof STATUSES)[number];
const STATUSES = ['open', 'overdue', 'due', 'upcoming', 'done'] as const;

/** 帮扶随访: the referral follow-ups (7, 30, 90 days after sending) due, overdue, upcoming or done; mine or all. */
export default function FollowUpsPage() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<Status>('open');
  const [mine, setMine] = useState(true);
  const list = useLoad(
    () => call(api.GET('/api/v1/follow-ups', { params: { query: { status, mine, pageSize: 100 } } })),
    [status, mine],
  );
  const contacts = new Map((list.data?.contacts ?? []).map((c) => [c.workerId, c]));
  return (
    <>
      <PageTitle title={t('nav.staff.followUps')} subtitle={t('followUp.intro')} />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Segmented<Status>
          aria-label={t('followUp.status')}
          value={status}
          onChange={setStatus}
          options={STATUSES.map((s) => ({ value: s, label: t(`followUp.filter.${s}`) }))}
        />
        <Flex gap={6} align="center">
          <Switch id="follow-mine" checked={mine} onChange={setMine} />
          <label htmlFor="follow-mine">{t('followUp.mine')}</label>
        </Flex>
      </Flex>
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<FollowUp>
          rowKey="id"
          loading={list.loading && !list.data}
          dataSource={list.data?.items ?? []}
          pagination={false}
          scroll={{ x: 560 }}
          locale={{ emptyText: t('followUp.noneHere') }}
          rowClassName={(f) => (f.status === 'overdue' ? 'row-overdue' : '')}
          columns={[
            { title: t('followUp.due'), key: 'due', render: (_, f) => formatDate(f.dueAt, i18n.language) },
            { title: t('followUp.seq'), key: 'seq', render: (_, f) => t('followUp.nth', { n: f.seq }) },
            {
              title: t('contact.title'),
              key: 'contact',
              render: (_, f) => {
                const c = contacts.get(f.workerId);
                if (!c) return null;
                const phone = c.phone ?? c.phone2 ?? c.emergencyContact?.phone ?? null;
                return (
                  <Flex gap={8} wrap align="center">
                    <span>{c.name}</span>
                    {phone ? <CallLink number={phone} who={c.name} /> : <Typography.Text type="secondary">{t('contact.none')}</Typography.Text>}
                  </Flex>
                );
              },
            },
            {
              title: t('followUp.status'),
              key: 'status',
              render: (_, f) => <FollowUpStatusTag status={f.status} />,
            },
            {
              title: t('common.actions'),
              key: 'open',
              render: (_, f) => (
                <LinkButton size="small" to={`/staff/referrals/${f.referralId}`}>
                  {t('followUp.openReferral')}
                </LinkButton>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}

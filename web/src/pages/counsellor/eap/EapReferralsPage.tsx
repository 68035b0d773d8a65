import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { formatDate } from '../../../components/dates';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { LinkButton } from '../../../components/LinkButton';
import { PageTitle } from '../../../components/PageTitle';

type Row = Schemas['EapReferralSummaryDto'];

/** 工会+EAP referrals of workers in scope: drafts waiting to be previewed and sent, and what vendors reported. */
export default function EapReferralsPage() {
  const { t, i18n } = useTranslation();
  const list = useLoad(
    () => call(api.GET('/api/v1/eap/referrals', { params: { query: { limit: 100 } } })),
    [],
  );
  return (
    <>
      <PageTitle title={t('nav.staff.eap')} subtitle={t('eap.intro')} />
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Row>
          rowKey="id"
          loading={list.loading && !list.data}
          dataSource={list.data ?? []}
          pagination={false}
          scroll={{ x: 760 }}
          locale={{ emptyText: t('eap.none') }}
          columns={[
            {
              title: t('eap.vendorRef'),
              key: 'ref',
              render: (_, r) => (
                <LinkButton type="link" style={{ padding: 0 }} to={`/staff/eap/${r.id}`}>
                  {r.vendorRef}
                </LinkButton>
              ),
            },
            { title: t('eap.vendor'), dataIndex: 'vendorName' },
            { title: t('eap.service'), key: 'service', render: (_, r) => t(`eapService.${r.service}`) },
            { title: t('eap.urgency'), key: 'urgency', render: (_, r) => t(`eapUrgency.${r.urgency}`) },
            {
              title: t('eap.status'),
              key: 'status',
              render: (_, r) => (
                <Tag color={r.status === 'draft' ? 'warning' : 'blue'}>{t(`eapStatus.${r.status}`)}</Tag>
              ),
            },
            { title: t('eap.sessionsUsed'), dataIndex: 'sessionsUsed' },
            {
              title: t('eap.createdAt'),
              key: 'created',
              render: (_, r) => formatDate(r.createdAt, i18n.language),
            },
          ]}
        />
      </Card>
    </>
  );
}

import { Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { formatDateTime } from '../../../components/dates';
import { LinkButton } from '../../../components/LinkButton';
import { Loaded } from '../../../components/Loaded';
import { PageTitle } from '../../../components/PageTitle';
import { RightsStatusTag } from '../../worker/rights/RightsStatusTag';

type Filter = 'pending' | 'completed' | 'refused' | 'all';

/** The reviewer's queue of correction and deletion requests in their subtree, oldest first. */
export default function RightsQueuePage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<Filter>('pending');
  const requests = useLoad(
    () =>
      call(
        api.GET('/api/v1/rights-requests', {
          params: { query: filter === 'all' ? {} : { status: filter } },
        }),
      ),
    [filter],
  );
  return (
    <>
      <PageTitle title={t('rights.nav.queue')} subtitle={t('rights.queue.intro')} />
      <Segmented<Filter>
        value={filter}
        onChange={setFilter}
        style={{ marginBottom: 16 }}
        options={(['pending', 'completed', 'refused', 'all'] as const).map((value) => ({
          value,
          label: t(`rights.queue.filter.${value}`),
        }))}
      />
      <Loaded state={requests}>
        {(items) => (
          <Table
            rowKey="id"
            size="middle"
            scroll={{ x: 720 }}
            dataSource={items}
            locale={{
              emptyText: <Typography.Text type="secondary">{t('rights.queue.none')}</Typography.Text>,
            }}
            columns={[
              { title: t('rights.queue.worker'), key: 'worker', render: (_, r) => r.workerName || '—' },
              { title: t('rights.queue.kind'), key: 'kind', render: (_, r) => t(`rights.kind.${r.kind}`) },
              {
                title: t('rights.queue.what'),
                key: 'what',
                render: (_, r) =>
                  r.change
                    ? t('rights.mine.change', {
                        field: t(`rights.field.${r.change.field}`),
                        value: r.change.value,
                      })
                    : '',
              },
              {
                title: t('rights.queue.asked'),
                key: 'asked',
                render: (_, r) => formatDateTime(r.createdAt, i18n.language),
              },
              {
                title: t('rights.queue.status'),
                key: 'status',
                render: (_, r) => <RightsStatusTag status={r.status} />,
              },
              {
                title: '',
                key: 'open',
                render: (_, r) => (
                  <LinkButton
                    to={`/staff/rights/${r.id}`}
                    aria-label={`${t('rights.queue.open')} ${r.workerName ?? ''}`}
                  >
                    {t('rights.queue.open')}
                  </LinkButton>
                ),
              },
            ]}
          />
        )}
      </Loaded>
    </>
  );
}

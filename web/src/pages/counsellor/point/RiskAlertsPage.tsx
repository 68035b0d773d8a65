import { Button, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { formatDateTime } from '../../../components/dates';
import { LinkButton } from '../../../components/LinkButton';
import { Loaded } from '../../../components/Loaded';
import { PageTitle } from '../../../components/PageTitle';
import { useAction } from '../../../components/useAction';

type Filter = 'open' | 'done' | 'all';

/** 风险提示: crisis results of workers in scope, by name, newest first; acknowledge each. */
export default function RiskAlertsPage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<Filter>('open');
  const [page, setPage] = useState(1);
  const alerts = useLoad(
    () =>
      call(
        api.GET('/api/v1/risk-alerts', {
          params: {
            query: { ...(filter === 'all' ? {} : { acknowledged: filter === 'done' }), page, pageSize: 20 },
          },
        }),
      ),
    [filter, page],
  );
  const [run, busy] = useAction();
  const acknowledge = (id: string) =>
    void run(
      () => call(api.POST('/api/v1/risk-alerts/{id}/acknowledge', { params: { path: { id } } })),
      t('point.riskAlerts.acknowledged'),
    ).then((ok) => ok && alerts.reload());
  return (
    <>
      <PageTitle title={t('point.nav.riskAlerts')} subtitle={t('point.riskAlerts.intro')} />
      <Segmented<Filter>
        value={filter}
        onChange={(value) => {
          setPage(1);
          setFilter(value);
        }}
        style={{ marginBottom: 16 }}
        options={(['open', 'done', 'all'] as const).map((value) => ({
          value,
          label: t(`point.riskAlerts.filter.${value}`),
        }))}
      />
      <Loaded state={alerts}>
        {(data) => (
          <Table
            rowKey="resultId"
            scroll={{ x: 800 }}
            dataSource={data.items}
            locale={{
              emptyText: <Typography.Text type="secondary">{t('point.riskAlerts.none')}</Typography.Text>,
            }}
            pagination={{
              current: data.page,
              pageSize: data.pageSize,
              total: data.total,
              onChange: setPage,
              showSizeChanger: false,
            }}
            columns={[
              { title: t('point.riskAlerts.worker'), dataIndex: 'workerName' },
              { title: t('point.riskAlerts.instrument'), dataIndex: 'instrumentCode' },
              {
                title: t('point.riskAlerts.score'),
                key: 'score',
                render: (_, a) => `${a.totalScore ?? '—'} · ${a.band}`,
              },
              {
                title: t('point.riskAlerts.reasons'),
                key: 'reasons',
                render: (_, a) =>
                  a.reasons.map((r) => (
                    <Tag key={r} color="error">
                      {r}
                    </Tag>
                  )),
              },
              {
                title: t('point.riskAlerts.when'),
                key: 'when',
                render: (_, a) => formatDateTime(a.occurredAt, i18n.language),
              },
              {
                title: t('common.actions'),
                key: 'act',
                render: (_, a) => (
                  <>
                    <LinkButton
                      size="small"
                      to={`/staff/workers/${a.workerId}`}
                      style={{ marginInlineEnd: 4 }}
                    >
                      {t('point.riskAlerts.record')}
                    </LinkButton>
                    {a.acknowledgedAt ? (
                      <Tag color="success">{t('point.riskAlerts.acknowledged')}</Tag>
                    ) : (
                      <Button
                        size="small"
                        type="primary"
                        disabled={busy}
                        onClick={() => acknowledge(a.resultId)}
                        aria-label={`${t('point.riskAlerts.acknowledge')} ${a.workerName}`}
                      >
                        {t('point.riskAlerts.acknowledge')}
                      </Button>
                    )}
                  </>
                ),
              },
            ]}
          />
        )}
      </Loaded>
    </>
  );
}

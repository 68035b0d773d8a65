import { Button, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../components/dates';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useAction } from '../../../components/useAction';

type Delivery = Schemas['WebhookDeliveryDto'];
const OUTCOME_COLOURS: Record<string, string> = { delivered: 'success', failed: 'error', refused: 'error', gone: 'warning', cancelled: 'default' };

/**
 * An endpoint's delivery log (one row per attempt, newest first) with each message's state now; a message given up
 * after its last attempt (`failed`) can be redelivered, once per message (its newest row carries the button).
 */
export function DeliveriesTable({ endpointId }: { endpointId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const deliveries = useLoad(
    () => call(api.GET('/api/v1/eap/webhook-endpoints/{id}/deliveries', { params: { path: { id: endpointId }, query: { limit: 100 } } })),
    [endpointId],
  );
  const [run, busy] = useAction();
  const redeliver = (messageId: string) =>
    void run(
      () => call(api.POST('/api/v1/eap/webhook-messages/{id}/redeliver', { params: { path: { id: messageId } } })),
      t('eapAdmin.deliveries.redelivered'),
    ).then((ok) => ok && deliveries.reload());
  const newest = new Set<Delivery>();
  const seen = new Set<string>();
  for (const d of deliveries.data ?? []) {
    if (seen.has(d.messageId)) continue;
    seen.add(d.messageId);
    newest.add(d);
  }
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('eapAdmin.deliveries.intro')}</Typography.Text>
        <Button size="small" onClick={deliveries.reload} loading={deliveries.loading}>
          {t('eapAdmin.deliveries.refresh')}
        </Button>
      </Flex>
      {deliveries.error ? <ErrorNotice error={deliveries.error} onRetry={deliveries.reload} /> : null}
      <Table<Delivery>
        rowKey={(d) => `${d.messageId}-${d.attempt}-${d.attemptedAt}`}
        size="small"
        loading={deliveries.loading && !deliveries.data}
        dataSource={deliveries.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 960 }}
        locale={{ emptyText: t('eapAdmin.deliveries.none') }}
        columns={[
          { title: t('eapAdmin.deliveries.at'), key: 'at', render: (_, d) => formatDateTime(d.attemptedAt, lang) },
          { title: t('eapAdmin.deliveries.event'), key: 'event', render: (_, d) => d.eventType ?? '' },
          { title: t('eapAdmin.deliveries.attempt'), dataIndex: 'attempt', align: 'right' },
          {
            title: t('eapAdmin.deliveries.outcome'),
            key: 'outcome',
            render: (_, d) => <Tag color={OUTCOME_COLOURS[d.outcome]}>{t(`eapAdmin.deliveries.outcomes.${d.outcome}`)}</Tag>,
          },
          { title: t('eapAdmin.deliveries.code'), key: 'code', render: (_, d) => d.statusCode ?? '' },
          { title: t('eapAdmin.deliveries.error'), key: 'error', render: (_, d) => d.error ?? '' },
          { title: t('eapAdmin.deliveries.duration'), key: 'ms', align: 'right', render: (_, d) => d.durationMs ?? '' },
          {
            title: t('eapAdmin.deliveries.message'),
            key: 'message',
            render: (_, d) =>
              newest.has(d) ? (
                <Flex gap={8} wrap align="center">
                  <span>
                    <Typography.Text code>{d.messageId}</Typography.Text>{' '}
                    {d.messageStatus ? t(`eapAdmin.deliveries.messages.${d.messageStatus}`) : ''}
                  </span>
                  {d.messageStatus === 'failed' ? (
                    <Button size="small" type="primary" disabled={busy} aria-label={t('eapAdmin.deliveries.redeliverNamed', { id: d.messageId })} onClick={() => redeliver(d.messageId)}>
                      {t('eapAdmin.deliveries.redeliver')}
                    </Button>
                  ) : null}
                </Flex>
              ) : (
                <Typography.Text type="secondary" code>
                  {d.messageId}
                </Typography.Text>
              ),
          },
        ]}
      />
    </Flex>
  );
}

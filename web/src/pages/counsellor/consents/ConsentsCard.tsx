import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { formatDate, formatDateTime } from '../../../components/dates';
import { Loaded } from '../../../components/Loaded';
import { PaperConsentForm } from './PaperConsentForm';

const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/**
 * A worker's consents on their record: the standing decision per purpose (EAP per vendor), every grant and
 * withdrawal with who recorded it, and recording a decision the worker gave on paper.
 */
export function ConsentsCard({ workerId }: { workerId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const consents = useLoad(
    () => call(api.GET('/api/v1/workers/{id}/consents', { params: { path: { id: workerId } } })),
    [workerId],
  );
  const vendors = useLoad(() => call(api.GET('/api/v1/eap/vendors')), []);
  const [open, setOpen] = useState(false);
  const vendorName = (id: string | null) => (id ? (vendors.data?.find((v) => v.id === id)?.name ?? id) : '');
  const purposeLabel = (purpose: string, recipientId: string | null) =>
    recipientId
      ? t('rights.consents.forVendor', { purpose: t(`purpose.${purpose}`), vendor: vendorName(recipientId) })
      : t(`purpose.${purpose}`);

  return (
    <Card
      title={h2(t('rights.consents.title'))}
      extra={<Button onClick={() => setOpen(true)}>{t('rights.consents.record')}</Button>}
    >
      <Loaded state={consents}>
        {(data) => {
          const standing = ['assessment', 'counselling', 'research'].map(
            (purpose) =>
              data.current.find((c) => c.purpose === purpose && !c.recipientId) ?? {
                purpose,
                recipientId: null,
                granted: false,
                since: '',
              },
          );
          const perVendor = data.current.filter((c) => c.purpose === 'eap_referral');
          return (
            <Flex vertical gap={12}>
              <Flex gap={8} wrap aria-label={t('rights.consents.current')}>
                {[...standing, ...perVendor].map((c) => (
                  <Tag key={`${c.purpose}|${c.recipientId ?? ''}`} color={c.granted ? 'success' : 'default'}>
                    {purposeLabel(c.purpose, c.recipientId)}：
                    {c.granted ? t('rights.consents.given') : t('rights.consents.notGiven')}
                    {c.since ? ` · ${t('rights.consents.since', { date: formatDate(c.since, lang) })}` : ''}
                  </Tag>
                ))}
              </Flex>
              <Typography.Text strong>{t('rights.consents.history')}</Typography.Text>
              <Table
                size="small"
                rowKey="id"
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                scroll={{ x: 640 }}
                dataSource={data.history}
                locale={{
                  emptyText: (
                    <Typography.Text type="secondary">{t('rights.consents.noHistory')}</Typography.Text>
                  ),
                }}
                columns={[
                  {
                    title: t('rights.consents.when'),
                    key: 'at',
                    render: (_, e) => formatDateTime(e.at, lang),
                  },
                  {
                    title: t('rights.consents.purpose'),
                    key: 'purpose',
                    render: (_, e) => purposeLabel(e.purpose, e.recipientId),
                  },
                  {
                    title: t('rights.consents.decision'),
                    key: 'granted',
                    render: (_, e) => (
                      <Tag color={e.granted ? 'success' : 'default'}>
                        {e.granted ? t('rights.consents.given') : t('rights.consents.withdrawn')}
                      </Tag>
                    ),
                  },
                  {
                    title: t('rights.consents.recordedBy'),
                    key: 'by',
                    render: (_, e) =>
                      `${e.recordedByName ?? '—'} · ${e.onPaper ? t('rights.consents.onPaper') : t('rights.consents.online')}`,
                  },
                  { title: t('rights.consents.note'), key: 'note', render: (_, e) => e.note ?? '' },
                ]}
              />
            </Flex>
          );
        }}
      </Loaded>
      <PaperConsentForm
        workerId={workerId}
        open={open}
        onClose={() => setOpen(false)}
        onSaved={consents.reload}
      />
    </Card>
  );
}

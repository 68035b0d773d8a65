import { Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { formatDateTime } from '../../components/dates';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageTitle } from '../../components/PageTitle';

type Message = Schemas['SmsMessageDto'];
type Filter = Message['status'] | 'all';
const COLOURS: Record<Message['status'], string> = { queued: 'processing', sent: 'processing', delivered: 'success', failed: 'error', refused: 'warning' };

/** 短信发送记录: whether texts went out, for administrators (masked numbers; codes never shown). */
export default function SmsLogPage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const messages = useLoad(
    () => call(api.GET('/api/v1/sms/messages', { params: { query: filter === 'all' ? {} : { status: filter } } })),
    [filter],
  );
  return (
    <>
      <PageTitle title={t('mobile.nav.sms')} subtitle={t('mobile.sms.intro')} />
      <Segmented<Filter>
        value={filter}
        onChange={setFilter}
        options={[{ value: 'all', label: t('mobile.sms.all') }, ...(['queued', 'sent', 'delivered', 'failed', 'refused'] as const).map((s) => ({ value: s, label: t(`mobile.sms.states.${s}`) }))]}
        style={{ marginBottom: 16 }}
      />
      {messages.error ? <ErrorNotice error={messages.error} onRetry={messages.reload} /> : null}
      <Table<Message>
        rowKey="id"
        loading={messages.loading}
        dataSource={messages.data ?? []}
        scroll={{ x: true }}
        pagination={false}
        columns={[
          { title: t('mobile.sms.createdAt'), render: (_, m) => formatDateTime(m.createdAt, i18n.language) },
          { title: t('mobile.sms.to'), dataIndex: 'to' },
          { title: t('mobile.sms.template'), render: (_, m) => t(`mobile.sms.templates.${m.template}`, { defaultValue: m.template }) },
          { title: t('mobile.sms.status'), render: (_, m) => <Tag color={COLOURS[m.status]}>{t(`mobile.sms.states.${m.status}`)}</Tag> },
          { title: t('mobile.sms.reason'), render: (_, m) => m.reason ?? '—' },
        ]}
      />
    </>
  );
}

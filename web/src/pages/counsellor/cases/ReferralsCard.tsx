import { Button, Card, Form, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { formatDate } from '../../../components/dates';
import { LinkButton } from '../../../components/LinkButton';
import { useAction } from '../../../components/useAction';

type Create = Schemas['CreateReferralDto'];
export const PROVIDERS = ['internal_counselling', 'hospital', 'eap_vendor'] as const;

/** 转介与帮扶 from a case: the case's referrals and a draft for a new one (sent from the referral's page). */
export function ReferralsCard({
  caseId,
  workerId,
  closed,
  onChanged,
}: {
  caseId: string;
  workerId: string;
  closed: boolean;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const referrals = useLoad(
    () => call(api.GET('/api/v1/referrals', { params: { query: { caseId } } })),
    [caseId],
  );
  const vendors = useLoad(() => call(api.GET('/api/v1/eap/vendors')), []);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Create>();
  const provider = Form.useWatch('providerType', form);
  const [run, busy] = useAction();
  const create = async (values: Create) => {
    let id = '';
    const ok = await run(async () => {
      const made = await call(api.POST('/api/v1/referrals', { body: { ...values, caseId } }));
      id = made.id;
    }, t('referral.drafted'));
    if (ok) {
      onChanged();
      void navigate(`/staff/referrals/${id}`);
    }
  };
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('referral.title')}</h2>}
      extra={!closed && !open ? <Button onClick={() => setOpen(true)}>{t('referral.new')}</Button> : null}
    >
      {open ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void create(v)}
          style={{ maxWidth: 560, marginBottom: 16 }}
        >
          <Form.Item
            name="providerType"
            label={t('referral.provider')}
            rules={[{ required: true, message: t('referral.providerRequired') }]}
          >
            <Select options={PROVIDERS.map((p) => ({ value: p, label: t(`provider.${p}`) }))} />
          </Form.Item>
          {provider === 'hospital' ? (
            <Form.Item
              name="providerName"
              label={t('referral.providerName')}
              rules={[{ required: true, message: t('referral.providerNameRequired') }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          ) : null}
          {provider === 'eap_vendor' ? (
            <Form.Item
              name="vendorId"
              label={t('referral.vendor')}
              rules={[{ required: true, message: t('referral.vendorRequired') }]}
            >
              <Select
                loading={vendors.loading}
                options={(vendors.data ?? [])
                  .filter((v) => v.active)
                  .map((v) => ({ value: v.id, label: v.name }))}
              />
            </Form.Item>
          ) : null}
          <Form.Item name="reason" label={t('referral.reason')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('referral.createDraft')}
          </Button>{' '}
          <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
        </Form>
      ) : null}
      <ReferralTable
        items={referrals.data?.items ?? []}
        loading={referrals.loading}
        language={i18n.language}
      />
      {!closed ? (
        <LinkButton to={`/staff/eap/new?worker=${workerId}`} style={{ marginTop: 12 }}>
          {t('eap.draftFor')}
        </LinkButton>
      ) : null}
    </Card>
  );
}

type Row = Pick<
  Schemas['ReferralDto'],
  'id' | 'state' | 'open' | 'providerType' | 'providerName' | 'sentAt' | 'createdAt'
> &
  Partial<Pick<Schemas['ReferralListItemDto'], 'workerName' | 'ownerName'>>;

export function ReferralTable({
  items,
  loading,
  language,
}: {
  items: Row[];
  loading?: boolean;
  language: string;
}) {
  const { t } = useTranslation();
  return (
    <Table<Row>
      size="small"
      rowKey="id"
      loading={loading}
      pagination={false}
      scroll={{ x: 560 }}
      dataSource={items}
      locale={{ emptyText: t('referral.none') }}
      columns={[
        {
          title: t('referral.provider'),
          key: 'provider',
          render: (_, r) => (
            <LinkButton type="link" to={`/staff/referrals/${r.id}`} style={{ padding: 0 }}>
              {r.providerType ? t(`provider.${r.providerType}`) : t('referral.noProvider')}
              {r.providerName ? ` · ${r.providerName}` : ''}
            </LinkButton>
          ),
        },
        ...(items.some((r) => r.workerName !== undefined)
          ? [
              { title: t('referralEdit.worker'), key: 'worker', render: (_: unknown, r: Row) => r.workerName },
              {
                title: t('referralEdit.owner'),
                key: 'owner',
                render: (_: unknown, r: Row) => r.ownerName ?? t('referralEdit.noOwner'),
              },
            ]
          : []),
        {
          title: t('referral.state'),
          key: 'state',
          render: (_, r) => <Tag color={r.open ? 'blue' : 'default'}>{t(`referralState.${r.state}`)}</Tag>,
        },
        {
          title: t('referral.sentAt'),
          key: 'sent',
          render: (_, r) => formatDate(r.sentAt ?? r.createdAt, language),
        },
      ]}
    />
  );
}

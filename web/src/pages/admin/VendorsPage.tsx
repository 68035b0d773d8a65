import { Button, Card, Form, Input, Select, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageTitle } from '../../components/PageTitle';
import { useAction } from '../../components/useAction';

type Vendor = Schemas['VendorDto'];
type Create = Schemas['CreateVendorDto'];
export const EAP_SERVICES: Vendor['services'] = [
  'individual_counselling',
  'online_counselling',
  'hotline',
  'family_counselling',
  'crisis_support',
  'critical_incident',
  'group_workshop',
];

/**
 * EAP 服务机构 (工会+EAP): the vendor directory. Every administrator reads it; only root administrators add vendors
 * or switch them off (the server answers ROOT_ADMIN_ONLY otherwise, explained in Chinese).
 */
export default function VendorsPage() {
  const { t } = useTranslation();
  const vendors = useLoad(() => call(api.GET('/api/v1/eap/vendors')), []);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Create>();
  const [run, busy] = useAction();
  const create = async (v: Create) => {
    const ok = await run(
      () => call(api.POST('/api/v1/eap/vendors', { body: v })),
      t('vendors.created', { name: v.name }),
    );
    if (ok) {
      form.resetFields();
      setOpen(false);
      vendors.reload();
    }
  };
  const toggle = (v: Vendor, active: boolean) =>
    void run(
      () => call(api.PATCH('/api/v1/eap/vendors/{id}', { params: { path: { id: v.id } }, body: { active } })),
      active ? t('vendors.activated', { name: v.name }) : t('vendors.deactivated', { name: v.name }),
    ).then((ok) => ok && vendors.reload());
  return (
    <>
      <PageTitle
        title={t('nav.admin.vendors')}
        subtitle={t('vendors.intro')}
        extra={
          !open ? (
            <Button type="primary" onClick={() => setOpen(true)}>
              {t('vendors.new')}
            </Button>
          ) : null
        }
      />
      {open ? (
        <Card
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('vendors.new')}</h2>}
          style={{ marginBottom: 16, maxWidth: 720 }}
        >
          <Form form={form} layout="vertical" onFinish={(v) => void create(v)}>
            <Form.Item
              name="name"
              label={t('vendors.name')}
              rules={[{ required: true, whitespace: true, message: t('vendors.nameRequired') }]}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item
              name="services"
              label={t('vendors.services')}
              rules={[{ required: true, message: t('vendors.servicesRequired') }]}
            >
              <Select
                mode="multiple"
                options={EAP_SERVICES.map((s) => ({ value: s, label: t(`eapService.${s}`) }))}
              />
            </Form.Item>
            <Form.Item name="regions" label={t('vendors.regions')}>
              <Select mode="tags" tokenSeparators={[',', '，']} />
            </Form.Item>
            <Form.Item name="contactName" label={t('vendors.contactName')}>
              <Input />
            </Form.Item>
            <Form.Item name="contactPhone" label={t('vendors.contactPhone')}>
              <Input inputMode="tel" />
            </Form.Item>
            <Form.Item
              name="contactEmail"
              label={t('vendors.contactEmail')}
              rules={[{ type: 'email', message: t('vendors.emailInvalid') }]}
            >
              <Input inputMode="email" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('vendors.create')}
            </Button>{' '}
            <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
          </Form>
        </Card>
      ) : null}
      {vendors.error ? <ErrorNotice error={vendors.error} onRetry={vendors.reload} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Vendor>
          rowKey="id"
          loading={vendors.loading && !vendors.data}
          dataSource={vendors.data ?? []}
          pagination={false}
          scroll={{ x: 800 }}
          locale={{ emptyText: t('vendors.none') }}
          columns={[
            {
              title: t('vendors.name'),
              key: 'name',
              render: (_, v) => (
                <Link to={`/admin/vendors/${v.id}`} aria-label={t('eapAdmin.open', { name: v.name })}>
                  {v.name}
                </Link>
              ),
            },
            {
              title: t('vendors.services'),
              key: 'services',
              render: (_, v) => v.services.map((s) => <Tag key={s}>{t(`eapService.${s}`)}</Tag>),
            },
            { title: t('vendors.regions'), key: 'regions', render: (_, v) => v.regions.join('、') },
            {
              title: t('vendors.contact'),
              key: 'contact',
              render: (_, v) => [v.contactName, v.contactPhone, v.contactEmail].filter(Boolean).join(' · '),
            },
            {
              title: t('vendors.active'),
              key: 'active',
              render: (_, v) => (
                <Switch
                  checked={v.active}
                  disabled={busy}
                  aria-label={t('vendors.activeNamed', { name: v.name })}
                  onChange={(checked) => toggle(v, checked)}
                />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}

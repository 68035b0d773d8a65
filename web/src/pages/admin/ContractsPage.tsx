import {
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Table,
  Tag,
  TreeSelect,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { formatDate } from '../../components/dates';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageTitle } from '../../components/PageTitle';
import { useAction } from '../../components/useAction';
import { useOrgUnits } from '../../components/orgUnits';

type Contract = Schemas['ContractDto'];
interface Values {
  vendorId: string;
  orgUnitId: string;
  reference: string;
  period: [Dayjs, Dayjs];
  services: Contract['services'];
  sessionsPerWorker: number;
  sessionsTotal: number;
  priceYuan: number;
}

/**
 * EAP 合同: a union unit's contracts with vendors (covering the unit and every unit below), with their services,
 * session quotas and price; renewal reminders are sent by the server 60, 30 and 7 days before the end.
 */
export default function ContractsPage() {
  const { t, i18n } = useTranslation();
  const contracts = useLoad(() => call(api.GET('/api/v1/eap/contracts')), []);
  const vendors = useLoad(() => call(api.GET('/api/v1/eap/vendors')), []);
  const units = useOrgUnits();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const vendorId = Form.useWatch('vendorId', form);
  const vendor = vendors.data?.find((v) => v.id === vendorId);
  const [run, busy] = useAction();
  const lang = i18n.language;

  const create = async (v: Values) => {
    const ok = await run(
      () =>
        call(
          api.POST('/api/v1/eap/contracts', {
            body: {
              vendorId: v.vendorId,
              orgUnitId: v.orgUnitId,
              reference: v.reference.trim(),
              startsOn: v.period[0].format('YYYY-MM-DD'),
              endsOn: v.period[1].format('YYYY-MM-DD'),
              services: v.services,
              sessionsPerWorker: v.sessionsPerWorker,
              sessionsTotal: v.sessionsTotal,
              pricePerSessionCents: Math.round(v.priceYuan * 100),
            },
          }),
        ),
      t('contracts.created', { reference: v.reference }),
    );
    if (ok) {
      form.resetFields();
      setOpen(false);
      contracts.reload();
    }
  };
  const terminate = (c: Contract) =>
    void run(
      () => call(api.POST('/api/v1/eap/contracts/{id}/terminate', { params: { path: { id: c.id } } })),
      t('contracts.terminated', { reference: c.reference }),
    ).then((ok) => ok && contracts.reload());

  return (
    <>
      <PageTitle
        title={t('nav.admin.contracts')}
        subtitle={t('contracts.intro')}
        extra={
          !open ? (
            <Button type="primary" onClick={() => setOpen(true)}>
              {t('contracts.new')}
            </Button>
          ) : null
        }
      />
      {open ? (
        <Card
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('contracts.new')}</h2>}
          style={{ marginBottom: 16, maxWidth: 720 }}
        >
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => void create(v)}
            initialValues={{ sessionsPerWorker: 6, sessionsTotal: 300 }}
          >
            <Form.Item
              name="vendorId"
              label={t('eap.vendor')}
              rules={[{ required: true, message: t('referral.vendorRequired') }]}
            >
              <Select options={(vendors.data ?? []).map((v) => ({ value: v.id, label: v.name }))} />
            </Form.Item>
            <Form.Item
              name="orgUnitId"
              label={t('contracts.unit')}
              extra={t('contracts.unitHint')}
              rules={[{ required: true, message: t('contracts.unitRequired') }]}
            >
              <TreeSelect treeData={units.tree} treeDefaultExpandAll />
            </Form.Item>
            <Form.Item
              name="reference"
              label={t('contracts.reference')}
              rules={[{ required: true, whitespace: true, message: t('contracts.referenceRequired') }]}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item
              name="period"
              label={t('contracts.period')}
              rules={[{ required: true, message: t('contracts.periodRequired') }]}
            >
              <DatePicker.RangePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="services"
              label={t('vendors.services')}
              rules={[{ required: true, message: t('vendors.servicesRequired') }]}
            >
              <Select
                mode="multiple"
                disabled={!vendor}
                options={(vendor?.services ?? []).map((s) => ({ value: s, label: t(`eapService.${s}`) }))}
              />
            </Form.Item>
            <Form.Item name="sessionsPerWorker" label={t('contracts.perWorker')} rules={[{ required: true }]}>
              <InputNumber min={1} max={100} />
            </Form.Item>
            <Form.Item name="sessionsTotal" label={t('contracts.total')} rules={[{ required: true }]}>
              <InputNumber min={1} max={1_000_000} />
            </Form.Item>
            <Form.Item
              name="priceYuan"
              label={t('contracts.price')}
              rules={[{ required: true, message: t('contracts.priceRequired') }]}
            >
              <InputNumber min={0} step={10} precision={2} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('contracts.create')}
            </Button>{' '}
            <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
          </Form>
        </Card>
      ) : null}
      {contracts.error ? <ErrorNotice error={contracts.error} onRetry={contracts.reload} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Contract>
          rowKey="id"
          loading={contracts.loading && !contracts.data}
          dataSource={contracts.data ?? []}
          pagination={false}
          scroll={{ x: 960 }}
          locale={{ emptyText: t('contracts.none') }}
          columns={[
            {
              title: t('contracts.reference'),
              key: 'reference',
              render: (_, c) => (
                <Link to={`/admin/contracts/${c.id}`} aria-label={t('eapAdmin.contract.open', { reference: c.reference })}>
                  {c.reference}
                </Link>
              ),
            },
            { title: t('eap.vendor'), dataIndex: 'vendorName' },
            { title: t('contracts.unit'), key: 'unit', render: (_, c) => units.names.get(c.orgUnitId) ?? '' },
            {
              title: t('contracts.period'),
              key: 'period',
              render: (_, c) => `${formatDate(c.startsOn, lang)} – ${formatDate(c.endsOn, lang)}`,
            },
            {
              title: t('contracts.quota'),
              key: 'quota',
              render: (_, c) =>
                t('contracts.quotaText', { perWorker: c.sessionsPerWorker, total: c.sessionsTotal }),
            },
            {
              title: t('contracts.status'),
              key: 'status',
              render: (_, c) =>
                c.status === 'terminated' ? (
                  <Tag>{t('contracts.statusTerminated')}</Tag>
                ) : c.activeToday ? (
                  <Tag color="success">{t('contracts.statusActive')}</Tag>
                ) : (
                  <Tag color="warning">{t('contracts.statusNotNow')}</Tag>
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, c) =>
                c.status === 'active' ? (
                  <Popconfirm
                    title={t('contracts.terminateConfirm', { reference: c.reference })}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => terminate(c)}
                  >
                    <Button danger size="small" disabled={busy}>
                      {t('contracts.terminate')}
                    </Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
      </Card>
    </>
  );
}

import { Button, Card, Form, InputNumber, Popconfirm, Segmented, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { formatDate } from '../../components/dates';
import { Loaded } from '../../components/Loaded';
import { useAction } from '../../components/useAction';
import { useStaffNames, useTrainingLabels } from './labels';

type State = 'all' | 'expiring' | 'current';
const STATE_COLOUR = {
  current: 'success',
  expiring: 'warning',
  expired: 'default',
  revoked: 'error',
  not_yet_valid: 'default',
} as const;

/** Certifications: issue one by hand, revoke, see those expiring soon; who is certified for each type. */
export function CertificationsCard() {
  const { t, i18n } = useTranslation();
  const { catalogue, label } = useTrainingLabels(i18n.language);
  const staff = useStaffNames();
  const [state, setState] = useState<State>('expiring');
  const [type, setType] = useState<Schemas['CertificationDto']['type']>('crisis_intervention');
  const list = useLoad(
    () => call(api.GET('/api/v1/certifications', { params: { query: state === 'all' ? {} : { state } } })),
    [state],
  );
  const certified = useLoad(
    () => call(api.GET('/api/v1/certifications/certified-staff', { params: { query: { type } } })),
    [type],
  );
  const [form] = Form.useForm<{
    userId: string;
    type: Schemas['IssueCertificationDto']['type'];
    validMonths: number;
  }>();
  const [run, busy] = useAction();
  const issue = (v: {
    userId: string;
    type: Schemas['IssueCertificationDto']['type'];
    validMonths: number;
  }) =>
    void run(() => call(api.POST('/api/v1/certifications', { body: v })), t('training.cert.issued')).then(
      (ok) => {
        if (!ok) return;
        form.resetFields();
        setState('all');
        list.reload();
        certified.reload();
      },
    );
  const revoke = (id: string) =>
    void run(
      () => call(api.POST('/api/v1/certifications/{id}/revoke', { params: { path: { id } } })),
      t('training.cert.revoked'),
    ).then((ok) => ok && list.reload());
  const typeOptions = (catalogue?.certificationTypes ?? []).map((c) => ({
    value: c.code,
    label: label(c.code),
  }));
  return (
    <>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('training.cert.title')}</h2>}>
        <Segmented<State>
          value={state}
          onChange={setState}
          style={{ marginBottom: 12 }}
          options={(['expiring', 'current', 'all'] as const).map((v) => ({
            value: v,
            label: t(`training.cert.filter.${v}`),
          }))}
        />
        <Loaded state={list}>
          {(items) => (
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 600 }}
              dataSource={items}
              locale={{
                emptyText: <Typography.Text type="secondary">{t('training.cert.none')}</Typography.Text>,
              }}
              columns={[
                { title: t('training.person'), key: 'u', render: (_, c) => staff.name(c.userId) },
                { title: t('training.cert.type'), key: 't', render: (_, c) => label(c.type) },
                {
                  title: t('training.cert.expires'),
                  key: 'e',
                  render: (_, c) => formatDate(c.expiresAt, i18n.language),
                },
                {
                  title: t('face.status'),
                  key: 's',
                  render: (_, c) => (
                    <Tag color={STATE_COLOUR[c.state]}>{t(`training.cert.state.${c.state}`)}</Tag>
                  ),
                },
                {
                  title: t('common.actions'),
                  key: 'a',
                  render: (_, c) =>
                    c.state === 'revoked' ? null : (
                      <Popconfirm title={t('training.cert.confirmRevoke')} onConfirm={() => revoke(c.id)}>
                        <Button
                          size="small"
                          danger
                          disabled={busy}
                          aria-label={`${t('training.cert.revoke')} ${staff.name(c.userId)}`}
                        >
                          {t('training.cert.revoke')}
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]}
            />
          )}
        </Loaded>
        <Form
          form={form}
          layout="inline"
          onFinish={issue}
          initialValues={{ validMonths: 24 }}
          style={{ marginTop: 16, rowGap: 8 }}
        >
          <Form.Item
            name="userId"
            label={t('training.person')}
            rules={[{ required: true, message: t('face.required') }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              style={{ minWidth: 180 }}
              options={staff.items.map((u) => ({ value: u.id, label: u.displayName }))}
            />
          </Form.Item>
          <Form.Item
            name="type"
            label={t('training.cert.type')}
            rules={[{ required: true, message: t('face.required') }]}
          >
            <Select style={{ minWidth: 180 }} options={typeOptions} />
          </Form.Item>
          <Form.Item name="validMonths" label={t('training.course.months')}>
            <InputNumber min={1} max={120} />
          </Form.Item>
          <Button htmlType="submit" loading={busy}>
            {t('training.cert.issue')}
          </Button>
        </Form>
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('training.cert.certified')}</h2>}>
        <Select
          aria-label={t('training.cert.type')}
          style={{ minWidth: 200, marginBottom: 12 }}
          value={type}
          onChange={setType}
          options={typeOptions}
        />
        <Loaded state={certified}>
          {(items) => (
            <Table
              rowKey="userId"
              size="small"
              pagination={false}
              dataSource={items}
              locale={{
                emptyText: <Typography.Text type="secondary">{t('training.cert.none')}</Typography.Text>,
              }}
              columns={[
                { title: t('training.person'), dataIndex: 'displayName' },
                { title: t('training.role'), key: 'r', render: (_, u) => t(`role.${u.role}`) },
              ]}
            />
          )}
        </Loaded>
      </Card>
    </>
  );
}

import { Button, Card, Flex, Form, Input, Popconfirm, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { formatDateTime } from '../../components/dates';
import { downloadFile } from '../../components/download';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageTitle } from '../../components/PageTitle';
import { useOrgUnits } from '../../components/orgUnits';
import { useAction } from '../../components/useAction';

type Link = Schemas['JoinLinkDto'];

/** 入会链接与海报: a unit publishes a link or prints a poster; new-form workers scan it and join by themselves. */
export default function JoinLinksPage() {
  const { t, i18n } = useTranslation();
  const units = useOrgUnits();
  const links = useLoad(() => call(api.GET('/api/v1/join-links')), []);
  const [form] = Form.useForm<{ orgUnitId: string; label: string }>();
  const [run, busy] = useAction();

  const create = (v: { orgUnitId: string; label: string }) =>
    void run(() => call(api.POST('/api/v1/join-links', { body: { orgUnitId: v.orgUnitId, label: v.label.trim() } })), t('mobile.links.created')).then((ok) => {
      if (!ok) return;
      form.resetFields();
      links.reload();
    });
  const revoke = (link: Link) =>
    void run(() => call(api.POST('/api/v1/join-links/{id}/revoke', { params: { path: { id: link.id } } })), t('mobile.links.revokedDone')).then(
      (ok) => ok && links.reload(),
    );
  // api: GET /api/v1/join-links/{id}/poster.pdf
  const poster = (link: Link) => void run(() => downloadFile(`/api/v1/join-links/${link.id}/poster.pdf`, 'join-poster.pdf'));
  // api: GET /api/v1/join-links/{id}/qr.png
  const qr = (link: Link) => void run(() => downloadFile(`/api/v1/join-links/${link.id}/qr.png`, 'join-qr.png'));

  return (
    <>
      <PageTitle title={t('mobile.nav.joinLinks')} subtitle={t('mobile.links.intro')} />
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('mobile.links.create')}</h2>} style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" onFinish={create}>
          <Flex gap={16} wrap>
            <Form.Item name="orgUnitId" label={t('mobile.links.unit')} rules={[{ required: true, message: t('mobile.links.unitRequired') }]} style={{ minWidth: 260 }}>
              <TreeSelect treeData={units.tree} treeDefaultExpandAll />
            </Form.Item>
            <Form.Item name="label" label={t('mobile.links.label')} rules={[{ required: true, whitespace: true, message: t('mobile.links.labelRequired') }]} style={{ minWidth: 260 }}>
              <Input maxLength={100} />
            </Form.Item>
          </Flex>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('mobile.links.create')}
          </Button>
        </Form>
      </Card>
      {links.error ? <ErrorNotice error={links.error} onRetry={links.reload} /> : null}
      <Table<Link>
        rowKey="id"
        loading={links.loading}
        dataSource={links.data ?? []}
        scroll={{ x: true }}
        pagination={false}
        columns={[
          { title: t('mobile.links.label'), render: (_, l) => <><strong>{l.label}</strong><div>{l.orgUnitName}</div></> },
          { title: t('mobile.links.url'), render: (_, l) => <Typography.Text copyable={{ text: l.url }} style={{ wordBreak: 'break-all' }}>{l.url}</Typography.Text> },
          { title: t('mobile.links.joined'), dataIndex: 'joinedCount' },
          { title: t('mobile.links.state'), render: (_, l) => (l.active ? <Tag color="success">{t('mobile.links.active')}</Tag> : <Tag>{t('mobile.links.revoked')} {formatDateTime(l.revokedAt, i18n.language)}</Tag>) },
          {
            title: t('common.actions'),
            render: (_, l) =>
              l.active ? (
                <Space wrap>
                  <Button onClick={() => poster(l)}>{t('mobile.links.poster')}</Button>
                  <Button onClick={() => qr(l)}>{t('mobile.links.qr')}</Button>
                  <Popconfirm title={t('mobile.links.revokeConfirm')} onConfirm={() => revoke(l)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                    <Button danger>{t('mobile.links.revoke')}</Button>
                  </Popconfirm>
                </Space>
              ) : null,
          },
        ]}
      />
    </>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Popconfirm, Statistic, Table, Tag, Row, Col, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { formatDateTime } from '../../components/dates';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LinkButton } from '../../components/LinkButton';
import { Loaded } from '../../components/Loaded';
import { PageTitle } from '../../components/PageTitle';
import { useAction } from '../../components/useAction';
import { CHART_COLOURS } from '../../theme';
import { CampaignForm } from './CampaignForm';

type Campaign = Schemas['CampaignDto'];
const STATUS_COLOUR = { scheduled: 'default', open: 'processing', closed: 'success' } as const;

/** Participation of one campaign: totals and a bar per unit (counts only). */
function Participation({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const participation = useLoad(
    () => call(api.GET('/api/v1/campaigns/{id}/participation', { params: { path: { id: campaign.id } } })),
    [campaign.id],
  );
  return (
    <Loaded state={participation}>
      {(p) => (
        <Flex vertical gap={16}>
          <Row gutter={16}>
            <Col span={8}>
              <Statistic title={t('staff.campaigns.targeted')} value={p.targeted} />
            </Col>
            <Col span={8}>
              <Statistic title={t('staff.campaigns.started')} value={p.started} />
            </Col>
            <Col span={8}>
              <Statistic
                title={t('staff.campaigns.completed')}
                value={p.completed}
                suffix={p.targeted ? `(${Math.round((p.completed / p.targeted) * 100)}%)` : ''}
              />
            </Col>
          </Row>
          <div aria-hidden style={{ width: '100%', height: Math.max(200, p.units.length * 36) }}>
            <ResponsiveContainer>
              <BarChart
                accessibilityLayer={false}
                data={p.units}
                layout="vertical"
                margin={{ left: 24, right: 16 }}
              >
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="name" width={140} tick={{ fontSize: 12 }} />
                <Tooltip />
                <Legend />
                <Bar
                  dataKey="targeted"
                  name={t('staff.campaigns.targeted')}
                  fill="#94a3b8"
                  isAnimationActive={false}
                />
                <Bar
                  dataKey="completed"
                  name={t('staff.campaigns.completed')}
                  fill={CHART_COLOURS[0]}
                  isAnimationActive={false}
                />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <Table
            size="small"
            rowKey="orgUnitId"
            pagination={false}
            dataSource={p.units}
            columns={[
              { title: t('staff.workers.unit'), dataIndex: 'name' },
              { title: t('staff.campaigns.targeted'), dataIndex: 'targeted' },
              { title: t('staff.campaigns.started'), dataIndex: 'started' },
              { title: t('staff.campaigns.completed'), dataIndex: 'completed' },
            ]}
          />
        </Flex>
      )}
    </Loaded>
  );
}

/** 测评活动: list, launch, participation by unit, close. */
export default function CampaignsPage() {
  const { t, i18n } = useTranslation();
  const campaigns = useLoad(
    () => call(api.GET('/api/v1/campaigns', { params: { query: { pageSize: 100 } } })),
    [],
  );
  const [creating, setCreating] = useState(false);
  const [viewing, setViewing] = useState<Campaign | null>(null);
  const [run, busy] = useAction();
  const close = (c: Campaign) =>
    run(
      () => call(api.POST('/api/v1/campaigns/{id}/close', { params: { path: { id: c.id } } })),
      t('staff.campaigns.closed'),
    ).then((ok) => ok && campaigns.reload());

  return (
    <>
      <PageTitle
        title={t('nav.staff.campaigns')}
        subtitle={t('staff.campaigns.intro')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('staff.campaigns.new')}
          </Button>
        }
      />
      {campaigns.error ? <ErrorNotice error={campaigns.error} onRetry={campaigns.reload} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Campaign>
          rowKey="id"
          loading={campaigns.loading}
          dataSource={campaigns.data?.items ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('staff.campaigns.empty') }}
          columns={[
            { title: t('staff.campaigns.titleLabel'), dataIndex: 'title' },
            {
              title: t('staff.campaigns.status'),
              key: 'status',
              render: (_, c) => <Tag color={STATUS_COLOUR[c.status]}>{t(`campaignStatus.${c.status}`)}</Tag>,
            },
            {
              title: t('staff.campaigns.instruments'),
              key: 'instruments',
              render: (_, c) => c.instrumentCodes.join('、'),
            },
            {
              title: t('staff.campaigns.opens'),
              key: 'opens',
              render: (_, c) => formatDateTime(c.opensAt, i18n.language),
            },
            {
              title: t('staff.campaigns.closes'),
              key: 'closes',
              render: (_, c) => formatDateTime(c.closedAt ?? c.closesAt, i18n.language),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, c) => (
                <Flex gap={8} wrap>
                  <Button onClick={() => setViewing(c)}>{t('staff.campaigns.participation')}</Button>
                  <LinkButton to={`/staff/campaigns/${c.id}`} aria-label={`${t('face.campaign.results')} ${c.title}`}>
                    {t('face.campaign.results')}
                  </LinkButton>
                  {c.status !== 'closed' ? (
                    <Popconfirm
                      title={t('staff.campaigns.confirmClose')}
                      okText={t('common.confirm')}
                      cancelText={t('common.back')}
                      onConfirm={() => close(c)}
                    >
                      <Button danger disabled={busy}>
                        {t('staff.campaigns.close')}
                      </Button>
                    </Popconfirm>
                  ) : null}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      {creating ? (
        <CampaignForm
          onClose={(created) => {
            setCreating(false);
            if (created) campaigns.reload();
          }}
        />
      ) : null}
      <Drawer open={viewing !== null} size={640} title={viewing?.title} onClose={() => setViewing(null)}>
        {viewing ? <Participation campaign={viewing} /> : null}
      </Drawer>
    </>
  );
}

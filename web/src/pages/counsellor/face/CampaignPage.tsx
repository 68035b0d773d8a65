import { Button, Card, Descriptions, Drawer, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { formatDateTime } from '../../../components/dates';
import { LinkButton } from '../../../components/LinkButton';
import { Loaded } from '../../../components/Loaded';
import { PageTitle } from '../../../components/PageTitle';

/** One result in full: score, band, the answers, and who entered it (a paper form) or the worker online. */
function ResultDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const result = useLoad(() => call(api.GET('/api/v1/assessments/{id}', { params: { path: { id } } })), [id]);
  return (
    <Drawer open title={t('face.campaign.result')} onClose={onClose}>
      <Loaded state={result}>
        {(r) => (
          <Descriptions
            column={1}
            size="small"
            items={[
              {
                key: 'i',
                label: t('face.campaign.instrument'),
                children: `${r.instrumentCode} ${r.instrumentVersion}`,
              },
              {
                key: 's',
                label: t('face.campaign.score'),
                children: `${r.totalScore ?? '—'} · ${r.band ?? '—'}`,
              },
              {
                key: 'c',
                label: t('face.campaign.crisis'),
                children: r.crisis ? (
                  <Tag color="error">{t('face.campaign.crisisYes')}</Tag>
                ) : (
                  t('face.campaign.crisisNo')
                ),
              },
              {
                key: 'd',
                label: t('face.campaign.completedAt'),
                children: formatDateTime(r.completedAt, i18n.language),
              },
              {
                key: 'a',
                label: t('face.campaign.answers'),
                children: r.answers ? r.answers.join(' ') : '—',
              },
            ]}
          />
        )}
      </Loaded>
    </Drawer>
  );
}

/** One campaign: its window and instruments, and every completed result by name (crisis results marked). */
export default function CampaignPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { id = '' } = useParams();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const campaign = useLoad(() => call(api.GET('/api/v1/campaigns/{id}', { params: { path: { id } } })), [id]);
  const results = useLoad(
    () =>
      call(
        api.GET('/api/v1/campaigns/{id}/results', {
          params: { path: { id }, query: { page, pageSize: 20 } },
        }),
      ),
    [id, page],
  );
  return (
    <Loaded state={campaign}>
      {(c) => (
        <>
          <PageTitle
            title={c.title}
            subtitle={t(`campaignStatus.${c.status}`)}
            extra={<LinkButton to="/staff/campaigns">{t('face.campaign.back')}</LinkButton>}
          />
          <Flex vertical gap={16}>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'i', label: t('staff.campaigns.instruments'), children: c.instrumentCodes.join('、') },
                { key: 'o', label: t('staff.campaigns.opens'), children: formatDateTime(c.opensAt, lang) },
                {
                  key: 'c',
                  label: t('staff.campaigns.closes'),
                  children: formatDateTime(c.closedAt ?? c.closesAt, lang),
                },
              ]}
            />
            {c.description ? <Typography.Paragraph>{c.description}</Typography.Paragraph> : null}
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('face.campaign.results')}</h2>}>
              <Loaded state={results}>
                {(r) => (
                  <Table
                    rowKey={(row) => row.result.id}
                    size="small"
                    scroll={{ x: 600 }}
                    dataSource={r.items}
                    pagination={{
                      current: r.page,
                      pageSize: r.pageSize,
                      total: r.total,
                      onChange: setPage,
                      showSizeChanger: false,
                    }}
                    locale={{
                      emptyText: (
                        <Typography.Text type="secondary">{t('face.campaign.noResults')}</Typography.Text>
                      ),
                    }}
                    columns={[
                      { title: t('face.campaign.worker'), dataIndex: 'workerName' },
                      {
                        title: t('face.campaign.instrument'),
                        key: 'i',
                        render: (_, row) => row.result.instrumentCode,
                      },
                      {
                        title: t('face.campaign.score'),
                        key: 's',
                        render: (_, row) => (
                          <>
                            {`${row.result.totalScore ?? '—'} · ${row.result.band ?? '—'} `}
                            {row.result.crisis ? (
                              <Tag color="error">{t('face.campaign.crisisYes')}</Tag>
                            ) : null}
                          </>
                        ),
                      },
                      {
                        title: t('face.campaign.completedAt'),
                        key: 'd',
                        render: (_, row) => formatDateTime(row.result.completedAt, lang),
                      },
                      {
                        title: t('common.actions'),
                        key: 'a',
                        render: (_, row) => (
                          <Button
                            size="small"
                            type="link"
                            onClick={() => setOpen(row.result.id)}
                            aria-label={`${t('common.details')} ${row.workerName}`}
                          >
                            {t('common.details')}
                          </Button>
                        ),
                      },
                    ]}
                  />
                )}
              </Loaded>
            </Card>
          </Flex>
          {open ? <ResultDrawer id={open} onClose={() => setOpen(null)} /> : null}
        </>
      )}
    </Loaded>
  );
}

import { Alert, Button, Card, Descriptions, Drawer, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { Loaded } from '../../components/Loaded';
import { PageTitle } from '../../components/PageTitle';
import { pick } from '../../i18n';
import { InstrumentFilesCard } from './InstrumentFilesCard';

const TRANSLATION_COLOUR = {
  published_validated: 'success',
  commonly_used_unverified: 'warning',
  own_wording: 'error',
} as const;

function InstrumentDetail({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const instrument = useLoad(
    () => call(api.GET('/api/v1/instruments/{code}', { params: { path: { code } } })),
    [code],
  );
  return (
    <Loaded state={instrument}>
      {(d) => (
        <>
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('admin.instruments.version')}>{d.version}</Descriptions.Item>
            <Descriptions.Item label={t('admin.instruments.items')}>{d.items.length}</Descriptions.Item>
            <Descriptions.Item label={t('admin.instruments.range')}>
              {(d.scoring.range ?? []).join('–')}
            </Descriptions.Item>
            <Descriptions.Item label={t('admin.instruments.translation')}>
              <Tag color={TRANSLATION_COLOUR[d.translation.status]}>
                {t(`translation.${d.translation.status}`)}
              </Tag>{' '}
              {pick(d.translation.note, lang)}
            </Descriptions.Item>
            <Descriptions.Item label={t('admin.instruments.licence')}>{d.licence.summary}</Descriptions.Item>
            <Descriptions.Item label={t('admin.instruments.citation')}>{d.citation}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {t('admin.instruments.bands')}
          </Typography.Title>
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={d.bands}
            style={{ marginBottom: 16 }}
            columns={[
              { title: t('admin.instruments.scores'), key: 'range', render: (_, b) => `${b.min}–${b.max}` },
              { title: t('admin.instruments.band'), key: 'label', render: (_, b) => pick(b.label, lang) },
              {
                title: t('admin.instruments.validated'),
                key: 'validated',
                render: (_, b) =>
                  b.validated ? (
                    t('common.yes')
                  ) : (
                    <Tag color="warning">{t('admin.instruments.convention')}</Tag>
                  ),
              },
            ]}
          />
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {t('admin.instruments.crisisRules')}
          </Typography.Title>
          {d.crisisRules.length === 0 ? (
            <Typography.Paragraph type="secondary">
              {t('admin.instruments.noCrisisRules')}
            </Typography.Paragraph>
          ) : (
            <ul>
              {d.crisisRules.map((r) => (
                <li key={r.code}>
                  {r.kind === 'item_above'
                    ? t('staff.crisis.reasonItem', { item: r.item, above: r.above })
                    : t('staff.crisis.reasonTotal', { atLeast: r.atLeast })}
                </li>
              ))}
            </ul>
          )}
          <Alert type="info" showIcon title={t('admin.instruments.settingsHint')} />
        </>
      )}
    </Loaded>
  );
}

/** 量表: the instrument library, with scoring bands, crisis rules in force, translation status and licence. */
export default function InstrumentsPage() {
  const { t, i18n } = useTranslation();
  const instruments = useLoad(() => call(api.GET('/api/v1/instruments')), []);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <PageTitle title={t('nav.admin.instruments')} subtitle={t('admin.instruments.intro')} />
      <Card styles={{ body: { padding: 0 } }}>
        <Loaded state={instruments}>
          {(list) => (
            <Table<Schemas['InstrumentSummaryDto']>
              rowKey="code"
              dataSource={list}
              pagination={false}
              scroll={{ x: 700 }}
              columns={[
                { title: t('admin.instruments.code'), dataIndex: 'code' },
                {
                  title: t('admin.instruments.name'),
                  key: 'name',
                  render: (_, i) => pick(i.name, i18n.language),
                },
                { title: t('admin.instruments.items'), dataIndex: 'itemCount' },
                {
                  title: t('admin.instruments.translation'),
                  key: 'translation',
                  render: (_, i) => (
                    <Tag color={TRANSLATION_COLOUR[i.translationStatus]}>
                      {t(`translation.${i.translationStatus}`)}
                    </Tag>
                  ),
                },
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_, i) => (
                    <Button size="small" onClick={() => setOpen(i.code)}>
                      {t('common.details')}
                    </Button>
                  ),
                },
              ]}
            />
          )}
        </Loaded>
      </Card>
      <InstrumentFilesCard />
      <Drawer open={open !== null} size={640} title={open} onClose={() => setOpen(null)}>
        {open ? <InstrumentDetail code={open} /> : null}
      </Drawer>
    </>
  );
}

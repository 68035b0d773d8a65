import { CheckCircleTwoTone, MinusCircleOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import { formatDateTime } from '../../components/dates';
import { Loaded } from '../../components/Loaded';
import { PageTitle } from '../../components/PageTitle';
import { useAction } from '../../components/useAction';
import { consentSince, hasConsent, type Purpose } from './consents';

const PURPOSES: Purpose[] = ['assessment', 'counselling'];

/** Consents in plain words: what saying yes means, who sees what, and that it can be withdrawn at any time. */
export default function ConsentsPage() {
  const { t, i18n } = useTranslation();
  const consents = useLoad(() => call(api.GET('/api/v1/me/consents')), []);
  const [run, busy] = useAction();

  const record = (purpose: Purpose, granted: boolean) =>
    run(
      () => call(api.POST('/api/v1/me/consents', { body: { purpose, granted } })),
      t(granted ? 'worker.consents.granted' : 'worker.consents.withdrawn'),
    ).then((ok) => ok && consents.reload());

  return (
    <>
      <PageTitle title={t('nav.worker.consents')} subtitle={t('worker.consents.intro')} />
      <Loaded state={consents}>
        {(data) => (
          <Flex vertical gap={16}>
            {PURPOSES.map((purpose) => {
              const given = hasConsent(data, purpose);
              const since = consentSince(data, purpose);
              return (
                <Card
                  key={purpose}
                  title={<h2 style={{ fontSize: 17, margin: 0 }}>{t(`worker.consents.${purpose}.title`)}</h2>}
                  extra={
                    given ? (
                      <Tag color="success" icon={<CheckCircleTwoTone twoToneColor="#237804" />}>
                        {t('worker.consents.statusGiven')}
                      </Tag>
                    ) : (
                      <Tag icon={<MinusCircleOutlined />}>{t('worker.consents.statusNotGiven')}</Tag>
                    )
                  }
                >
                  <Typography.Paragraph>{t(`worker.consents.${purpose}.what`)}</Typography.Paragraph>
                  <Typography.Paragraph>{t(`worker.consents.${purpose}.who`)}</Typography.Paragraph>
                  <Typography.Paragraph type="secondary">
                    {t(`worker.consents.${purpose}.withdraw`)}
                  </Typography.Paragraph>
                  {given && since ? (
                    <Typography.Paragraph type="secondary">
                      {t('worker.consents.since', { date: formatDateTime(since, i18n.language) })}
                    </Typography.Paragraph>
                  ) : null}
                  {given ? (
                    <Popconfirm
                      title={t('worker.consents.confirmWithdraw')}
                      okText={t('worker.consents.withdraw')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => record(purpose, false)}
                    >
                      <Button disabled={busy}>{t('worker.consents.withdraw')}</Button>
                    </Popconfirm>
                  ) : (
                    <Button type="primary" loading={busy} onClick={() => void record(purpose, true)}>
                      {t(`worker.consents.${purpose}.agree`)}
                    </Button>
                  )}
                </Card>
              );
            })}
            {data.history.length > 0 ? (
              <Collapse
                items={[
                  {
                    key: 'history',
                    label: t('worker.consents.history'),
                    children: (
                      <List
                        size="small"
                        dataSource={data.history}
                        renderItem={(event) => (
                          <List.Item>
                            {formatDateTime(event.at, i18n.language)} · {t(`purpose.${event.purpose}`)} ·{' '}
                            {event.granted
                              ? t('worker.consents.statusGiven')
                              : t('worker.consents.statusWithdrawn')}
                            {event.onPaper ? ` · ${t('worker.consents.onPaper')}` : ''}
                          </List.Item>
                        )}
                      />
                    ),
                  },
                ]}
              />
            ) : null}
          </Flex>
        )}
      </Loaded>
    </>
  );
}

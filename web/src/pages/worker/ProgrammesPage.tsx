import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import { formatDateTime } from '../../components/dates';
import { Loaded } from '../../components/Loaded';
import { PageTitle } from '../../components/PageTitle';
import { useAction } from '../../components/useAction';
import { pick } from '../../i18n';

/** 关爱项目: programmes the union invited me to (线), to accept or decline, with their activities. */
export default function MyProgrammesPage() {
  const { t, i18n } = useTranslation();
  const list = useLoad(() => call(api.GET('/api/v1/me/programmes')), []);
  const [run, busy] = useAction();
  const lang = i18n.language;
  const answer = (id: string, accept: boolean) =>
    void run(
      () =>
        accept
          ? call(api.POST('/api/v1/me/programmes/{id}/accept', { params: { path: { id } } }))
          : call(api.POST('/api/v1/me/programmes/{id}/decline', { params: { path: { id } } })),
      accept ? t('myProgrammes.accepted') : t('myProgrammes.declined'),
    ).then((ok) => ok && list.reload());
  return (
    <>
      <PageTitle title={t('nav.worker.programmes')} subtitle={t('myProgrammes.intro')} />
      <Loaded state={list}>
        {(items) =>
          items.length === 0 ? (
            <Card>
              <Empty description={t('myProgrammes.none')} />
            </Card>
          ) : (
            <Flex vertical gap={16}>
              {items.map((p) => (
                <Card key={p.programmeId} title={<h2 style={{ fontSize: 16, margin: 0 }}>{p.title}</h2>}>
                  <Flex gap={8} wrap style={{ marginBottom: 8 }}>
                    <Tag>{pick(p.subgroupName, lang)}</Tag>
                    <Tag
                      color={
                        p.status === 'accepted'
                          ? 'success'
                          : p.status === 'invited'
                            ? 'processing'
                            : 'default'
                      }
                    >
                      {t(`enrolment.${p.status}`)}
                    </Tag>
                  </Flex>
                  {p.description ? <Typography.Paragraph>{p.description}</Typography.Paragraph> : null}
                  {p.activities.length > 0 ? (
                    <List
                      size="small"
                      header={t('myProgrammes.activities')}
                      dataSource={p.activities}
                      renderItem={(a) => (
                        <List.Item>
                          {a.title} · {formatDateTime(a.scheduledAt, lang)}
                        </List.Item>
                      )}
                    />
                  ) : null}
                  {p.status === 'invited' ? (
                    <Flex gap={8} style={{ marginTop: 12 }}>
                      <Button type="primary" loading={busy} onClick={() => answer(p.programmeId, true)}>
                        {t('myProgrammes.accept')}
                      </Button>
                      <Button disabled={busy} onClick={() => answer(p.programmeId, false)}>
                        {t('myProgrammes.decline')}
                      </Button>
                    </Flex>
                  ) : null}
                  <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                    {t('myProgrammes.private')}
                  </Typography.Paragraph>
                </Card>
              ))}
            </Flex>
          )
        }
      </Loaded>
    </>
  );
}

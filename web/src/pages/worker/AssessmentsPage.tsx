import { Card, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import { formatDate } from '../../components/dates';
import { LinkButton } from '../../components/LinkButton';
import { Loaded } from '../../components/Loaded';
import { PageTitle } from '../../components/PageTitle';
import { pick } from '../../i18n';

/** About how long a questionnaire takes: a few seconds per item. */
export const minutesFor = (items: number) => Math.max(1, Math.round((items * 12) / 60));

/** 心理健康测评: the union's open campaigns first, then every questionnaire a worker may take on their own. */
export default function AssessmentsPage() {
  const { t, i18n } = useTranslation();
  const campaigns = useLoad(() => call(api.GET('/api/v1/me/campaigns')), []);
  const instruments = useLoad(() => call(api.GET('/api/v1/instruments')), []);
  const open = (campaigns.data ?? []).filter((c) => !c.completed);

  return (
    <>
      <PageTitle title={t('nav.worker.assessments')} subtitle={t('worker.assessments.intro')} />
      {open.map((campaign) => (
        <Card
          key={campaign.id}
          style={{ marginBottom: 16 }}
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{campaign.title}</h2>}
        >
          {campaign.description ? <Typography.Paragraph>{campaign.description}</Typography.Paragraph> : null}
          <Typography.Paragraph type="secondary">
            {t('worker.assessments.closes', { date: formatDate(campaign.closesAt, i18n.language) })}
          </Typography.Paragraph>
          <Flex gap={8} wrap>
            {campaign.instruments.map((i) =>
              i.completed ? (
                <Tag key={i.code} color="success">
                  {pick(i.name, i18n.language)} · {t('worker.assessments.done')}
                </Tag>
              ) : (
                <LinkButton
                  key={i.code}
                  type="primary"
                  to={`/me/assessments/${encodeURIComponent(i.code)}?campaign=${campaign.id}`}
                >
                  {pick(i.name, i18n.language)}
                </LinkButton>
              ),
            )}
          </Flex>
        </Card>
      ))}
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('worker.assessments.selfTitle')}</h2>}>
        <Loaded state={instruments}>
          {(list) => (
            <List
              dataSource={list}
              renderItem={(instrument) => (
                <List.Item
                  actions={[
                    <Link
                      key="start"
                      to={`/me/assessments/${encodeURIComponent(instrument.code)}`}
                      aria-label={t('worker.assessments.startNamed', {
                        name: pick(instrument.name, i18n.language),
                      })}
                    >
                      {t('worker.assessments.start')}
                    </Link>,
                  ]}
                >
                  <List.Item.Meta
                    title={pick(instrument.name, i18n.language)}
                    description={t('worker.assessments.length', {
                      items: instrument.itemCount,
                      minutes: minutesFor(instrument.itemCount),
                    })}
                  />
                </List.Item>
              )}
            />
          )}
        </Loaded>
      </Card>
    </>
  );
}

import { PhoneOutlined } from '@ant-design/icons';
import { Button, Card, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { messagePart } from '../../api/errors';
import type { Schemas } from '../../api/types';
import { formatDate } from '../../components/dates';
import { SafetyPlanView } from '../../components/SafetyPlanView';
import { pick } from '../../i18n';

/** The record types the plan as a plain object: it is the worker's MySafetyPlanDto, or null. */
type MyPlan = Schemas['MySafetyPlanDto'];

/**
 * What the individual tier shows the worker about themselves, in plain words: their safety plan (with the help
 * lines, always) and their open referrals. Never cases, levels, notes or risk assessments.
 */
export function MyIndividualCards({ individual }: { individual: Schemas['MyIndividualDto'] }) {
  const { t, i18n } = useTranslation();
  const plan = individual.safetyPlan as MyPlan | null;
  const lang = i18n.language;
  return (
    <>
      {plan ? (
        <Card
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('mine.individual.plan')}</h2>}
          style={{ borderColor: '#0e6e68' }}
        >
          <Typography.Paragraph>{t('mine.individual.planIntro')}</Typography.Paragraph>
          <SafetyPlanView plan={plan} />
          <Flex vertical gap={8} style={{ marginTop: 12 }}>
            {plan.helpLines.map((line) => (
              <Button key={line.number} href={`tel:${line.number}`} icon={<PhoneOutlined />} block>
                {t('help.call', { number: line.number, label: messagePart(line.label, lang) })}
              </Button>
            ))}
          </Flex>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('mine.individual.planUpdated', { date: formatDate(plan.updatedAt, lang) })}
          </Typography.Paragraph>
        </Card>
      ) : null}
      {individual.referrals.length > 0 ? (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('mine.individual.referrals')}</h2>}>
          <List
            dataSource={individual.referrals}
            renderItem={(r) => (
              <List.Item>
                <div>
                  <Typography.Text strong>
                    {pick(r.provider, lang)}
                    {r.providerName ? ` · ${r.providerName}` : ''}
                  </Typography.Text>
                  <div>
                    {pick(r.status, lang)}
                    {r.sentAt ? ` · ${t('mine.individual.since', { date: formatDate(r.sentAt, lang) })}` : ''}
                  </div>
                </div>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
    </>
  );
}

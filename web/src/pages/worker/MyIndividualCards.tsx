import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/types';
import { formatDate } from '../../components/dates';
import { pick } from '../../i18n';
import { MySafetyPlan } from './MySafetyPlan';

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
          <MySafetyPlan plan={plan} />
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

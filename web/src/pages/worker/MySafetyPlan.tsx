import { PhoneOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { messagePart } from '../../api/errors';
import type { Schemas } from '../../api/types';
import { formatDate } from '../../components/dates';
import { SafetyPlanView } from '../../components/SafetyPlanView';

/** The worker's own safety plan in plain words, the help lines as big call buttons, and when it was last updated. */
export function MySafetyPlan({ plan }: { plan: Schemas['MySafetyPlanDto'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <>
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
    </>
  );
}

import { Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/dates';
import { SafetyPlanView } from '../../../components/SafetyPlanView';
import type { SafetyPlan } from './CasePage';
import { PlanVersionsButton } from './PlanVersionsButton';
import { SafetyPlanForm } from './SafetyPlanForm';

/** The worker's current Stanley–Brown safety plan, and writing a new version (every save is a new version). */
export function SafetyPlanCard({
  caseId,
  plan,
  workable,
  onSaved,
}: {
  caseId: string;
  plan: SafetyPlan | null;
  workable: boolean;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('plan.title')}</h2>}
      extra={
        <Flex gap={8} wrap>
          {plan && plan.version > 1 && !editing ? <PlanVersionsButton caseId={caseId} /> : null}
          {workable && !editing ? (
            <Button onClick={() => setEditing(true)}>{plan ? t('plan.newVersion') : t('plan.write')}</Button>
          ) : null}
        </Flex>
      }
      style={{ height: '100%' }}
    >
      {editing ? (
        <SafetyPlanForm
          caseId={caseId}
          plan={plan}
          onDone={(saved) => {
            setEditing(false);
            if (saved) onSaved();
          }}
        />
      ) : plan ? (
        <>
          <Typography.Paragraph type="secondary">
            {t('plan.version', { version: plan.version, at: formatDateTime(plan.at, i18n.language) })}
          </Typography.Paragraph>
          <SafetyPlanView plan={plan} />
        </>
      ) : (
        <Typography.Text type="secondary">{workable ? t('plan.none') : t('case.ackFirst')}</Typography.Text>
      )}
    </Card>
  );
}

import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';

export type CaseLevel = Schemas['CaseDto']['level'];
export type CaseState = Schemas['CaseDto']['state'];
export const CASE_LEVELS: readonly CaseLevel[] = ['imminent', 'urgent', 'concern'];
export const CASE_STATES: readonly CaseState[] = [
  'open',
  'acknowledged',
  'in_progress',
  'referred',
  'monitoring',
  'closed',
];

const LEVEL_COLOURS: Record<CaseLevel, string> = {
  imminent: 'error',
  urgent: 'warning',
  concern: 'processing',
};

export function LevelTag({ level }: { level: CaseLevel }) {
  const { t } = useTranslation();
  return <Tag color={LEVEL_COLOURS[level]}>{t(`caseLevel.${level}`)}</Tag>;
}

export function StateTag({ state }: { state: CaseState }) {
  const { t } = useTranslation();
  return (
    <Tag color={state === 'open' ? 'error' : state === 'closed' ? 'default' : 'blue'}>
      {t(`caseState.${state}`)}
    </Tag>
  );
}

type FollowUpStatus = Schemas['FollowUpDto']['status'];
const FOLLOW_UP_COLOURS: Record<FollowUpStatus, string> = {
  overdue: 'error',
  due: 'warning',
  done: 'success',
  upcoming: 'default',
};

export function FollowUpStatusTag({ status }: { status: FollowUpStatus }) {
  const { t } = useTranslation();
  return <Tag color={FOLLOW_UP_COLOURS[status]}>{t(`followUp.statuses.${status}`)}</Tag>;
}

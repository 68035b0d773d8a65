import { PhoneOutlined } from '@ant-design/icons';
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/types';

export const LIST_SECTIONS = ['warningSigns', 'internalCoping', 'environmentSafety'] as const;
export const CONTACT_SECTIONS = ['socialContacts', 'peopleToAsk', 'professionals'] as const;
type Plan = Pick<
  Schemas['SafetyPlanDto'],
  (typeof LIST_SECTIONS)[number] | (typeof CONTACT_SECTIONS)[number] | 'reasonsForLiving'
>;

/** A safety plan in the Stanley–Brown order; phone numbers are call links. For the worker and the counsellor. */
export function SafetyPlanView({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const list = (items: string[]) =>
    items.length ? (
      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
        {items.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ul>
    ) : (
      '—'
    );
  const people = (items: Schemas['SafetyContactViewDto'][]) =>
    items.length ? (
      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
        {items.map((c) => (
          <li key={`${c.name}${c.phone ?? ''}`}>
            {c.name}{' '}
            {c.phone ? (
              <a href={`tel:${c.phone}`}>
                <PhoneOutlined aria-hidden /> {c.phone}
              </a>
            ) : null}
          </li>
        ))}
      </ul>
    ) : (
      '—'
    );
  return (
    <Descriptions size="small" column={1} layout="vertical">
      <Descriptions.Item label={`1. ${t('plan.sections.warningSigns')}`}>
        {list(plan.warningSigns)}
      </Descriptions.Item>
      <Descriptions.Item label={`2. ${t('plan.sections.internalCoping')}`}>
        {list(plan.internalCoping)}
      </Descriptions.Item>
      <Descriptions.Item label={`3. ${t('plan.sections.socialContacts')}`}>
        {people(plan.socialContacts)}
      </Descriptions.Item>
      <Descriptions.Item label={`4. ${t('plan.sections.peopleToAsk')}`}>
        {people(plan.peopleToAsk)}
      </Descriptions.Item>
      <Descriptions.Item label={`5. ${t('plan.sections.professionals')}`}>
        {people(plan.professionals)}
      </Descriptions.Item>
      <Descriptions.Item label={`6. ${t('plan.sections.environmentSafety')}`}>
        {list(plan.environmentSafety)}
      </Descriptions.Item>
      {plan.reasonsForLiving ? (
        <Descriptions.Item label={t('plan.sections.reasonsForLiving')}>
          {plan.reasonsForLiving}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

import { Form, InputNumber, Select, Space, Statistic } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { Schemas } from '../../../api/types';

export type Rule = Schemas['EligibilityRuleDto'];
const OPTIONS = {
  gender: ['female', 'male', 'other', 'undisclosed'],
  specialPost: [
    'shift',
    'high_altitude',
    'hazardous',
    'police_emergency',
    'long_haul_driving',
    'other',
    'none',
  ],
  employmentStatus: [
    'employed',
    'transferring',
    'redundancy',
    'retiring',
    'retired',
    'returning_to_work',
    'on_leave',
  ],
  cadreLevel: ['none', 'section', 'division', 'bureau'],
  lifeEvents: [
    'pregnancy',
    'maternity_leave',
    'returned_from_maternity',
    'bereavement',
    'new_parent',
    'caregiver',
  ],
} as const;
const LABELS: Record<keyof typeof OPTIONS, (t: (k: string) => string, v: string) => string> = {
  gender: (t, v) => t(`gender.${v}`),
  specialPost: (t, v) => t(`people.workers.specialPost.${v}`),
  employmentStatus: (t, v) => t(`people.workers.employmentStatus.${v}`),
  cadreLevel: (t, v) => t(`people.workers.cadreLevel.${v}`),
  lifeEvents: (t, v) => t(`lineAdmin.lifeEvents.${v}`),
};

/** Drops empty lists, so an empty rule means "everyone in the unit". */
export function cleanRule(rule: Rule | undefined): Rule {
  return Object.fromEntries(
    Object.entries(rule ?? {}).filter(
      ([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0),
    ),
  ) as Rule;
}

/** The eligibility rule builder: every list is "any of", the lists together are "all of". */
export function EligibilityFields() {
  const { t } = useTranslation();
  return (
    <>
      {(Object.keys(OPTIONS) as (keyof typeof OPTIONS)[]).map((field) => (
        <Form.Item key={field} name={['eligibility', field]} label={t(`lineAdmin.rule.${field}`)}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('lineAdmin.rule.any')}
            options={OPTIONS[field].map((v) => ({ value: v, label: LABELS[field](t, v) }))}
          />
        </Form.Item>
      ))}
      <Form.Item label={t('lineAdmin.rule.birthYears')}>
        <Space>
          <Form.Item name={['eligibility', 'birthYearFrom']} noStyle>
            <InputNumber
              min={1930}
              max={2020}
              aria-label={t('lineAdmin.rule.birthYearFrom')}
              placeholder={t('lineAdmin.rule.birthYearFrom')}
            />
          </Form.Item>
          <Form.Item name={['eligibility', 'birthYearTo']} noStyle>
            <InputNumber
              min={1930}
              max={2020}
              aria-label={t('lineAdmin.rule.birthYearTo')}
              placeholder={t('lineAdmin.rule.birthYearTo')}
            />
          </Form.Item>
        </Space>
      </Form.Item>
    </>
  );
}

/** How many workers of the unit the rule matches now, asked again half a second after the rule changes. */
export function LivePreview({ rule, orgUnitId }: { rule: Rule | undefined; orgUnitId: string | undefined }) {
  const { t } = useTranslation();
  const [count, setCount] = useState<number | null>(null);
  const key = JSON.stringify([cleanRule(rule), orgUnitId]);
  useEffect(() => {
    // The rule and unit as the key has them: the count follows what they say, not each new object.
    const [eligibility, unitId] = JSON.parse(key) as [ReturnType<typeof cleanRule>, string | null];
    if (!unitId) return;
    let live = true;
    const timer = setTimeout(() => {
      void call(
        api.POST('/api/v1/programmes/eligibility/preview', {
          body: { eligibility, orgUnitId: unitId },
        }),
      ).then(
        (p) => live && setCount(p.eligible),
        () => live && setCount(null),
      );
    }, 500);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  return (
    <div role="status" aria-live="polite">
      <Statistic
        title={t('lineAdmin.rule.matches')}
        value={count ?? '—'}
        suffix={count === null ? '' : t('lineAdmin.people')}
      />
    </div>
  );
}

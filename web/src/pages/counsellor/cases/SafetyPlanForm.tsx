import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { Schemas } from '../../../api/types';
import { useAction } from '../../../components/useAction';
import { CONTACT_SECTIONS, LIST_SECTIONS } from '../../../components/SafetyPlanView';
import type { SafetyPlan } from './CasePage';

type Contact = Schemas['SafetyContactDto'];
type Values = Record<string, string | undefined>;

const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** `姓名 电话` per line: the last token is the phone when it looks like one. */
function contacts(text: string | undefined): Contact[] {
  return lines(text).map((line) => {
    const match = /^(.*?)[\s,，：:]+([+\d][\d\s-]{2,})$/.exec(line);
    return match ? { name: match[1].trim(), phone: match[2].replace(/\s/g, '') } : { name: line };
  });
}
const contactText = (list: Schemas['SafetyContactViewDto'][]) =>
  list.map((c) => (c.phone ? `${c.name} ${c.phone}` : c.name)).join('\n');

/** The seven Stanley–Brown sections, one item per line, prefilled from the current version. */
export function SafetyPlanForm({
  caseId,
  plan,
  onDone,
}: {
  caseId: string;
  plan: SafetyPlan | null;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const [run, busy] = useAction();
  const initial: Values = {
    ...Object.fromEntries(LIST_SECTIONS.map((s) => [s, (plan?.[s] ?? []).join('\n')])),
    ...Object.fromEntries(CONTACT_SECTIONS.map((s) => [s, contactText(plan?.[s] ?? [])])),
    reasonsForLiving: plan?.reasonsForLiving ?? '',
  };
  const save = async (v: Values) => {
    const ok = await run(
      () =>
        call(
          api.POST('/api/v1/crisis-cases/{id}/safety-plans', {
            params: { path: { id: caseId } },
            body: {
              warningSigns: lines(v.warningSigns),
              internalCoping: lines(v.internalCoping),
              socialContacts: contacts(v.socialContacts),
              peopleToAsk: contacts(v.peopleToAsk),
              professionals: contacts(v.professionals),
              environmentSafety: lines(v.environmentSafety),
              ...(v.reasonsForLiving?.trim() ? { reasonsForLiving: v.reasonsForLiving.trim() } : {}),
            },
          }),
        ),
      t('plan.saved'),
    );
    if (ok) onDone(true);
  };
  const order = [
    'warningSigns',
    'internalCoping',
    'socialContacts',
    'peopleToAsk',
    'professionals',
    'environmentSafety',
  ];
  return (
    <Form layout="vertical" initialValues={initial} onFinish={(v: Values) => void save(v)}>
      {order.map((s, i) => (
        <Form.Item
          key={s}
          name={s}
          label={`${i + 1}. ${t(`plan.sections.${s}`)}`}
          extra={
            (CONTACT_SECTIONS as readonly string[]).includes(s) ? t('plan.contactHint') : t('plan.lineHint')
          }
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      ))}
      <Form.Item name="reasonsForLiving" label={t('plan.sections.reasonsForLiving')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('plan.save')}
      </Button>{' '}
      <Button onClick={() => onDone(false)}>{t('common.cancel')}</Button>
    </Form>
  );
}

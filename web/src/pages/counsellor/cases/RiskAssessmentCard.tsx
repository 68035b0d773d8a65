import { Alert, Button, Card, Checkbox, Descriptions, Flex, Form, Input, List, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../components/dates';
import { useAction } from '../../../components/useAction';
import { CASE_LEVELS, LevelTag, type CaseLevel } from './labels';
import { RiskHistoryButton } from './RiskHistoryButton';

type Input = Schemas['RecordRiskAssessmentDto'];
const FIELDS = {
  ideation: ['none', 'passive', 'active'],
  plan: ['none', 'vague', 'specific'],
  intent: ['none', 'uncertain', 'clear'],
  pastAttempts: ['none', 'lifetime', 'past_3_months'],
} as const;
const PROTECTIVE: Input['protectiveFactors'] = [
  'family',
  'children',
  'social_support',
  'engaged_in_care',
  'future_plans',
  'faith_or_values',
  'problem_solving',
  'other',
];

/**
 * The structured risk assessment (not an electronic C-SSRS): ideation, plan, intent, past attempts, protective
 * factors and the counsellor's judgement, which becomes the case's level. The server suggests a level; judging
 * lower needs a note.
 */
export function RiskAssessmentCard({
  caseId,
  items,
  workable,
  onSaved,
}: {
  caseId: string;
  items: Schemas['RiskAssessmentDto'][];
  workable: boolean;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Input>();
  const [open, setOpen] = useState(false);
  const [run, busy] = useAction();
  const [suggestion, setSuggestion] = useState<CaseLevel | null>(null);
  const judgement = Form.useWatch('judgement', form);
  /** The server's suggestion for the findings so far (the one rule, applied again when saving). */
  const suggest = (values: Partial<Input>) => {
    const { ideation, plan, intent, pastAttempts } = values;
    if (!ideation || !plan || !intent || !pastAttempts) return setSuggestion(null);
    void call(
      api.POST('/api/v1/crisis-cases/suggested-level', {
        body: { ideation, plan, intent, pastAttempts, protectiveFactors: values.protectiveFactors ?? [] },
      }),
    )
      .then((answer) => setSuggestion(answer.suggestedLevel))
      .catch(() => setSuggestion(null));
  };
  const below = suggestion && judgement && CASE_LEVELS.indexOf(judgement) > CASE_LEVELS.indexOf(suggestion);
  const save = async (values: Input) => {
    const ok = await run(
      () =>
        call(
          api.POST('/api/v1/crisis-cases/{id}/risk-assessments', {
            params: { path: { id: caseId } },
            body: {
              ...values,
              protectiveFactors: values.protectiveFactors ?? [],
              note: values.note || undefined,
            },
          }),
        ),
      t('risk.saved'),
    );
    if (ok) {
      form.resetFields();
      setSuggestion(null);
      setOpen(false);
      onSaved();
    }
  };
  const latest = items[items.length - 1];
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('risk.title')}</h2>}
      extra={
        <Flex gap={8} wrap>
          {items.length > 0 && !open ? <RiskHistoryButton caseId={caseId} /> : null}
          {workable && !open ? <Button onClick={() => setOpen(true)}>{t('risk.new')}</Button> : null}
        </Flex>
      }
      style={{ height: '100%' }}
    >
      {open ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void save(v)}
          onValuesChange={(_, all) => suggest(all)}
          initialValues={{ protectiveFactors: [] }}
        >
          {(Object.keys(FIELDS) as Array<keyof typeof FIELDS>).map((field) => (
            <Form.Item
              key={field}
              name={field}
              label={t(`risk.${field}`)}
              rules={[{ required: true, message: t('risk.required') }]}
            >
              <Radio.Group options={FIELDS[field].map((v) => ({ value: v, label: t(`risk.values.${v}`) }))} />
            </Form.Item>
          ))}
          <Form.Item name="protectiveFactors" label={t('risk.protective')}>
            <Checkbox.Group options={PROTECTIVE.map((v) => ({ value: v, label: t(`risk.factors.${v}`) }))} />
          </Form.Item>
          {suggestion ? (
            <Alert
              role="status"
              type={suggestion === 'concern' ? 'info' : 'warning'}
              style={{ marginBottom: 12 }}
              title={
                <span data-suggested={suggestion}>
                  {t('caseRecords.suggestedLive')} <LevelTag level={suggestion} />
                </span>
              }
              description={below ? t('caseRecords.belowSuggestion') : undefined}
            />
          ) : null}
          <Form.Item
            name="judgement"
            label={t('risk.judgement')}
            extra={t('risk.judgementHint')}
            rules={[{ required: true, message: t('risk.required') }]}
          >
            <Select options={CASE_LEVELS.map((l) => ({ value: l, label: t(`caseLevel.${l}`) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('risk.note')}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('risk.save')}
          </Button>{' '}
          <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
        </Form>
      ) : latest ? (
        <>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('risk.at')}>
              {formatDateTime(latest.at, i18n.language)}
            </Descriptions.Item>
            {(Object.keys(FIELDS) as Array<keyof typeof FIELDS>).map((f) => (
              <Descriptions.Item key={f} label={t(`risk.${f}`)}>
                {t(`risk.values.${latest[f]}`)}
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={t('risk.protective')}>
              {latest.protectiveFactors.map((p) => t(`risk.factors.${p}`)).join('、') ||
                t('risk.noneRecorded')}
            </Descriptions.Item>
            <Descriptions.Item label={t('risk.suggested')}>
              <LevelTag level={latest.suggestedLevel} />
            </Descriptions.Item>
            <Descriptions.Item label={t('risk.judgement')}>
              <LevelTag level={latest.judgement} />
            </Descriptions.Item>
            {latest.note ? <Descriptions.Item label={t('risk.note')}>{latest.note}</Descriptions.Item> : null}
          </Descriptions>
          {items.length > 1 ? (
            <List
              size="small"
              header={t('risk.earlier')}
              dataSource={items.slice(0, -1).reverse()}
              renderItem={(r) => (
                <List.Item>
                  {formatDateTime(r.at, i18n.language)} <LevelTag level={r.judgement} />
                </List.Item>
              )}
            />
          ) : null}
        </>
      ) : (
        <Typography.Text type="secondary">{workable ? t('risk.none') : t('case.ackFirst')}</Typography.Text>
      )}
    </Card>
  );
}

import { Alert, Button, Card, Flex, Input, List, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { useAction } from '../../components/useAction';
import { pick } from '../../i18n';

const today = () => new Date().toISOString().slice(0, 10);

/** 录入纸质测评: a counsellor enters a paper form with the date it was filled in (a late crisis form says so). */
export function PaperAssessmentCard({ workerId, onEntered }: { workerId: string; onEntered: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const list = useLoad(() => call(api.GET('/api/v1/instruments')), []);
  const [code, setCode] = useState<string>();
  const definition = useLoad(
    () => (code ? call(api.GET('/api/v1/instruments/{code}', { params: { path: { code } } })) : Promise.resolve(undefined)),
    [code],
  );
  const [answers, setAnswers] = useState<Record<number, number>>({});
  const [completedAt, setCompletedAt] = useState(today());
  const [result, setResult] = useState<Schemas['AssessmentResultDto']>();
  const [run, busy] = useAction();
  const items = definition.data?.items ?? [];
  const complete = items.length > 0 && items.every((item) => answers[item.number] !== undefined);
  const submit = () =>
    void run(async () => {
      const entered = await call(
        api.POST('/api/v1/workers/{id}/assessments', {
          params: { path: { id: workerId } },
          body: { instrumentCode: code!, answers: items.map((item) => answers[item.number]), completedAt },
        }),
      );
      setResult(entered);
      setAnswers({});
      onEntered();
    }, t('staff.paper.entered'));

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('staff.paper.title')}</h2>}>
      <Typography.Paragraph type="secondary">{t('staff.paper.intro')}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select<string>
          aria-label={t('staff.paper.instrument')}
          placeholder={t('staff.paper.instrument')}
          style={{ minWidth: 220 }}
          value={code}
          onChange={(c) => {
            setCode(c);
            setAnswers({});
            setResult(undefined);
          }}
          loading={list.loading}
          options={(list.data ?? []).map((i) => ({ value: i.code, label: pick(i.name, lang) }))}
        />
        <label>
          {t('staff.paper.completedAt')}{' '}
          <Input
            type="date"
            aria-label={t('staff.paper.completedAt')}
            style={{ width: 170 }}
            value={completedAt}
            max={today()}
            onChange={(e) => setCompletedAt(e.target.value)}
          />
        </label>
      </Flex>
      {items.length > 0 ? (
        <List
          size="small"
          dataSource={items}
          renderItem={(item) => (
            <List.Item>
              <Space direction="vertical">
                <span>
                  {item.number}. {pick(item.text, lang)}
                </span>
                <Radio.Group
                  aria-label={`${item.number}. ${pick(item.text, lang)}`}
                  value={answers[item.number]}
                  onChange={(e) => setAnswers({ ...answers, [item.number]: e.target.value as number })}
                  options={item.options.map((o) => ({ value: o.value, label: pick(o.label, lang) }))}
                />
              </Space>
            </List.Item>
          )}
        />
      ) : null}
      <Button type="primary" onClick={submit} loading={busy} disabled={!complete || !completedAt} style={{ marginTop: 8 }}>
        {t('staff.paper.submit')}
      </Button>
      {result ? (
        <Alert
          style={{ marginTop: 12 }}
          type={result.crisis ? 'warning' : 'success'}
          title={t('staff.paper.result', { total: result.percentScore ?? result.totalScore ?? '—', band: result.band ?? '—' })}
          description={result.lateForm ? pick(result.lateForm, lang) : result.crisis ? t('staff.paper.crisis') : undefined}
        />
      ) : null}
    </Card>
  );
}

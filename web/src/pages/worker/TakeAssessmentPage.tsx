import { Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loaded } from '../../components/Loaded';
import { PageTitle } from '../../components/PageTitle';
import { useAction } from '../../components/useAction';
import { pick } from '../../i18n';
import { minutesFor } from './AssessmentsPage';
import { QuestionStep } from './assessment/QuestionStep';
import { ResultView } from './assessment/ResultView';
import { hasConsent } from './consents';

type Stage = 'intro' | 'items' | 'result';

/** Takes one questionnaire: an introduction (and the consent it needs), the items one by one, then the result. */
export default function TakeAssessmentPage() {
  const { t, i18n } = useTranslation();
  const { code = '' } = useParams();
  const [search] = useSearchParams();
  const campaignId = search.get('campaign') ?? undefined;
  const instrument = useLoad(
    () => call(api.GET('/api/v1/instruments/{code}', { params: { path: { code } } })),
    [code],
  );
  const consents = useLoad(() => call(api.GET('/api/v1/me/consents')), []);
  const [grant, granting] = useAction();
  const [stage, setStage] = useState<Stage>('intro');
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Array<number | undefined>>([]);
  const [result, setResult] = useState<Schemas['AssessmentResultDto']>();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (definition: Schemas['InstrumentDto']) => {
    setSubmitting(true);
    setSubmitError(null);
    try {
      const body = {
        instrumentCode: definition.code,
        answers: answers.map((a) => a ?? 0),
        ...(campaignId ? { campaignId } : {}),
      };
      setResult(await call(api.POST('/api/v1/me/assessments', { body })));
      setStage('result');
    } catch (failure) {
      setSubmitError(failure);
    } finally {
      setSubmitting(false);
    }
  };

  const title = instrument.data ? pick(instrument.data.name, i18n.language) : t('nav.worker.assessments');
  return (
    <>
      <PageTitle title={title} />
      <Loaded state={instrument}>
        {(definition) => {
          if (stage === 'result' && result) return <ResultView instrument={definition} result={result} />;
          if (stage === 'items') {
            return (
              <Card>
                {submitError ? (
                  <ErrorNotice error={submitError} onRetry={() => void submit(definition)} />
                ) : null}
                <QuestionStep
                  instrument={definition}
                  index={index}
                  answer={answers[index]}
                  submitting={submitting}
                  onAnswer={(value) => setAnswers((all) => Object.assign([...all], { [index]: value }))}
                  onBack={() => setIndex((i) => Math.max(0, i - 1))}
                  onNext={() =>
                    index === definition.items.length - 1 ? void submit(definition) : setIndex(index + 1)
                  }
                />
              </Card>
            );
          }
          const consented = hasConsent(consents.data, 'assessment');
          return (
            <Card>
              <Typography.Paragraph style={{ fontSize: 16 }}>
                {pick(definition.instructions, i18n.language)}
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary">
                {t('worker.assessments.length', {
                  items: definition.items.length,
                  minutes: minutesFor(definition.items.length),
                })}
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary">{t('worker.take.privacy')}</Typography.Paragraph>
              {consents.error ? <ErrorNotice error={consents.error} onRetry={consents.reload} /> : null}
              {consents.data && !consented ? (
                <Card type="inner" title={t('worker.take.consentTitle')} style={{ marginBottom: 16 }}>
                  <Typography.Paragraph>{t('worker.consents.assessment.what')}</Typography.Paragraph>
                  <Typography.Paragraph>{t('worker.consents.assessment.who')}</Typography.Paragraph>
                  <Flex gap={8} wrap>
                    <Button
                      type="primary"
                      loading={granting}
                      onClick={() =>
                        void grant(() =>
                          call(
                            api.POST('/api/v1/me/consents', {
                              body: { purpose: 'assessment', granted: true },
                            }),
                          ),
                        ).then((ok) => ok && consents.reload())
                      }
                    >
                      {t('worker.consents.assessment.agree')}
                    </Button>
                    <Link to="/me/consents">{t('worker.take.readMore')}</Link>
                  </Flex>
                </Card>
              ) : null}
              <Button
                type="primary"
                size="large"
                block
                disabled={!consented}
                onClick={() => {
                  setAnswers(new Array<number | undefined>(definition.items.length).fill(undefined));
                  setIndex(0);
                  setStage('items');
                }}
              >
                {t('worker.take.begin')}
              </Button>
            </Card>
          );
        }}
      </Loaded>
    </>
  );
}

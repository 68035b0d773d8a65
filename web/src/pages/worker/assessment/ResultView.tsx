import { Card, Flex, List, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Schemas } from '../../../api/types';
import { CrisisHelp } from '../../../components/CrisisHelp';
import { pick } from '../../../i18n';

type Result = Schemas['AssessmentResultDto'];
type Instrument = Schemas['InstrumentDto'];

/** The band's plain words for this result (CBI has none overall: its three parts each have one). */
function plainWords(instrument: Instrument, result: Result, language: string): string[] {
  const band = instrument.bands.find((b) => b.code === result.band);
  if (band) return [pick(band.plain, language)];
  const parts = (result.subscaleBands ?? {}) as Record<string, string>;
  return instrument.subscales
    .filter((s) => parts[s.code])
    .map((s) => {
      const partBand = instrument.subscaleBands.find((b) => b.code === parts[s.code]);
      return `${pick(s.name, language)}：${partBand ? pick(partBand.plain, language) : ''}`;
    });
}

/**
 * The result explained kindly, with what to do next. A crisis result shows help first and nothing else that could
 * read as a label.
 */
export function ResultView({ instrument, result }: { instrument: Instrument; result: Result }) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!result.crisis) heading.current?.focus();
  }, [result.crisis]);

  if (result.crisis && result.help) {
    return (
      <Flex vertical gap={16}>
        <CrisisHelp help={result.help} resultId={result.id} />
        <NextSteps crisis />
      </Flex>
    );
  }
  const percent = result.percentScore !== null && result.percentScore !== undefined;
  const score = percent ? result.percentScore : result.totalScore;
  const max = percent ? 100 : instrument.scoring.range?.[1];
  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={2} ref={heading} tabIndex={-1} style={{ fontSize: 20, marginTop: 0 }}>
          {t('worker.result.thanks')}
        </Typography.Title>
        {plainWords(instrument, result, i18n.language).map((line) => (
          <Typography.Paragraph key={line} style={{ fontSize: 16 }}>
            {line}
          </Typography.Paragraph>
        ))}
        {score !== null && score !== undefined ? (
          <Typography.Paragraph type="secondary">
            {t('worker.result.score', { score, max })}
          </Typography.Paragraph>
        ) : null}
        <Typography.Paragraph type="secondary">{t('worker.result.notDiagnosis')}</Typography.Paragraph>
      </Card>
      <NextSteps crisis={false} />
    </Flex>
  );
}

function NextSteps({ crisis }: { crisis: boolean }) {
  const { t } = useTranslation();
  const steps = [
    { to: '/me/counselling', label: t('worker.result.next.counselling') },
    { to: '/me/record', label: t('worker.result.next.record') },
    ...(crisis
      ? []
      : [
          { to: '/me/learning', label: t('worker.result.next.learning') },
          { to: '/me/groups', label: t('worker.result.next.groups') },
        ]),
  ];
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('worker.result.nextTitle')}</h2>}>
      <List
        dataSource={steps}
        renderItem={(step) => (
          <List.Item>
            <Link to={step.to}>{step.label}</Link>
          </List.Item>
        )}
      />
    </Card>
  );
}

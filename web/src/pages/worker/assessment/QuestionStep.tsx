import { Button, Flex, Progress, Radio, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { pick } from '../../../i18n';

interface Props {
  instrument: Schemas['InstrumentDto'];
  index: number;
  answer: number | undefined;
  submitting: boolean;
  onAnswer: (value: number) => void;
  onBack: () => void;
  onNext: () => void;
}

/**
 * One item at a time, with progress. Keyboard: Tab to the options, arrows or Space to choose, Tab to "next",
 * Enter. Each new item's heading takes the focus so a screen reader reads the question.
 */
export function QuestionStep({ instrument, index, answer, submitting, onAnswer, onBack, onNext }: Props) {
  const { t, i18n } = useTranslation();
  const item = instrument.items[index];
  const total = instrument.items.length;
  const last = index === total - 1;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [index]);

  return (
    <section aria-labelledby="question-heading">
      <Progress
        percent={Math.round((index / total) * 100)}
        showInfo={false}
        aria-label={t('worker.take.progress', { current: index + 1, total })}
      />
      <Typography.Text type="secondary">
        {t('worker.take.progress', { current: index + 1, total })}
      </Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 4 }}>
        {pick(instrument.instructions, i18n.language)}
      </Typography.Paragraph>
      <Typography.Title
        level={2}
        id="question-heading"
        ref={heading}
        tabIndex={-1}
        style={{ fontSize: 19, marginTop: 4 }}
      >
        {item.number}. {pick(item.text, i18n.language)}
      </Typography.Title>
      <Radio.Group
        name={`item-${item.number}`}
        value={answer}
        onChange={(e) => onAnswer(e.target.value as number)}
        aria-labelledby="question-heading"
        style={{ width: '100%' }}
      >
        <Flex vertical gap={8}>
          {item.options.map((option) => (
            <Radio
              key={option.value}
              value={option.value}
              style={{
                border: '1px solid #d9d9d9',
                borderRadius: 8,
                padding: '10px 12px',
                margin: 0,
                background: answer === option.value ? '#e6f4f2' : '#fff',
              }}
            >
              {pick(option.label, i18n.language)}
            </Radio>
          ))}
        </Flex>
      </Radio.Group>
      <Flex gap={8} style={{ marginTop: 20 }}>
        <Button size="large" onClick={onBack} disabled={index === 0 || submitting} style={{ flex: 1 }}>
          {t('worker.take.previous')}
        </Button>
        <Button
          size="large"
          type="primary"
          onClick={onNext}
          disabled={answer === undefined}
          loading={submitting}
          style={{ flex: 2 }}
        >
          {last
            ? submitting
              ? t('worker.take.submitting')
              : t('worker.take.submit')
            : t('worker.take.next')}
        </Button>
      </Flex>
    </section>
  );
}

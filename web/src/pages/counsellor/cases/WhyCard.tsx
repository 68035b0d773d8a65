import { Card, Descriptions, Flex, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../components/dates';
import { pick } from '../../../i18n';
import { LevelTag } from './labels';

type Trigger = Schemas['CaseTriggerDto'];

/** One line for the queue: the instrument, the item and the answer, or the first words said. */
export function whyLine(trigger: Trigger | null | undefined, t: TFunction, language: string): string {
  if (!trigger) return '';
  if (trigger.instrument) {
    const name = pick(trigger.instrument.name, language) || trigger.instrument.code;
    const item = trigger.items?.find((i) => i.itemText);
    const answer = item ? `${pick(item.itemText, language)}：${pick(item.answerLabel, language) || (item.answerValue ?? '')}` : '';
    const score = trigger.total != null ? t('why.total', { total: trigger.total }) : '';
    return [name, answer, score].filter(Boolean).join(' · ') || (trigger.rules ?? []).join(', ');
  }
  const text = trigger.text ?? '';
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function TriggerView({ trigger }: { trigger: Trigger }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const items = (trigger.items ?? []).filter((i) => i.itemText || i.answerLabel);
  return (
    <Flex vertical gap={4} style={{ marginBottom: 12 }}>
      <Flex gap={8} wrap align="center">
        <strong>{t(`caseSource.${trigger.sourceType}`)}</strong>
        <LevelTag level={trigger.level} />
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {formatDateTime(trigger.at, lang)}
        </Typography.Text>
      </Flex>
      <Descriptions size="small" column={1}>
        {trigger.instrument ? (
          <Descriptions.Item label={t('why.instrument')}>
            {pick(trigger.instrument.name, lang) || trigger.instrument.code}
            {trigger.instrument.version ? ` · ${t('why.version', { version: trigger.instrument.version })}` : ''}
            {trigger.completedAt ? ` · ${t('why.completedAt', { date: formatDateTime(trigger.completedAt, lang) })}` : ''}
          </Descriptions.Item>
        ) : null}
        {items.map((i) => (
          <Descriptions.Item key={`${i.rule}-${i.itemId ?? ''}`} label={t('why.item')}>
            <div>{pick(i.itemText, lang) || i.itemId}</div>
            <div>
              {t('why.answer')}：<strong>{pick(i.answerLabel, lang) || i.answerValue}</strong>
            </div>
          </Descriptions.Item>
        ))}
        {trigger.total != null || trigger.bandLabel || trigger.band ? (
          <Descriptions.Item label={t('why.band')}>
            {[trigger.total != null ? t('why.total', { total: trigger.total }) : '', pick(trigger.bandLabel, lang) || trigger.band || '']
              .filter(Boolean)
              .join(' · ')}
          </Descriptions.Item>
        ) : null}
        {trigger.instrument && items.length === 0 && trigger.rules?.length ? (
          <Descriptions.Item label={t('why.rules')}>{trigger.rules.join(', ')}</Descriptions.Item>
        ) : null}
        {trigger.text ? (
          <Descriptions.Item label={t('why.words')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{trigger.text}</span>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Flex>
  );
}

/** 开案原因: the source that opened the case, then every source that joined it (one person, one open case). */
export function WhyCard({ triggers, fallback }: { triggers: Trigger[]; fallback: Trigger | null }) {
  const { t } = useTranslation();
  const opening = triggers.find((x) => !x.joined) ?? fallback;
  const joined = triggers.filter((x) => x.joined);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('why.title')}</h2>} style={{ height: '100%' }}>
      {opening ? <TriggerView trigger={opening} /> : <Typography.Text type="secondary">{t('why.noDetail')}</Typography.Text>}
      {joined.length > 0 ? (
        <>
          <h3 style={{ fontSize: 15 }}>{t('why.joined')}</h3>
          {joined.map((x) => (
            <TriggerView key={x.id} trigger={x} />
          ))}
        </>
      ) : null}
    </Card>
  );
}

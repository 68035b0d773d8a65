import { Card, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { messagePart } from '../../../api/errors';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../components/dates';

/** What happened to a case or referral, oldest first, in words, with who did it (`individual_history` rows). */
export function HistoryCard({ history, title }: { history: Schemas['HistoryDto'][]; title?: string }) {
  const { t, i18n } = useTranslation();
  const label = (h: Schemas['HistoryDto']) => {
    const key = `history.${h.action}`;
    const what = i18n.exists(key) ? t(key) : h.action;
    const states = (s: string | null) => {
      if (!s) return '';
      for (const group of ['caseState', 'referralState', 'caseLevel'])
        if (i18n.exists(`${group}.${s}`)) return t(`${group}.${s}`);
      return s;
    };
    const move = h.from || h.to ? ` · ${states(h.from)} → ${states(h.to)}` : '';
    // An assignment names the people (the API gives their display names), never their ids.
    const handOver = h.fromName || h.toName ? ` · ${h.fromName ?? '—'} → ${h.toName ?? '—'}` : '';
    return `${what}${h.action === 'state_changed' || h.action === 'level_changed' ? move : handOver}`;
  };
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{title ?? t('case.history')}</h2>}
      style={{ height: '100%' }}
    >
      <Timeline
        items={history.map((h) => ({
          key: h.id,
          content: (
            <>
              <div>{label(h)}</div>
              {h.reason ? <div style={{ fontSize: 13 }}>{messagePart(h.reason, i18n.language)}</div> : null}
              <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.65)' }}>
                {formatDateTime(h.at, i18n.language)}
                {h.actorName ? ` · ${h.actorName}` : ''}
              </div>
            </>
          ),
        }))}
      />
    </Card>
  );
}

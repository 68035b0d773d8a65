import { Button, Card, Input, Rate, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../components/dates';
import { useAction } from '../../../components/useAction';
import { useNow } from '../../../components/useNow';

/** After a resolution: rate it (1–5 stars, closes the request) or, within the reopening period, reopen it. */
export function RateOrReopen({
  request,
  onChanged,
}: {
  request: Schemas['MyRequestDto'];
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [run, busy] = useAction();
  const now = useNow();
  const canReopen = request.reopenUntil !== null && new Date(request.reopenUntil).getTime() > now;
  if (!request.canRate && !canReopen) return null;
  const rate = () =>
    void run(
      () =>
        call(
          api.POST('/api/v1/me/requests/{id}/feedback', {
            params: { path: { id: request.id } },
            body: { satisfaction: stars, ...(comment.trim() ? { comment: comment.trim() } : {}) },
          }),
        ),
      t('requests.rated'),
    ).then((ok) => ok && onChanged());
  const reopen = () =>
    void run(
      () =>
        call(
          api.POST('/api/v1/me/requests/{id}/reopen', {
            params: { path: { id: request.id } },
            body: { reason: reason.trim() },
          }),
        ),
      t('requests.reopened'),
    ).then((ok) => {
      if (!ok) return;
      setReason('');
      onChanged();
    });
  return (
    <>
      {request.canRate ? (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('requests.rateTitle')}</h2>}>
          <div role="group" aria-label={t('requests.rateLabel')}>
            <Rate value={stars} onChange={setStars} aria-label={t('requests.rateLabel')} />
          </div>
          <label htmlFor="rate-comment" style={{ display: 'block', marginTop: 8 }}>
            {t('requests.comment')}
          </label>
          <Input.TextArea
            id="rate-comment"
            rows={2}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <Button
            type="primary"
            style={{ marginTop: 8 }}
            disabled={stars === 0}
            loading={busy}
            onClick={rate}
          >
            {t('requests.rate')}
          </Button>
        </Card>
      ) : null}
      {canReopen ? (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('requests.reopenTitle')}</h2>}>
          <Typography.Paragraph type="secondary">
            {t('requests.reopenUntil', { date: formatDateTime(request.reopenUntil, i18n.language) })}
          </Typography.Paragraph>
          <label htmlFor="reopen-reason">{t('requests.reopenReason')}</label>
          <Input.TextArea
            id="reopen-reason"
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <Button style={{ marginTop: 8 }} disabled={!reason.trim()} loading={busy} onClick={reopen}>
            {t('requests.reopen')}
          </Button>
        </Card>
      ) : null}
    </>
  );
}

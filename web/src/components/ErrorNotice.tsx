import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { ApiError } from '../api/errors';
import { useErrorText } from './errorText';

/** A merged duplicate profile (404 WORKER_MERGED): the same page of the profile it was merged into. */
function useMergedTarget(error: unknown): string | null {
  const { pathname } = useLocation();
  if (!(error instanceof ApiError) || error.code !== 'WORKER_MERGED') return null;
  const survivor = error.details.mergedIntoId;
  const tombstone = pathname.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/)?.[0];
  return typeof survivor === 'string' && tombstone ? pathname.replace(tombstone, survivor) : null;
}

/** A failure shown in place: what happened, what to do, and a retry button when one helps. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const text = useErrorText()(error);
  const merged = useMergedTarget(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={text.title}
      description={text.hint}
      action={
        merged ? (
          <Link to={merged}>
            <Button type="primary">{t('merge.openSurvivor')}</Button>
          </Link>
        ) : onRetry ? (
          <Button onClick={onRetry}>{t('common.retry')}</Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}

import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from './errorText';

/** A failure shown in place: what happened, what to do, and a retry button when one helps. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const text = useErrorText()(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={text.title}
      description={text.hint}
      action={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}

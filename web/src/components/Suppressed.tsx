import { EyeInvisibleOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A cell of an aggregate report. A count too small to show without pointing at a person comes back withheld
 * (value null) with the API's reason: it is shown as such, never as 0, says why (tooltip and accessible name), and
 * charts leave a gap for it.
 */
export function AggregateValue({ value, suppressed, reason, k }: { value: number | null; suppressed: boolean; reason?: string | null; k?: number }) {
  const { t } = useTranslation();
  if (!suppressed && value !== null) return <>{value}</>;
  const why = withheldReason(t, reason, k);
  return (
    <Tooltip title={why}>
      <span aria-label={`${t('official.suppressed')}：${why}`} style={{ color: '#5b5b5b', fontStyle: 'italic' }}>
        <EyeInvisibleOutlined aria-hidden /> {t('official.suppressed')}
      </span>
    </Tooltip>
  );
}

/** The words for the API's reason a cell is withheld (`fewer_than_k`), with k when known. */
export function withheldReason(t: (key: string, options?: Record<string, unknown>) => string, reason?: string | null, k?: number): string {
  if (reason === 'fewer_than_k' && k !== undefined) return t('official.reasons.fewer_than_k', { k });
  return t('official.suppressedHint');
}

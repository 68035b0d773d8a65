import { EyeInvisibleOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A cell of an aggregate report. A count too small to show without pointing at a person comes back suppressed
 * (value null): it is shown as such, never as 0, and charts leave a gap for it.
 */
export function AggregateValue({ value, suppressed }: { value: number | null; suppressed: boolean }) {
  const { t } = useTranslation();
  if (!suppressed && value !== null) return <>{value}</>;
  return (
    <Tooltip title={t('official.suppressedHint')}>
      <span aria-label={t('official.suppressed')} style={{ color: '#5b5b5b', fontStyle: 'italic' }}>
        <EyeInvisibleOutlined aria-hidden /> {t('official.suppressed')}
      </span>
    </Tooltip>
  );
}

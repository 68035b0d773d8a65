import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/types';
import { withheldReason } from '../../components/Suppressed';

/** The line under a table of published figures saying why its hidden cells are hidden (the API's reasons, with k). */
export function WithheldLegend({ reasons, k }: { reasons: readonly (string | null | undefined)[]; k?: number }) {
  const { t } = useTranslation();
  const distinct = [...new Set(reasons)];
  if (distinct.length === 0) return null;
  return (
    <Typography.Paragraph style={{ marginTop: 12 }} data-testid="withheld-reasons">
      {t('official.reasonLegend')}
      {distinct.map((reason) => (
        <span key={String(reason)}>
          {' '}
          {t('official.suppressed')} = {withheldReason(t, reason, k)}
        </span>
      ))}
    </Typography.Paragraph>
  );
}

/**
 * What the figures are, in words, from the API's `disclosure` (null: exact, for a reader who may read the records
 * themselves): the method's stated bound, its typical error and k.
 */
export function DisclosureNote({ disclosure }: { disclosure: Schemas['DisclosureDto'] | null }) {
  const { t, i18n } = useTranslation();
  if (!disclosure) return <Typography.Paragraph type="secondary">{t('eapAdmin.utilisation.exact')}</Typography.Paragraph>;
  const typical = disclosure.typicalErrors
    .map((e) => t('eapAdmin.utilisation.typical', { share: Math.round(e.share * 100), within: e.within }))
    .join(i18n.language.startsWith('zh') ? '，' : '; ');
  return (
    <Typography.Paragraph type="secondary" data-testid="disclosure-note">
      {t('eapAdmin.utilisation.perturbed', { typical, max: disclosure.maxError, k: disclosure.minCellSize })}
    </Typography.Paragraph>
  );
}

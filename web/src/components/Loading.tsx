import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** A page or section still loading: a spinner with words (announced to screen readers). */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Flex justify="center" align="center" gap={12} style={{ padding: 48 }} role="status" aria-live="polite">
      <Spin />
      <span>{label ?? t('common.loading')}</span>
    </Flex>
  );
}

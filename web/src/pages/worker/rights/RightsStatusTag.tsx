import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOURS: Record<string, string> = {
  pending: 'processing',
  completed: 'success',
  refused: 'error',
  withdrawn: 'default',
};

/** A correction or deletion request's status in words. */
export function RightsStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[status] ?? 'default'}>{t(`rights.status.${status}`)}</Tag>;
}

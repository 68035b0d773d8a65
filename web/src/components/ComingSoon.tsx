import { Result } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A feature whose server side is not built yet. */
export function ComingSoon({ title, children }: { title?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Result
      icon={<ClockCircleOutlined aria-hidden />}
      title={title ?? t('common.comingSoon')}
      subTitle={children}
    />
  );
}

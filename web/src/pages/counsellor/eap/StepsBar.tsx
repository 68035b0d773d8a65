import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';

/** Draft → preview exactly what is shared → send. */
export function StepsBar({ current }: { current: number }) {
  const { t } = useTranslation();
  return (
    <Steps
      current={current}
      size="small"
      style={{ marginBottom: 16, maxWidth: 720 }}
      items={[
        { title: t('eap.steps.draft') },
        { title: t('eap.steps.preview') },
        { title: t('eap.steps.sent') },
      ]}
    />
  );
}

import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** "想找人聊聊…拨打 12351 职工服务热线": the union hotline as a tap-to-call link, on every screen signed in or out. */
export function HotlinePrompt() {
  const { t } = useTranslation();
  return (
    <>
      {t('shell.hotlinePrompt')}{' '}
      <a href="tel:12351">
        <PhoneOutlined aria-hidden /> 12351
      </a>{' '}
      {t('shell.hotlineName')}
    </>
  );
}

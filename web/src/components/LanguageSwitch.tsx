import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../i18n';

/** 中文 / EN: Chinese first, the choice kept on this device. */
export function LanguageSwitch({ onDark = false }: { onDark?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('common.language')}
      value={i18n.language.startsWith('zh') ? 'zh-CN' : 'en'}
      onChange={setLanguage}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en' },
      ]}
      style={onDark ? { background: 'rgba(255,255,255,0.92)' } : undefined}
    />
  );
}

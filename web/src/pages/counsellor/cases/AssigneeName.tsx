import { useTranslation } from 'react-i18next';
import { useMe } from '../../../auth';

/** The assignee by name (我 for yourself), never an anonymous "colleague". */
export function AssigneeName({ id, name }: { id: string | null; name: string | null }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!id) return <>{t('cases.assigneeNone')}</>;
  if (id === me.userId) return <>{name ? `${t('cases.assigneeMe')}（${name}）` : t('cases.assigneeMe')}</>;
  return <>{name ?? t('cases.assigneeOther')}</>;
}

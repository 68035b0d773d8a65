import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import { useMe } from '../../auth';
import { useEvery } from '../../components/useNow';

/**
 * 当前危机值班 of the counsellor's unit: who takes a new crisis case now (the unit's roster, or the nearest unit above
 * with one), or that nobody does and cases will wait. Reloaded with the queue, since shifts change by the hour.
 */
export function OnDutyLine({ unitNames }: { unitNames: Map<string, string> }) {
  const { t } = useTranslation();
  const me = useMe();
  const duty = useLoad(
    () => call(api.GET('/api/v1/org-units/{id}/on-duty', { params: { path: { id: me.orgUnitId } } })),
    [me.orgUnitId],
  );
  useEvery(duty.reload);
  const d = duty.data;
  if (!d) return null;
  if (!d.userId) return <Tag color="warning">{t('onDuty.nobody')}</Tag>;
  const from = d.fromUnitId && d.fromUnitId !== me.orgUnitId ? unitNames.get(d.fromUnitId) : undefined;
  return (
    <Tag color="processing" icon={<SafetyCertificateOutlined aria-hidden />} style={{ whiteSpace: 'normal' }}>
      {t('onDuty.title')}：{d.userName ?? t('cases.assigneeOther')}
      {d.userId === me.userId ? `（${t('cases.assigneeMe')}）` : ''}
      {from ? ` · ${t('onDuty.unit')} ${from}` : ''}
    </Tag>
  );
}

import { Button, Empty, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { formatDateTime } from '../../../components/dates';
import { Loaded } from '../../../components/Loaded';
import { SafetyPlanView } from '../../../components/SafetyPlanView';

/** Every version of the worker's safety plan (newest first), one shown at a time (loaded when opened; audited). */
export function PlanVersionsButton({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<string | null>(null);
  const versions = useLoad(
    () => (open ? call(api.GET('/api/v1/crisis-cases/{id}/safety-plans', { params: { path: { id: caseId } } })) : Promise.resolve([])),
    [open, caseId],
  );
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('caseRecords.planVersions')}</Button>
      <Modal open={open} title={t('caseRecords.planVersionsTitle')} footer={null} onCancel={() => setOpen(false)} width={640}>
        <Loaded state={versions}>
          {(plans) => {
            if (plans.length === 0) return <Empty description={t('caseRecords.empty')} />;
            const shown = plans.find((p) => p.id === picked) ?? plans[0];
            return (
              <>
                <label htmlFor="plan-version">{t('caseRecords.planVersionPick')}</label>
                <Select
                  id="plan-version"
                  style={{ width: '100%', margin: '4px 0 12px' }}
                  value={shown.id}
                  onChange={setPicked}
                  options={plans.map((p) => ({ value: p.id, label: t('plan.version', { version: p.version, at: formatDateTime(p.at, i18n.language) }) }))}
                />
                <Typography.Paragraph type="secondary">
                  {t('plan.version', { version: shown.version, at: formatDateTime(shown.at, i18n.language) })}
                </Typography.Paragraph>
                <SafetyPlanView plan={shown} />
              </>
            );
          }}
        </Loaded>
      </Modal>
    </>
  );
}

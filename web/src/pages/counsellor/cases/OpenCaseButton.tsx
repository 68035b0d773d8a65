import { Button, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useAction } from '../../../components/useAction';
import { CASE_LEVELS, type CaseLevel } from './labels';

/** 开案: a counsellor opens a crisis case for a worker in scope (assigned to them and acknowledged at once). */
export function OpenCaseButton({ workerId }: { workerId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [level, setLevel] = useState<CaseLevel>('urgent');
  const [reason, setReason] = useState('');
  const [run, busy] = useAction();
  const save = async () => {
    let id = '';
    const ok = await run(async () => {
      const made = await call(
        api.POST('/api/v1/crisis-cases', { body: { workerId, level, reason: reason.trim() } }),
      );
      id = made.id;
    }, t('record.caseOpened'));
    if (ok) void navigate(`/staff/cases/${id}`);
  };
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t('record.openCase')}
      </Button>
      <Modal
        open={open}
        title={t('record.openCase')}
        okText={t('record.openCase')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !reason.trim(), loading: busy, danger: true }}
        onOk={() => void save()}
        onCancel={() => setOpen(false)}
      >
        <div id="open-case-level" style={{ marginBottom: 4 }}>
          {t('record.level')}
        </div>
        <Radio.Group
          aria-labelledby="open-case-level"
          value={level}
          onChange={(e) => setLevel(e.target.value as CaseLevel)}
          options={CASE_LEVELS.map((l) => ({ value: l, label: t(`caseLevel.${l}`) }))}
          style={{ marginBottom: 12 }}
        />
        <label htmlFor="open-case-reason" style={{ display: 'block' }}>
          {t('record.openReason')}
        </label>
        <Input.TextArea
          id="open-case-reason"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}

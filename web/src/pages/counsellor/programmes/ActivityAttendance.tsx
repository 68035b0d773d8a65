import { Checkbox, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { Schemas } from '../../../api/types';
import { useAction } from '../../../components/useAction';

/** Who came to an activity, ticked by name from the workers taking part; the rest are recorded absent. */
export function ActivityAttendance({
  programmeId,
  activity,
  members,
  onClose,
}: {
  programmeId: string;
  activity: Schemas['ActivityDto'];
  members: Schemas['ProgrammeMemberDto'][];
  onClose: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const taking = members.filter((m) => m.status === 'accepted' || m.status === 'completed');
  const [present, setPresent] = useState<string[]>([]);
  const [run, busy] = useAction();
  const save = () =>
    void run(
      () =>
        call(
          api.PUT('/api/v1/programmes/{id}/activities/{activityId}/attendance', {
            params: { path: { id: programmeId, activityId: activity.id } },
            body: { present, absent: taking.map((m) => m.workerId).filter((w) => !present.includes(w)) },
          }),
        ),
      t('lineAdmin.attendanceSaved'),
    ).then((ok) => ok && onClose(true));
  return (
    <Modal
      open
      title={t('lineAdmin.attendanceOf', { title: activity.title })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={save}
      onCancel={() => onClose(false)}
    >
      {taking.length ? (
        <Checkbox.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          value={present}
          onChange={(v) => setPresent(v as string[])}
          options={taking.map((m) => ({ value: m.workerId, label: m.workerName ?? m.workerId }))}
        />
      ) : (
        t('lineAdmin.nobodyTakingPart')
      )}
    </Modal>
  );
}

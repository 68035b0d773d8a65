import { Modal, Radio, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../components/dates';
import { Loaded } from '../../../components/Loaded';
import { useAction } from '../../../components/useAction';

type Status = Schemas['AttendanceEntryDto']['status'];
const STATUSES: Status[] = ['present', 'absent', 'excused'];

/** Attendance of one meeting: every active member (and anyone already recorded), present, absent or excused. */
export function AttendanceDialog({
  groupId,
  meeting,
  onClose,
}: {
  groupId: string;
  meeting: Schemas['MeetingDto'];
  onClose: (saved: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const rows = useLoad(async () => {
    const path = { params: { path: { id: groupId, meetingId: meeting.id } } };
    const [recorded, members] = await Promise.all([
      call(api.GET('/api/v1/groups/{id}/meetings/{meetingId}/attendance', path)),
      call(
        api.GET('/api/v1/groups/{id}/members', {
          params: { path: { id: groupId }, query: { status: 'active' } },
        }),
      ),
    ]);
    const byMember = new Map(recorded.map((r) => [r.memberId, r]));
    for (const m of members)
      if (!byMember.has(m.memberId))
        byMember.set(m.memberId, {
          memberId: m.memberId,
          workerId: m.workerId,
          displayName: m.displayName,
          status: 'absent',
        });
    return [...byMember.values()];
  }, [groupId, meeting.id]);
  // What is recorded, with the changes made in this dialog on top.
  const [changed, setChanged] = useState<Record<string, Status>>({});
  const marks: Record<string, Status> = {
    ...Object.fromEntries((rows.data ?? []).map((r) => [r.memberId, r.status])),
    ...changed,
  };
  const [run, busy] = useAction();
  const save = () =>
    void run(
      () =>
        call(
          api.PUT('/api/v1/groups/{id}/meetings/{meetingId}/attendance', {
            params: { path: { id: groupId, meetingId: meeting.id } },
            body: { records: Object.entries(marks).map(([memberId, status]) => ({ memberId, status })) },
          }),
        ),
      t('face.meeting.recorded'),
    ).then((ok) => ok && onClose(true));
  return (
    <Modal
      open
      title={t('face.meeting.attendanceOf', { when: formatDateTime(meeting.startsAt, i18n.language) })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ disabled: Object.keys(marks).length === 0 }}
      onOk={save}
      onCancel={() => onClose(false)}
    >
      <Loaded state={rows}>
        {(list) => (
          <Table
            rowKey="memberId"
            size="small"
            pagination={false}
            dataSource={list}
            columns={[
              { title: t('face.member.displayName'), dataIndex: 'displayName' },
              {
                title: t('face.meeting.mark'),
                key: 'm',
                render: (_, r) => (
                  <Radio.Group
                    aria-label={`${t('face.meeting.mark')} ${r.displayName}`}
                    value={marks[r.memberId]}
                    onChange={(e) =>
                      setChanged((prev) => ({ ...prev, [r.memberId]: e.target.value as Status }))
                    }
                    options={STATUSES.map((s) => ({ value: s, label: t(`face.meeting.status.${s}`) }))}
                  />
                ),
              },
            ]}
          />
        )}
      </Loaded>
    </Modal>
  );
}

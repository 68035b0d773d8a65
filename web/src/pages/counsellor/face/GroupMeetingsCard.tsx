import { Button, Card, DatePicker, Form, Input, List, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../components/dates';
import { Loaded } from '../../../components/Loaded';
import { useAction } from '../../../components/useAction';
import { AttendanceDialog } from './AttendanceDialog';

interface Values {
  when: [Dayjs, Dayjs];
  place?: string;
  topic?: string;
}

/** The group's meetings (counts per attendance status), a new meeting, and attendance once one has begun. */
export function GroupMeetingsCard({ group }: { group: Schemas['GroupDto'] }) {
  const { t, i18n } = useTranslation();
  const meetings = useLoad(
    () => call(api.GET('/api/v1/groups/{id}/meetings', { params: { path: { id: group.id } } })),
    [group.id],
  );
  const [form] = Form.useForm<Values>();
  const [attending, setAttending] = useState<Schemas['MeetingDto'] | null>(null);
  const [run, busy] = useAction();
  const schedule = (v: Values) =>
    void run(
      () =>
        call(
          api.POST('/api/v1/groups/{id}/meetings', {
            params: { path: { id: group.id } },
            body: {
              startsAt: v.when[0].toISOString(),
              endsAt: v.when[1].toISOString(),
              ...(v.place?.trim() ? { place: v.place.trim() } : {}),
              ...(v.topic?.trim() ? { topic: v.topic.trim() } : {}),
            },
          }),
        ),
      t('face.meeting.scheduled'),
    ).then((ok) => {
      if (!ok) return;
      form.resetFields();
      meetings.reload();
    });
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('face.meeting.heading')}</h2>}>
      <Loaded state={meetings}>
        {(list) => (
          <List
            dataSource={list}
            locale={{
              emptyText: <Typography.Text type="secondary">{t('face.meeting.none')}</Typography.Text>,
            }}
            renderItem={(m) => (
              <List.Item
                actions={[
                  <Button
                    key="a"
                    size="small"
                    onClick={() => setAttending(m)}
                    disabled={m.status !== 'scheduled'}
                  >
                    {t('face.meeting.attendance')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={`${formatDateTime(m.startsAt, i18n.language)}${m.topic ? ` · ${m.topic}` : ''}`}
                  description={
                    <>
                      {m.place ? `${m.place} ` : ''}
                      {(['present', 'absent', 'excused'] as const).map((s) =>
                        m.attendance[s] ? (
                          <Tag key={s}>
                            {t(`face.meeting.status.${s}`)} {m.attendance[s]}
                          </Tag>
                        ) : null,
                      )}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Loaded>
      {group.status !== 'archived' ? (
        <Form<Values> form={form} layout="vertical" onFinish={schedule} style={{ marginTop: 16 }}>
          <Form.Item
            name="when"
            label={t('face.meeting.when')}
            rules={[{ required: true, message: t('face.required') }]}
          >
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item name="topic" label={t('face.meeting.topic')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="place" label={t('face.meeting.place')}>
            <Input maxLength={300} />
          </Form.Item>
          <Button htmlType="submit" loading={busy}>
            {t('face.meeting.schedule')}
          </Button>
        </Form>
      ) : null}
      {attending ? (
        <AttendanceDialog
          groupId={group.id}
          meeting={attending}
          onClose={(saved) => {
            setAttending(null);
            if (saved) meetings.reload();
          }}
        />
      ) : null}
    </Card>
  );
}

import {
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Select,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { formatDateTime } from '../../components/dates';
import { LinkButton } from '../../components/LinkButton';
import { Loaded } from '../../components/Loaded';
import { PageTitle } from '../../components/PageTitle';
import { useAction } from '../../components/useAction';
import { useStaffNames, useTrainingLabels } from './labels';

type Method = Schemas['CreateTrainingSessionDto']['method'];
const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

function AttendanceModal({
  session,
  onClose,
}: {
  session: Schemas['TrainingSessionDto'];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const staff = useStaffNames();
  const [present, setPresent] = useState<string[]>([]);
  const [run, busy] = useAction();
  const save = () =>
    void run(
      () =>
        call(
          api.PUT('/api/v1/training/sessions/{id}/attendance', {
            params: { path: { id: session.id } },
            body: { present },
          }),
        ),
      t('training.attendanceSaved'),
    ).then((ok) => ok && onClose());
  return (
    <Modal
      open
      title={t('training.attendanceOf', { title: session.title })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={save}
      onCancel={onClose}
    >
      <Select
        mode="multiple"
        style={{ width: '100%' }}
        aria-label={t('training.present')}
        placeholder={t('training.present')}
        optionFilterProp="label"
        value={present}
        onChange={setPresent}
        options={staff.items.map((u) => ({ value: u.id, label: u.displayName }))}
      />
    </Modal>
  );
}

/** One training course: its sessions (CE hours each), attendance, and assessment scores (a pass can certify). */
export default function TrainingCoursePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { id = '' } = useParams();
  const { catalogue, label } = useTrainingLabels(lang);
  const staff = useStaffNames();
  const course = useLoad(
    () => call(api.GET('/api/v1/training/courses/{id}', { params: { path: { id } } })),
    [id],
  );
  const [attending, setAttending] = useState<Schemas['TrainingSessionDto'] | null>(null);
  const [last, setLast] = useState('');
  const [sessionForm] = Form.useForm<{
    title: string;
    method: Method;
    when: [Dayjs, Dayjs];
    ceHours: number;
    place?: string;
  }>();
  const [scoreForm] = Form.useForm<{ userId: string; score: number }>();
  const [run, busy] = useAction();
  const addSession = (v: {
    title: string;
    method: Method;
    when: [Dayjs, Dayjs];
    ceHours: number;
    place?: string;
  }) =>
    void run(
      () =>
        call(
          api.POST('/api/v1/training/courses/{id}/sessions', {
            params: { path: { id } },
            body: {
              title: v.title.trim(),
              method: v.method,
              startsAt: v.when[0].toISOString(),
              endsAt: v.when[1].toISOString(),
              ceHours: v.ceHours,
              ...(v.place?.trim() ? { place: v.place.trim() } : {}),
            },
          }),
        ),
      t('training.sessionAdded'),
    ).then((ok) => {
      if (!ok) return;
      sessionForm.resetFields();
      course.reload();
    });
  const score = (v: { userId: string; score: number }) =>
    void run(async () => {
      const result = await call(
        api.POST('/api/v1/training/courses/{id}/assessments', { params: { path: { id } }, body: v }),
      );
      setLast(
        t(result.passed ? 'training.passed' : 'training.notPassed', {
          name: staff.name(v.userId),
          score: v.score,
        }),
      );
    }, t('training.scoreRecorded')).then((ok) => ok && scoreForm.resetFields());
  return (
    <Loaded state={course}>
      {(c) => (
        <>
          <PageTitle
            title={c.title}
            subtitle={`${label(c.topic)} · ${label(c.audience)}`}
            extra={<LinkButton to="/staff/training">{t('training.back')}</LinkButton>}
          />
          <Flex vertical gap={16}>
            {c.description ? <Typography.Paragraph>{c.description}</Typography.Paragraph> : null}
            <Card title={h2(t('training.sessions'))}>
              <List
                dataSource={c.sessions}
                locale={{
                  emptyText: <Typography.Text type="secondary">{t('training.noSessions')}</Typography.Text>,
                }}
                renderItem={(s) => (
                  <List.Item
                    actions={[
                      <Button
                        key="a"
                        size="small"
                        onClick={() => setAttending(s)}
                        aria-label={`${t('training.attendance')} ${s.title}`}
                      >
                        {t('training.attendance')}
                      </Button>,
                    ]}
                  >
                    <List.Item.Meta
                      title={`${s.title} · ${label(s.method)}`}
                      description={`${formatDateTime(s.startsAt, lang)} · ${t('training.hoursOf', { hours: s.ceHours })}${s.place ? ` · ${s.place}` : ''}`}
                    />
                  </List.Item>
                )}
              />
              <Form
                form={sessionForm}
                layout="vertical"
                onFinish={addSession}
                initialValues={{ method: 'study', ceHours: 2 }}
                style={{ marginTop: 16 }}
              >
                <Form.Item
                  name="title"
                  label={t('training.sessionTitle')}
                  rules={[{ required: true, whitespace: true, message: t('face.required') }]}
                >
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item name="method" label={t('training.course.methods')}>
                  <Select
                    options={(catalogue?.methods ?? []).map((m) => ({ value: m.code, label: label(m.code) }))}
                  />
                </Form.Item>
                <Form.Item
                  name="when"
                  label={t('face.event.when')}
                  rules={[{ required: true, message: t('face.required') }]}
                >
                  <DatePicker.RangePicker
                    showTime={{ format: 'HH:mm' }}
                    format="YYYY-MM-DD HH:mm"
                    style={{ width: '100%' }}
                  />
                </Form.Item>
                <Form.Item name="ceHours" label={t('training.hours')}>
                  <InputNumber min={0.5} max={40} step={0.5} />
                </Form.Item>
                <Form.Item name="place" label={t('face.event.place')}>
                  <Input maxLength={300} />
                </Form.Item>
                <Button htmlType="submit" loading={busy}>
                  {t('training.addSession')}
                </Button>
              </Form>
            </Card>
            {c.passingScore !== null ? (
              <Card title={h2(t('training.assessment', { pass: c.passingScore }))}>
                <Form form={scoreForm} layout="inline" onFinish={score} style={{ rowGap: 8 }}>
                  <Form.Item
                    name="userId"
                    label={t('training.person')}
                    rules={[{ required: true, message: t('face.required') }]}
                  >
                    <Select
                      showSearch
                      optionFilterProp="label"
                      style={{ minWidth: 180 }}
                      options={staff.items.map((u) => ({ value: u.id, label: u.displayName }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name="score"
                    label={t('training.score')}
                    rules={[{ required: true, message: t('face.required') }]}
                  >
                    <InputNumber min={0} max={100} />
                  </Form.Item>
                  <Button htmlType="submit" loading={busy}>
                    {t('training.recordScore')}
                  </Button>
                </Form>
                {last ? (
                  <Typography.Paragraph role="status" style={{ marginTop: 12 }}>
                    {last}
                  </Typography.Paragraph>
                ) : null}
              </Card>
            ) : null}
          </Flex>
          {attending ? <AttendanceModal session={attending} onClose={() => setAttending(null)} /> : null}
        </>
      )}
    </Loaded>
  );
}

import { Alert, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { ApiError } from '../../api/errors';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { Loading } from '../../components/Loading';
import { useAction } from '../../components/useAction';

type Concern = Schemas['WriteSessionNoteDto']['concerns'][number];

interface Values {
  notes: string;
  concerns: Concern[];
  crisis?: 'moderate' | 'high' | 'imminent';
  referral: boolean;
  referralNote?: string;
}

/** Session notes (encrypted at rest, clinical staff only): write or amend, with presenting concerns. */
export function SessionNotesDialog({
  appointmentId,
  onClose,
}: {
  appointmentId: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const categories = useLoad(() => call(api.GET('/api/v1/counselling/concern-categories')), []);
  const existing = useLoad(
    () =>
      call(
        api.GET('/api/v1/counselling/appointments/{id}/notes', { params: { path: { id: appointmentId } } }),
      ).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null; // none written yet
        throw error;
      }),
    [appointmentId],
  );
  const [run, busy] = useAction();
  const save = (values: Values) =>
    void run(
      () =>
        call(
          api.PUT('/api/v1/counselling/appointments/{id}/notes', {
            params: { path: { id: appointmentId } },
            body: {
              notes: values.notes,
              concerns: values.concerns ?? [],
              ...(values.crisis ? { crisis: { level: values.crisis } } : {}),
              ...(values.referral
                ? { referral: { ...(values.referralNote ? { note: values.referralNote } : {}) } }
                : {}),
            },
          }),
        ),
      t('staff.calendar.notesSaved'),
    ).then((ok) => ok && onClose());

  const ready = existing.data !== undefined && categories.data !== undefined;
  const note = existing.data;
  return (
    <Modal
      open
      width={640}
      title={t('staff.calendar.notes')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ disabled: !ready }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('staff.calendar.notesPrivacy')} />
      {existing.error ? <Alert type="error" title={String(existing.error)} /> : null}
      {!ready ? (
        <Loading />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={save}
          initialValues={{
            notes: note?.notes ?? '',
            concerns: (note?.concerns ?? []).map((c) => c.code),
            referral: note?.referralRequested ?? false,
            referralNote: note?.referralNote ?? undefined,
          }}
        >
          <Form.Item
            name="notes"
            label={t('staff.calendar.notesText')}
            rules={[{ required: true, whitespace: true, message: t('staff.calendar.notesRequired') }]}
          >
            <Input.TextArea rows={6} maxLength={20000} />
          </Form.Item>
          <Form.Item name="concerns" label={t('staff.calendar.concerns')}>
            <Select
              mode="multiple"
              options={(categories.data ?? []).map((c) => ({
                value: c.code,
                label: i18n.language.startsWith('zh') ? c.zh : c.en,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="crisis"
            label={t('staff.calendar.crisisLevel')}
            extra={t('staff.calendar.crisisHint')}
          >
            <Select
              allowClear
              options={(['moderate', 'high', 'imminent'] as const).map((level) => ({
                value: level,
                label: t(`crisisLevel.${level}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="referral" valuePropName="checked">
            <Checkbox>{t('staff.calendar.referral')}</Checkbox>
          </Form.Item>
          <Form.Item name="referralNote" label={t('staff.calendar.referralNote')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

import { Alert, Button, Flex, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { useMe } from '../../../auth';
import { useAction } from '../../../components/useAction';
import { CASE_LEVELS, type CaseLevel } from './labels';

type Dialog = 'assign' | 'level' | null;

/**
 * Who holds the case and how urgent it is, changed with a reason (both land on the case's history): a supervisor
 * reassigns to a named colleague; anyone working the case may take it themselves or change its level. An escalated
 * case says so, with the two ways out (reassign, or take it).
 */
export function CaseSupervision({ item, onChanged }: { item: Schemas['CaseDto']; onChanged: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const supervisor = me.role === 'supervisor';
  const [dialog, setDialog] = useState<Dialog>(null);
  const [run, busy] = useAction();
  const [form] = Form.useForm<{ assigneeId?: string; level?: CaseLevel; reason: string }>();
  const users = useLoad(() => (supervisor ? call(api.GET('/api/v1/users')) : Promise.resolve([])), [supervisor]);
  const colleagues = (users.data ?? []).filter((u) => u.active && (u.role === 'counsellor' || u.role === 'supervisor') && u.id !== item.assigneeId);
  if (item.state === 'closed') return null;

  const assign = (assigneeId: string, reason?: string, done?: string) =>
    run(() => call(api.POST('/api/v1/crisis-cases/{id}/assign', { params: { path: { id: item.id } }, body: { assigneeId, ...(reason ? { reason } : {}) } })), done);

  const submit = async (values: { assigneeId?: string; level?: CaseLevel; reason: string }) => {
    const reason = values.reason.trim();
    const ok =
      dialog === 'assign'
        ? await assign(values.assigneeId!, reason, t('supervise.reassigned', { name: colleagues.find((u) => u.id === values.assigneeId)?.displayName ?? '' }))
        : await run(
            () => call(api.POST('/api/v1/crisis-cases/{id}/level', { params: { path: { id: item.id } }, body: { level: values.level!, reason } })),
            t('supervise.levelChanged', { level: t(`caseLevel.${values.level!}`) }),
          );
    if (ok) {
      setDialog(null);
      form.resetFields();
      onChanged();
    }
  };

  const takeIt = async () => {
    if (await assign(me.userId, undefined, t('supervise.reassigned', { name: me.displayName }))) onChanged();
  };

  return (
    <>
      {item.escalationStep > 0 && item.state === 'open' ? (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={t('supervise.escalatedHint', { step: item.escalationStep })} />
      ) : null}
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        {supervisor ? (
          <Button onClick={() => setDialog('assign')} disabled={busy}>
            {t('supervise.reassign')}
          </Button>
        ) : null}
        {item.assigneeId !== me.userId ? (
          <Button onClick={() => void takeIt()} loading={busy && dialog === null} disabled={busy}>
            {t('supervise.takeIt')}
          </Button>
        ) : null}
        <Button onClick={() => setDialog('level')} disabled={busy}>
          {t('supervise.changeLevel')}
        </Button>
      </Flex>
      <Modal
        open={dialog !== null}
        title={dialog === 'assign' ? t('supervise.reassignTitle') : t('supervise.changeLevelTitle')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: busy, htmlType: 'submit' }}
        onOk={() => form.submit()}
        onCancel={() => setDialog(null)}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ level: item.level }}>
          {dialog === 'assign' ? (
            <Form.Item name="assigneeId" label={t('supervise.assignee')} rules={[{ required: true, message: t('supervise.assignee') }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={users.loading}
                options={colleagues.map((u) => ({ value: u.id, label: `${u.displayName}（${t(`role.${u.role}`)}）` }))}
              />
            </Form.Item>
          ) : (
            <Form.Item name="level" label={t('supervise.level')} rules={[{ required: true }]}>
              <Select options={CASE_LEVELS.map((l) => ({ value: l, label: t(`caseLevel.${l}`), disabled: l === item.level }))} />
            </Form.Item>
          )}
          <Form.Item name="reason" label={t('supervise.reason')} rules={[{ required: true, whitespace: true, message: t('supervise.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

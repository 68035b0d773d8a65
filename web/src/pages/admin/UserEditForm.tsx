import { Alert, Form, Input, Modal, Select, TreeSelect, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Schemas } from '../../api/types';
import type { UnitNode } from '../../components/orgUnits';
import { useAction } from '../../components/useAction';

type User = Schemas['UserDto'];
type Update = Schemas['UpdateUserDto'];
const STAFF_ROLES = ['counsellor', 'supervisor', 'official', 'admin'] as const;

/** Edits an account: name shown, email, and for staff the role and unit (which end the user's sessions). */
export function UserEditForm({
  user,
  tree,
  onClose,
}: {
  user: User;
  tree: UnitNode[];
  onClose: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Update>();
  const [run, busy] = useAction();
  const isWorker = user.role === 'worker';
  const submit = (values: Update) => {
    const body: Update = {};
    if (values.displayName?.trim() && values.displayName.trim() !== user.displayName)
      body.displayName = values.displayName.trim();
    if (values.email?.trim() && values.email.trim() !== user.email) body.email = values.email.trim();
    if (!isWorker && values.role && values.role !== user.role) body.role = values.role;
    if (!isWorker && values.orgUnitId && values.orgUnitId !== user.orgUnitId)
      body.orgUnitId = values.orgUnitId;
    void run(
      () => call(api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body })),
      t('people.users.saved', { name: user.username }),
    ).then((ok) => ok && onClose(true));
  };
  return (
    <Modal
      open
      title={t('people.users.editTitle', { name: user.username })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
    >
      <Form<Update>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          displayName: user.displayName,
          email: user.email ?? undefined,
          role: isWorker ? undefined : (user.role as Update['role']),
          orgUnitId: user.orgUnitId,
        }}
      >
        <Form.Item name="displayName" label={t('admin.users.displayName')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('admin.users.email')}
          rules={[{ type: 'email', message: t('admin.users.emailInvalid') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        {isWorker ? (
          <Alert type="info" showIcon title={t('people.users.workerFixed')} />
        ) : (
          <>
            <Form.Item name="role" label={t('admin.users.role')}>
              <Select options={STAFF_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
            </Form.Item>
            <Form.Item name="orgUnitId" label={t('admin.users.unit')}>
              <TreeSelect treeData={tree} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
            </Form.Item>
            <Typography.Text type="secondary">{t('people.users.sessionsEnd')}</Typography.Text>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** Sets a new password for someone who forgot theirs: their sessions end and they are told. */
export function ResetPasswordForm({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const [run, busy] = useAction();
  const submit = ({ password }: { password: string }) =>
    void run(
      () => call(api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body: { password } })),
      t('people.users.wasReset', { name: user.username }),
    ).then((ok) => ok && onClose());
  return (
    <Modal
      open
      title={t('people.users.resetTitle', { name: user.username })}
      okText={t('people.users.reset')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('people.users.resetIntro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="password"
          label={t('people.users.newPassword')}
          extra={t('admin.users.passwordHint')}
          rules={[{ required: true, min: 10, message: t('admin.users.passwordRequired') }]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Role, Schemas } from '../../api/types';
import { useAction } from '../../components/useAction';
import type { UnitNode } from '../../components/orgUnits';

export const ROLES: Role[] = ['worker', 'counsellor', 'supervisor', 'official', 'admin'];

interface Values {
  username: string;
  displayName?: string;
  password: string;
  role: Role;
  orgUnitId: string;
  workerId?: string;
  email?: string;
}

/** Creates an account with its role and unit; a worker account is linked to the worker's 职工档案. */
export function UserForm({ tree, onClose }: { tree: UnitNode[]; onClose: (created: boolean) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const [run, busy] = useAction();
  const [workers, setWorkers] = useState<Schemas['WorkerSummaryDto'][]>([]);
  const searchWorkers = (q: string) => {
    if (q.trim().length < 1) return;
    void call(api.GET('/api/v1/workers', { params: { query: { q: q.trim(), pageSize: 20 } } })).then(
      (page) => setWorkers(page.items),
      () => setWorkers([]),
    );
  };
  const submit = (values: Values) =>
    void run(
      () =>
        call(
          api.POST('/api/v1/users', {
            body: {
              username: values.username.trim(),
              password: values.password,
              role: values.role,
              orgUnitId: values.orgUnitId,
              ...(values.displayName?.trim() ? { displayName: values.displayName.trim() } : {}),
              ...(values.email?.trim() ? { email: values.email.trim() } : {}),
              ...(values.role === 'worker' && values.workerId ? { workerId: values.workerId } : {}),
            },
          }),
        ),
      t('admin.users.created'),
    ).then((ok) => ok && onClose(true));

  return (
    <Modal
      open
      title={t('admin.users.new')}
      okText={t('admin.users.create')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ role: 'counsellor' }}>
        <Form.Item
          name="username"
          label={t('admin.users.username')}
          rules={[{ required: true, whitespace: true, message: t('admin.users.usernameRequired') }]}
        >
          <Input maxLength={64} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('admin.users.displayName')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('admin.users.password')}
          extra={t('admin.users.passwordHint')}
          rules={[{ required: true, min: 10, message: t('admin.users.passwordRequired') }]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
        <Form.Item name="role" label={t('admin.users.role')}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item
          name="orgUnitId"
          label={t('admin.users.unit')}
          rules={[{ required: true, message: t('admin.users.unitRequired') }]}
        >
          <TreeSelect treeData={tree} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
        </Form.Item>
        {role === 'worker' ? (
          <Form.Item
            name="workerId"
            label={t('admin.users.worker')}
            extra={t('admin.users.workerHint')}
            rules={[{ required: true, message: t('admin.users.workerRequired') }]}
          >
            <Select
              showSearch={{ filterOption: false, onSearch: searchWorkers }}
              options={workers.map((w) => ({
                value: w.id,
                label: `${w.name}${w.employeeNo ? `（${w.employeeNo}）` : ''}`,
              }))}
              notFoundContent={t('admin.users.typeToSearch')}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="email"
          label={t('admin.users.email')}
          rules={[{ type: 'email', message: t('admin.users.emailInvalid') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

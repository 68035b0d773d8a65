import { Form, Input, InputNumber, Modal, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { Schemas } from '../../../api/types';
import type { UnitNode } from '../../../components/orgUnits';
import { useAction } from '../../../components/useAction';

type Create = Schemas['CreateWorkerDto'];
const GENDERS: NonNullable<Create['gender']>[] = ['female', 'male', 'other', 'undisclosed'];
const CADRE: NonNullable<Create['cadreLevel']>[] = ['none', 'section', 'division', 'bureau'];
const POSTS: NonNullable<Create['specialPost']>[] = [
  'none',
  'shift',
  'high_altitude',
  'hazardous',
  'police_emergency',
  'long_haul_driving',
  'other',
];
const STATUSES: NonNullable<Create['employmentStatus']>[] = [
  'employed',
  'transferring',
  'redundancy',
  'retiring',
  'retired',
  'returning_to_work',
  'on_leave',
];

/** Adds a worker profile, or edits one (`worker` given): the facts the 面 and 线 tiers read, no clinical content. */
export function WorkerForm({
  tree,
  worker,
  onClose,
}: {
  tree: UnitNode[];
  worker?: Schemas['WorkerDto'];
  onClose: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Create>();
  const [run, busy] = useAction();
  const trimmed = (values: Create): Create => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values)) {
      const v = typeof value === 'string' ? value.trim() : value;
      if (v !== '' && v !== undefined && v !== null) out[key] = v;
    }
    return out as unknown as Create;
  };
  const submit = (values: Create) =>
    void run(
      () =>
        worker
          ? call(
              api.PATCH('/api/v1/workers/{id}', {
                params: { path: { id: worker.id } },
                body: trimmed(values),
              }),
            )
          : call(api.POST('/api/v1/workers', { body: trimmed(values) })),
      t(worker ? 'people.workers.saved' : 'people.workers.added', { name: values.name.trim() }),
    ).then((ok) => ok && onClose(true));
  const f = (key: string) => t(`people.workers.fields.${key}`);

  return (
    <Modal
      open
      title={worker ? t('people.workers.editTitle', { name: worker.name }) : t('people.workers.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
    >
      <Form<Create>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          worker
            ? {
                name: worker.name,
                orgUnitId: worker.orgUnitId,
                gender: worker.gender,
                birthYear: worker.birthYear ?? undefined,
                employeeNo: worker.employeeNo ?? undefined,
                phone: worker.phone ?? undefined,
                email: worker.email ?? undefined,
                jobTitle: worker.jobTitle ?? undefined,
                cadreLevel: worker.cadreLevel,
                specialPost: worker.specialPost,
                employmentStatus: worker.employmentStatus,
              }
            : { gender: 'undisclosed', employmentStatus: 'employed' }
        }
      >
        <Form.Item
          name="name"
          label={f('name')}
          rules={[{ required: true, whitespace: true, message: t('people.workers.nameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="orgUnitId"
          label={f('unit')}
          rules={[{ required: true, message: t('people.workers.unitRequired') }]}
        >
          <TreeSelect treeData={tree} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
        </Form.Item>
        <Form.Item name="gender" label={f('gender')}>
          <Select options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))} />
        </Form.Item>
        <Form.Item name="birthYear" label={f('birthYear')}>
          <InputNumber min={1900} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="employeeNo" label={f('employeeNo')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="phone" label={f('phone')}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="email" label={f('email')} rules={[{ type: 'email' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="jobTitle" label={f('jobTitle')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="cadreLevel" label={f('cadreLevel')}>
          <Select
            allowClear
            options={CADRE.map((c) => ({ value: c, label: t(`people.workers.cadreLevel.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="specialPost" label={f('specialPost')}>
          <Select
            allowClear
            options={POSTS.map((c) => ({ value: c, label: t(`people.workers.specialPost.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="employmentStatus" label={f('employmentStatus')}>
          <Select
            options={STATUSES.map((c) => ({ value: c, label: t(`people.workers.employmentStatus.${c}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

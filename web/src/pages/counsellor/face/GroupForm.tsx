import { Form, Input, InputNumber, Modal, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { Schemas } from '../../../api/types';
import { useMe } from '../../../auth';
import { useOrgUnits } from '../../../components/orgUnits';
import { useAction } from '../../../components/useAction';

type Group = Schemas['GroupDto'];
export const GROUP_TOPICS: Group['topic'][] = [
  'new_parents',
  'caregivers',
  'shift_workers',
  'burnout_recovery',
  'bereavement',
  'career_change',
  'other',
];
interface Values {
  name: string;
  topic: Group['topic'];
  description?: string;
  rules: string;
  orgUnitId?: string;
  capacity: number;
}

/**
 * A new self-help group led by the signed-in counsellor, or an existing group's name, description, rules and
 * capacity (new rules raise the version: members are asked to accept them again).
 */
export function GroupForm({ group, onClose }: { group?: Group; onClose: (id?: string) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const units = useOrgUnits();
  const [form] = Form.useForm<Values>();
  const [run, busy] = useAction();
  const submit = (v: Values) =>
    void run(async () => {
      const common = {
        name: v.name.trim(),
        description: v.description?.trim() ?? '',
        rules: v.rules.trim(),
        capacity: v.capacity,
      };
      const saved = group
        ? await call(api.PATCH('/api/v1/groups/{id}', { params: { path: { id: group.id } }, body: common }))
        : await call(
            api.POST('/api/v1/groups', {
              body: { ...common, topic: v.topic, orgUnitId: v.orgUnitId!, facilitatorId: me.userId },
            }),
          );
      onClose(saved.id);
    }, t('face.saved'));
  return (
    <Modal
      open
      title={group ? t('face.group.edit') : t('face.group.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          group
            ? {
                name: group.name,
                topic: group.topic,
                description: group.description ?? '',
                rules: group.rules,
                capacity: group.capacity,
              }
            : { topic: 'shift_workers', capacity: 12 }
        }
      >
        <Form.Item
          name="name"
          label={t('face.group.name')}
          rules={[{ required: true, whitespace: true, message: t('face.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        {group ? null : (
          <>
            <Form.Item name="topic" label={t('face.group.topic')}>
              <Select options={GROUP_TOPICS.map((k) => ({ value: k, label: t(`face.group.topics.${k}`) }))} />
            </Form.Item>
            <Form.Item
              name="orgUnitId"
              label={t('face.forUnit')}
              rules={[{ required: true, message: t('face.required') }]}
            >
              <TreeSelect treeData={units.tree} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
            </Form.Item>
          </>
        )}
        <Form.Item name="description" label={t('face.group.description')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Form.Item
          name="rules"
          label={t('face.group.rules')}
          extra={group ? t('face.group.rulesHint') : undefined}
          rules={[{ required: true, whitespace: true, message: t('face.required') }]}
        >
          <Input.TextArea rows={4} maxLength={8000} />
        </Form.Item>
        <Form.Item
          name="capacity"
          label={t('face.group.capacity')}
          rules={[{ required: true, message: t('face.required') }]}
        >
          <InputNumber min={2} max={50} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

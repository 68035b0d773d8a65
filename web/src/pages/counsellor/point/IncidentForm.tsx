import { DatePicker, Form, Input, Modal, Radio, Select, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { Schemas } from '../../../api/types';
import { useOrgUnits } from '../../../components/orgUnits';
import { useAction } from '../../../components/useAction';

type Type = Schemas['RecordIncidentDto']['type'];
export const INCIDENT_TYPES: Type[] = [
  'workplace_death',
  'serious_accident',
  'violence',
  'disaster',
  'other',
];
interface Values {
  title: string;
  type: Type;
  occurredAt: Dayjs;
  description?: string;
  by: 'unit' | 'workers';
  orgUnitId?: string;
  workerIds?: string[];
}

/** Records a critical incident affecting a unit's subtree or named workers; the server schedules re-screening. */
export function IncidentForm({ onClose }: { onClose: (id?: string) => void }) {
  const { t } = useTranslation();
  const units = useOrgUnits();
  const [form] = Form.useForm<Values>();
  const by = Form.useWatch('by', form) ?? 'unit';
  const [workers, setWorkers] = useState<Schemas['WorkerSummaryDto'][]>([]);
  const [run, busy] = useAction();
  const search = (q: string) => {
    if (!q.trim()) return;
    void call(api.GET('/api/v1/workers', { params: { query: { q: q.trim(), pageSize: 20 } } })).then(
      (page) => setWorkers(page.items),
      () => setWorkers([]),
    );
  };
  const submit = (v: Values) =>
    void run(async () => {
      const created = await call(
        api.POST('/api/v1/incidents', {
          body: {
            title: v.title.trim(),
            type: v.type,
            occurredAt: v.occurredAt.toISOString(),
            ...(v.description?.trim() ? { description: v.description.trim() } : {}),
            ...(v.by === 'unit' ? { orgUnitId: v.orgUnitId } : { workerIds: v.workerIds ?? [] }),
          },
        }),
      );
      onClose(created.incident.id);
    }, t('point.incidents.created'));
  return (
    <Modal
      open
      title={t('point.incidents.new')}
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
        initialValues={{ type: 'serious_accident', by: 'unit' }}
      >
        <Form.Item
          name="title"
          label={t('point.incidents.title')}
          rules={[{ required: true, whitespace: true, message: t('point.incidents.titleRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="type" label={t('point.incidents.type')}>
          <Select
            options={INCIDENT_TYPES.map((type) => ({
              value: type,
              label: t(`point.incidents.types.${type}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="occurredAt"
          label={t('point.incidents.occurredAt')}
          rules={[{ required: true, message: t('point.incidents.occurredRequired') }]}
        >
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="description" label={t('point.incidents.description')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="by" label={t('point.incidents.affected')}>
          <Radio.Group
            options={[
              { value: 'unit', label: t('point.incidents.byUnit') },
              { value: 'workers', label: t('point.incidents.byWorkers') },
            ]}
          />
        </Form.Item>
        {by === 'unit' ? (
          <Form.Item name="orgUnitId" label={t('point.incidents.unit')} rules={[{ required: true }]}>
            <TreeSelect
              treeData={units.tree}
              treeDefaultExpandAll
              showSearch={{ treeNodeFilterProp: 'title' }}
            />
          </Form.Item>
        ) : (
          <Form.Item name="workerIds" label={t('point.incidents.workers')} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              showSearch={{ filterOption: false, onSearch: search }}
              placeholder={t('point.incidents.typeToSearch')}
              options={workers.map((w) => ({
                value: w.id,
                label: `${w.name}${w.employeeNo ? `（${w.employeeNo}）` : ''}`,
              }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

import {
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Popconfirm,
  Select,
  Table,
  TreeSelect,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { formatDateTime } from '../../components/dates';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageTitle } from '../../components/PageTitle';
import { useAction } from '../../components/useAction';
import { useOrgUnits } from '../../components/orgUnits';

type Shift = Schemas['DutyShiftDto'];
interface Values {
  userId: string;
  period: [Dayjs, Dayjs];
}

/**
 * 危机值班表: who on a unit takes new crisis cases, and when (a shift lasts at most 31 days). Without anyone on duty,
 * cases wait unassigned and the supervisors are told. Operations only: no clinical content.
 */
export default function DutyRosterPage() {
  const { t, i18n } = useTranslation();
  const units = useOrgUnits();
  const [unitId, setUnitId] = useState<string>();
  const shifts = useLoad(
    () =>
      unitId
        ? call(api.GET('/api/v1/duty-shifts', { params: { query: { orgUnitId: unitId } } }))
        : Promise.resolve([]),
    [unitId],
  );
  const users = useLoad(() => call(api.GET('/api/v1/users')), []);
  const staff = (users.data ?? []).filter(
    (u) => u.active && (u.role === 'counsellor' || u.role === 'supervisor'),
  );
  const names = new Map((users.data ?? []).map((u) => [u.id, u.displayName]));
  const [form] = Form.useForm<Values>();
  const [run, busy] = useAction();
  const lang = i18n.language;

  const add = async (v: Values) => {
    const ok = await run(
      () =>
        call(
          api.POST('/api/v1/duty-shifts', {
            body: {
              orgUnitId: unitId ?? '',
              userId: v.userId,
              startsAt: v.period[0].toISOString(),
              endsAt: v.period[1].toISOString(),
            },
          }),
        ),
      t('duty.added'),
    );
    if (ok) {
      form.resetFields();
      shifts.reload();
    }
  };
  const remove = (s: Shift) =>
    void run(
      () => call(api.DELETE('/api/v1/duty-shifts/{id}', { params: { path: { id: s.id } } })),
      t('duty.removed'),
    ).then((ok) => ok && shifts.reload());

  return (
    <>
      <PageTitle title={t('nav.admin.duty')} subtitle={t('duty.intro')} />
      <Card style={{ marginBottom: 16 }}>
        <label htmlFor="duty-unit" style={{ display: 'block', marginBottom: 4 }}>
          {t('duty.unit')}
        </label>
        <TreeSelect
          id="duty-unit"
          style={{ width: '100%', maxWidth: 420 }}
          treeData={units.tree}
          value={unitId}
          onChange={setUnitId}
          treeDefaultExpandAll
          placeholder={t('duty.unitPlaceholder')}
        />
      </Card>
      {unitId ? (
        <Card
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('duty.add')}</h2>}
          style={{ marginBottom: 16 }}
        >
          <Form form={form} layout="vertical" onFinish={(v) => void add(v)}>
            <Flex gap={16} wrap>
              <Form.Item
                name="userId"
                label={t('duty.person')}
                rules={[{ required: true, message: t('duty.personRequired') }]}
                style={{ minWidth: 240 }}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={staff.map((u) => ({
                    value: u.id,
                    label: `${u.displayName}（${t(`role.${u.role}`)}）`,
                  }))}
                />
              </Form.Item>
              <Form.Item
                name="period"
                label={t('duty.period')}
                rules={[{ required: true, message: t('duty.periodRequired') }]}
              >
                <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
              </Form.Item>
            </Flex>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('duty.addButton')}
            </Button>
          </Form>
        </Card>
      ) : null}
      {shifts.error ? <ErrorNotice error={shifts.error} onRetry={shifts.reload} /> : null}
      {unitId ? (
        <Card styles={{ body: { padding: 0 } }}>
          <Table<Shift>
            rowKey="id"
            loading={shifts.loading}
            dataSource={shifts.data ?? []}
            pagination={false}
            scroll={{ x: 640 }}
            locale={{ emptyText: t('duty.none') }}
            columns={[
              { title: t('duty.person'), key: 'who', render: (_, s) => names.get(s.userId) ?? s.userId },
              { title: t('duty.from'), key: 'from', render: (_, s) => formatDateTime(s.startsAt, lang) },
              { title: t('duty.to'), key: 'to', render: (_, s) => formatDateTime(s.endsAt, lang) },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_, s) => (
                  <Popconfirm
                    title={t('duty.removeConfirm')}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => remove(s)}
                  >
                    <Button size="small" danger disabled={busy}>
                      {t('duty.remove')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        </Card>
      ) : (
        <Typography.Paragraph type="secondary">{t('duty.chooseUnit')}</Typography.Paragraph>
      )}
    </>
  );
}

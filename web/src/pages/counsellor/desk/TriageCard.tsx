import { Button, Card, Checkbox, Flex, Form, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { useAction } from '../../../components/useAction';
import { useOrgUnits } from '../../../components/orgUnits';
import { pick } from '../../../i18n';

type Request = Schemas['DeskRequestDto'];
type Triage = Schemas['TriageDto'];
const URGENCIES = ['normal', 'urgent', 'imminent'] as const;

/**
 * 分类研判 of an open request: the category and urgency as the desk officer now understands them, and the crisis flag
 * (never removed: a case may already be open). Only what changed is sent.
 */
export function TriageCard({ request, onChanged }: { request: Request; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const vocabulary = useLoad(() => call(api.GET('/api/v1/desk/vocabulary')), []);
  const [form] = Form.useForm<Required<Triage>>();
  const [run, busy] = useAction();
  const initial = { category: request.category, urgency: request.urgency, crisis: request.crisis };
  const save = (v: Required<Triage>) => {
    const body: Triage = {
      ...(v.category !== request.category ? { category: v.category } : {}),
      ...(v.urgency !== request.urgency ? { urgency: v.urgency } : {}),
      ...(v.crisis && !request.crisis ? { crisis: true } : {}),
    };
    if (Object.keys(body).length === 0) return;
    void run(
      () => call(api.PATCH('/api/v1/desk/requests/{id}/triage', { params: { path: { id: request.id } }, body })),
      t('deskAdmin.triage.saved'),
    ).then((ok) => ok && onChanged());
  };
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('deskAdmin.triage.title')}</h2>}>
      <Typography.Paragraph type="secondary">{t('deskAdmin.triage.hint')}</Typography.Paragraph>
      {/* Keyed by the request's state, so the form shows the saved triage after every change. */}
      <Form<Required<Triage>>
        key={`${request.category}-${request.urgency}-${request.crisis}`}
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={save}
      >
        <Form.Item name="category" label={t('deskAdmin.triage.category')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(vocabulary.data?.categories ?? []).map((c) => ({
              value: c.code as Triage['category'],
              label: pick(c, i18n.language),
            }))}
          />
        </Form.Item>
        <Form.Item name="urgency" label={t('deskAdmin.triage.urgency')}>
          <Radio.Group options={URGENCIES.map((u) => ({ value: u, label: t(`deskUrgency.${u}`) }))} />
        </Form.Item>
        <Form.Item name="crisis" valuePropName="checked">
          <Checkbox disabled={request.crisis}>
            {request.crisis ? t('deskAdmin.triage.crisisKept') : t('deskAdmin.triage.crisis')}
          </Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('deskAdmin.triage.save')}
        </Button>
      </Form>
    </Card>
  );
}

/**
 * 关联职工档案: an anonymous caller found to be a worker in scope is linked to their profile; the request then
 * belongs to the worker's unit (and a crisis reaches the tier with the worker). A link is final.
 */
export function LinkCallerCard({ request, onChanged }: { request: Request; onChanged: () => void }) {
  const { t } = useTranslation();
  const units = useOrgUnits();
  const [workers, setWorkers] = useState<Schemas['WorkerSummaryDto'][]>([]);
  const [workerId, setWorkerId] = useState<string>();
  const [run, busy] = useAction();
  const search = (q: string) => {
    if (!q.trim()) return;
    void call(api.GET('/api/v1/workers', { params: { query: { q: q.trim(), pageSize: 20 } } })).then(
      (page) => setWorkers(page.items),
      () => setWorkers([]),
    );
  };
  const link = () =>
    void run(
      () =>
        call(
          api.POST('/api/v1/desk/requests/{id}/link', {
            params: { path: { id: request.id } },
            body: { workerId: workerId ?? '' },
          }),
        ),
      t('deskAdmin.link.saved'),
    ).then((ok) => ok && onChanged());
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('deskAdmin.link.title')}</h2>}>
      <Typography.Paragraph type="secondary">{t('deskAdmin.link.hint')}</Typography.Paragraph>
      <Flex gap={8} wrap>
        <Select
          aria-label={t('deskAdmin.link.search')}
          placeholder={t('deskAdmin.link.search')}
          style={{ flex: 1, minWidth: 220 }}
          showSearch={{ filterOption: false, onSearch: search }}
          value={workerId}
          onChange={setWorkerId}
          options={workers.map((w) => ({
            value: w.id,
            label: [w.name, w.employeeNo, units.names.get(w.orgUnitId)].filter(Boolean).join(' · '),
          }))}
        />
        <Button type="primary" disabled={!workerId} loading={busy} onClick={link}>
          {t('deskAdmin.link.save')}
        </Button>
      </Flex>
    </Card>
  );
}

import { Button, Card, DatePicker, Flex, Input, Segmented, TreeSelect, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { Schemas } from '../../../api/types';
import { useAction } from '../../../components/useAction';
import { useOrgUnits } from '../../../components/orgUnits';
import type { DeskAction } from './labels';

type Request = Schemas['DeskRequestDto'];
type Tab = 'reply' | 'note' | 'forward' | 'resolve' | 'return' | 'close';

/** The actions the server allows on this request now (`allowedActions`), each with its text box. */
export function DeskActions({ request, onChanged }: { request: Request; onChanged: () => void }) {
  const { t } = useTranslation();
  const units = useOrgUnits();
  const allowed = new Set<DeskAction>(request.allowedActions);
  const tabs = (['reply', 'forward', 'resolve', 'return', 'close'] as const).filter((a) => allowed.has(a));
  const open = request.status !== 'closed';
  const all: Tab[] = [...tabs, ...(open ? (['note'] as const) : [])];
  const [chosen, setTab] = useState<Tab>(all[0] ?? 'note');
  // After an action the allowed ones change: fall back to the first still allowed.
  const tab: Tab = all.includes(chosen) ? chosen : (all[0] ?? 'note');
  const [text, setText] = useState('');
  const [toUnit, setToUnit] = useState<string>();
  const [due, setDue] = useState<Dayjs | null>(null);
  const [run, busy] = useAction();
  const id = request.id;
  const path = { params: { path: { id } } };

  const done = (ok: boolean) => {
    if (!ok) return;
    setText('');
    setToUnit(undefined);
    onChanged();
  };
  const simple = (action: 'acknowledge' | 'accept') =>
    void run(
      () =>
        action === 'acknowledge'
          ? call(api.POST('/api/v1/desk/requests/{id}/acknowledge', path))
          : call(api.POST('/api/v1/desk/requests/{id}/forward/accept', path)),
      t(`desk.done.${action}`),
    ).then(done);
  const submit = () => {
    const body = text.trim();
    const calls: Record<Tab, () => Promise<unknown>> = {
      reply: () => call(api.POST('/api/v1/desk/requests/{id}/replies', { ...path, body: { text: body } })),
      note: () => call(api.POST('/api/v1/desk/requests/{id}/notes', { ...path, body: { text: body } })),
      resolve: () =>
        call(api.POST('/api/v1/desk/requests/{id}/resolve', { ...path, body: { resolution: body } })),
      return: () =>
        call(api.POST('/api/v1/desk/requests/{id}/forward/return', { ...path, body: { reason: body } })),
      close: () =>
        call(
          api.POST('/api/v1/desk/requests/{id}/close', { ...path, body: body ? { resolution: body } : {} }),
        ),
      forward: () =>
        call(
          api.POST('/api/v1/desk/requests/{id}/forward', {
            ...path,
            body: {
              toUnitId: toUnit ?? '',
              instructions: body,
              ...(due ? { dueAt: due.toISOString() } : {}),
            },
          }),
        ),
    };
    void run(calls[tab], t(`desk.done.${tab}`)).then(done);
  };
  const ready = tab === 'close' || (text.trim().length > 0 && (tab !== 'forward' || !!toUnit));

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('desk.handle')}</h2>} style={{ height: '100%' }}>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {allowed.has('acknowledge') ? (
          <Button type="primary" loading={busy} onClick={() => simple('acknowledge')}>
            {t('desk.actions.acknowledge')}
          </Button>
        ) : null}
        {allowed.has('accept') ? (
          <Button type="primary" loading={busy} onClick={() => simple('accept')}>
            {t('desk.actions.accept')}
          </Button>
        ) : null}
      </Flex>
      {all.length === 0 ? (
        <Typography.Text type="secondary">{t('desk.nothingToDo')}</Typography.Text>
      ) : (
        <>
          <Segmented<Tab>
            aria-label={t('desk.handle')}
            value={tab}
            onChange={setTab}
            options={all.map((a) => ({ value: a, label: t(`desk.actions.${a}`) }))}
            style={{ marginBottom: 12, flexWrap: 'wrap' }}
          />
          {tab === 'forward' ? (
            <Flex vertical gap={8} style={{ marginBottom: 8 }}>
              <TreeSelect
                aria-label={t('desk.forwardTo')}
                placeholder={t('desk.forwardTo')}
                treeData={units.tree}
                value={toUnit}
                onChange={setToUnit}
                treeDefaultExpandAll
              />
              <DatePicker
                showTime
                aria-label={t('desk.forwardDue')}
                placeholder={t('desk.forwardDue')}
                value={due}
                onChange={setDue}
              />
            </Flex>
          ) : null}
          <label htmlFor="desk-text" style={{ display: 'block', marginBottom: 4 }}>
            {t(`desk.textLabel.${tab}`)}
          </label>
          <Input.TextArea
            id="desk-text"
            rows={4}
            maxLength={4000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <Button type="primary" style={{ marginTop: 8 }} disabled={!ready} loading={busy} onClick={submit}>
            {t(`desk.actions.${tab}`)}
          </Button>
          {tab === 'resolve' || tab === 'close' ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t('desk.replyFirst')}
            </Typography.Paragraph>
          ) : null}
        </>
      )}
    </Card>
  );
}

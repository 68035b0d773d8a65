import { Button, Card, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../components/dates';
import { LinkButton } from '../../../components/LinkButton';
import { Loaded } from '../../../components/Loaded';
import { useOrgUnits } from '../../../components/orgUnits';
import { useAction } from '../../../components/useAction';
import { pick } from '../../../i18n';

type Outcome = Schemas['CompleteTaskDto']['outcome'];
const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/** The programmes covering the counsellor's workers (her own units' and those of the units above). */
export function MyProgrammesCard() {
  const { t, i18n } = useTranslation();
  const units = useOrgUnits();
  const programmes = useLoad(() => call(api.GET('/api/v1/programmes')), []);
  return (
    <Card title={h2(t('line.mine.programmes'))}>
      <Loaded state={programmes}>
        {(items) => (
          <Table
            rowKey="id"
            size="small"
            scroll={{ x: 640 }}
            dataSource={items}
            pagination={false}
            locale={{
              emptyText: <Typography.Text type="secondary">{t('line.mine.noProgrammes')}</Typography.Text>,
            }}
            columns={[
              { title: t('line.programme.title'), dataIndex: 'title' },
              {
                title: t('line.programme.subgroup'),
                key: 'sg',
                render: (_, p) => pick(p.subgroupName, i18n.language),
              },
              {
                title: t('line.programme.unit'),
                key: 'unit',
                render: (_, p) => units.names.get(p.orgUnitId) ?? '',
              },
              {
                title: t('line.programme.status'),
                key: 'status',
                render: (_, p) => <Tag>{t(`line.status.${p.status}`)}</Tag>,
              },
              {
                title: '',
                key: 'open',
                render: (_, p) => (
                  <LinkButton
                    size="small"
                    to={`/staff/programmes/${p.id}`}
                    aria-label={`${t('common.view')} ${p.title}`}
                  >
                    {t('common.view')}
                  </LinkButton>
                ),
              },
            ]}
          />
        )}
      </Loaded>
    </Card>
  );
}

/** The counsellor's own programme tasks (check in with a worker, run a session…), soonest first; mark them done. */
export function MyTasksCard() {
  const { t, i18n } = useTranslation();
  const tasks = useLoad(() => call(api.GET('/api/v1/programme-tasks')), []);
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const [run, busy] = useAction();
  const complete = (task: Schemas['TaskDto']) =>
    void run(
      () =>
        call(
          api.POST('/api/v1/programme-tasks/{id}/complete', {
            params: { path: { id: task.id } },
            body: { outcome: outcomes[task.id] ?? (task.workerId ? 'attended' : 'done') },
          }),
        ),
      t('line.mine.completed'),
    ).then((ok) => ok && tasks.reload());
  return (
    <Card title={h2(t('line.mine.tasks'))}>
      <Loaded state={tasks}>
        {(items) => (
          <Table
            rowKey="id"
            size="small"
            scroll={{ x: 760 }}
            dataSource={items}
            pagination={false}
            locale={{
              emptyText: <Typography.Text type="secondary">{t('line.mine.noTasks')}</Typography.Text>,
            }}
            columns={[
              {
                title: t('line.task.due'),
                key: 'due',
                render: (_, k) => formatDateTime(k.dueAt, i18n.language),
              },
              { title: t('line.task.kind'), key: 'kind', render: (_, k) => t(`line.task.kinds.${k.kind}`) },
              { title: t('line.task.worker'), key: 'worker', render: (_, k) => k.workerName ?? '—' },
              {
                title: t('line.task.activity'),
                key: 'act',
                render: (_, k) => `${k.programmeTitle} · ${k.activityTitle}`,
              },
              {
                title: '',
                key: 'done',
                render: (_, k) =>
                  k.status === 'open' ? (
                    <>
                      {k.workerId ? (
                        <Select<Outcome>
                          size="small"
                          aria-label={`${t('line.task.outcome')} ${k.workerName ?? ''}`}
                          value={outcomes[k.id] ?? 'attended'}
                          onChange={(value) => setOutcomes({ ...outcomes, [k.id]: value })}
                          style={{ width: 110, marginInlineEnd: 4 }}
                          options={(['attended', 'no_show', 'unreachable'] as const).map((o) => ({
                            value: o,
                            label: t(`line.task.outcomes.${o}`),
                          }))}
                        />
                      ) : null}
                      <Button size="small" type="primary" disabled={busy} onClick={() => complete(k)}>
                        {t('line.task.complete')}
                      </Button>
                    </>
                  ) : (
                    <Tag>{t(`line.task.outcomes.${k.outcome ?? 'done'}`)}</Tag>
                  ),
              },
            ]}
          />
        )}
      </Loaded>
    </Card>
  );
}

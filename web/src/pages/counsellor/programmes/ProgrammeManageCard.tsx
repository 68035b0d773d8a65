import { Button, Card, Descriptions, Flex, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { AggregateValue } from '../../../components/Suppressed';
import { Loaded } from '../../../components/Loaded';
import { useAction } from '../../../components/useAction';
import { ProgrammeEditForm } from './ProgrammeEditForm';

type Programme = Schemas['ProgrammeDto'];
type Cell = Schemas['CountCellDto'];
const cell = (c: Cell) => <AggregateValue value={c.count} suppressed={c.suppressed} />;

/** Counts of the programme (perturbed, small ones hidden), the same a dashboard shows. */
function Dashboard({ id }: { id: string }) {
  const { t } = useTranslation();
  const dashboard = useLoad(
    () => call(api.GET('/api/v1/programmes/{id}/dashboard', { params: { path: { id } } })),
    [id],
  );
  return (
    <Loaded state={dashboard}>
      {(d) => (
        <Descriptions
          size="small"
          column={{ xs: 2, md: 4 }}
          title={t('lineAdmin.dashboard')}
          items={[
            { key: 't', label: t('lineAdmin.counts.total'), children: cell(d.enrolment.total) },
            { key: 'i', label: t('lineAdmin.counts.invited'), children: cell(d.enrolment.invited) },
            { key: 'p', label: t('lineAdmin.counts.takingPart'), children: cell(d.enrolment.takingPart) },
            {
              key: 'a',
              label: t('lineAdmin.counts.anyActivity'),
              children: cell(d.participation.anyActivity),
            },
          ]}
        />
      )}
    </Loaded>
  );
}

/** Running a programme: activate the draft, see who the rule takes in now and enrol them, close. */
export function ProgrammeManageCard({ programme, onChange }: { programme: Programme; onChange: () => void }) {
  const { t } = useTranslation();
  const id = programme.id;
  const preview = useLoad(
    () => call(api.POST('/api/v1/programmes/{id}/eligibility/preview', { params: { path: { id } } })),
    [id, programme.status],
  );
  const [run, busy] = useAction();
  const [editing, setEditing] = useState(false);
  const setStatus = (status: 'active' | 'closed') =>
    void run(
      () => call(api.POST('/api/v1/programmes/{id}/status', { params: { path: { id } }, body: { status } })),
      t(`lineAdmin.became.${status}`),
    ).then((ok) => ok && onChange());
  const enrol = (expected: number) =>
    void run(
      () =>
        call(
          api.POST('/api/v1/programmes/{id}/enrolments', { params: { path: { id } }, body: { expected } }),
        ),
      t('lineAdmin.enrolled', { count: expected }),
    ).then((ok) => {
      if (!ok) return;
      preview.reload();
      onChange();
    });
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('lineAdmin.manage')}</h2>}>
      <Flex vertical gap={12}>
        <Loaded state={preview}>
          {(p) => (
            <Typography.Paragraph style={{ margin: 0 }}>
              {t('lineAdmin.previewLine', {
                eligible: p.eligible,
                already: p.alreadyEnrolled,
                toEnrol: p.toEnrol,
              })}
            </Typography.Paragraph>
          )}
        </Loaded>
        <Flex gap={8} wrap>
          {programme.status !== 'closed' ? (
            <Button onClick={() => setEditing(true)}>{t('lineAdmin.edit')}</Button>
          ) : null}
          {programme.status === 'draft' ? (
            <Button type="primary" disabled={busy} onClick={() => setStatus('active')}>
              {t('lineAdmin.activate')}
            </Button>
          ) : null}
          {programme.status === 'active' ? (
            <>
              <Button
                type="primary"
                disabled={busy || !preview.data?.toEnrol}
                onClick={() => enrol(preview.data!.toEnrol)}
              >
                {t('lineAdmin.enrol', { count: preview.data?.toEnrol ?? 0 })}
              </Button>
              <Popconfirm title={t('lineAdmin.confirmClose')} onConfirm={() => setStatus('closed')}>
                <Button disabled={busy}>{t('lineAdmin.close')}</Button>
              </Popconfirm>
            </>
          ) : null}
        </Flex>
        {programme.status !== 'draft' ? <Dashboard id={id} /> : null}
      </Flex>
      {editing ? (
        <ProgrammeEditForm
          programme={programme}
          onClose={(saved) => {
            setEditing(false);
            if (saved) {
              preview.reload();
              onChange();
            }
          }}
        />
      ) : null}
    </Card>
  );
}

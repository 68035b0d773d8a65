import { Button, Card, Popconfirm, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { formatDateTime } from '../../components/dates';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageTitle } from '../../components/PageTitle';
import { useAction } from '../../components/useAction';

type DeadJob = Schemas['DeadJobDto'];

const kindOf = (type: string) => (type === 'mail.send' ? 'mail' : type.startsWith('event:') ? 'event' : 'other');

/** 任务队列: jobs that used up their attempts (root administrators), with a retry once the cause is fixed. */
export default function DeadJobsPage() {
  const { t, i18n } = useTranslation();
  const jobs = useLoad(() => call(api.GET('/api/v1/jobs/dead')), []);
  const [run, busy] = useAction();
  const lang = i18n.language;

  const retry = (job: DeadJob) =>
    void run(
      () => call(api.POST('/api/v1/jobs/{id}/retry', { params: { path: { id: job.id } } })),
      t('jobsAdmin.retried'),
    ).then((ok) => ok && jobs.reload());

  return (
    <>
      <PageTitle title={t('jobsAdmin.nav')} subtitle={t('jobsAdmin.intro')} />
      {jobs.error ? <ErrorNotice error={jobs.error} onRetry={jobs.reload} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<DeadJob>
          rowKey="id"
          loading={jobs.loading}
          dataSource={jobs.data ?? []}
          pagination={false}
          scroll={{ x: 760 }}
          locale={{ emptyText: t('jobsAdmin.none') }}
          columns={[
            {
              title: t('jobsAdmin.type'),
              key: 'type',
              render: (_, j) => (
                <>
                  {t(`jobsAdmin.kinds.${kindOf(j.type)}`)}
                  <br />
                  <Typography.Text code>{j.type}</Typography.Text>
                </>
              ),
            },
            {
              title: t('jobsAdmin.attempts'),
              key: 'attempts',
              render: (_, j) => t('jobsAdmin.attemptsOf', { attempts: j.attempts, max: j.maxAttempts }),
            },
            {
              title: t('jobsAdmin.lastError'),
              key: 'error',
              render: (_, j) => <Typography.Text type="danger">{j.lastError}</Typography.Text>,
            },
            { title: t('jobsAdmin.finishedAt'), key: 'at', render: (_, j) => formatDateTime(j.finishedAt, lang) },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, j) => (
                <Popconfirm
                  title={t('jobsAdmin.retryConfirm')}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => retry(j)}
                >
                  <Button size="small" disabled={busy}>
                    {t('jobsAdmin.retry')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}

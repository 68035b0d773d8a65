import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { LinkButton } from '../../../components/LinkButton';
import { Loaded } from '../../../components/Loaded';
import { PageTitle } from '../../../components/PageTitle';
import { useOrgUnits } from '../../../components/orgUnits';
import { useAction } from '../../../components/useAction';
import { WorkerForm } from './WorkerForm';

/** 职工档案管理: find, add and edit worker profiles in the admin's scope; the roster import is one click away. */
export default function WorkersAdminPage() {
  const { t } = useTranslation();
  const units = useOrgUnits();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const workers = useLoad(
    () =>
      call(
        api.GET('/api/v1/workers', {
          params: { query: { ...(q.trim() ? { q: q.trim() } : {}), page, pageSize: 20 } },
        }),
      ),
    [q, page],
  );
  const [editing, setEditing] = useState<Schemas['WorkerDto'] | 'new' | null>(null);
  const [run, busy] = useAction();
  const edit = (id: string) =>
    void run(async () =>
      setEditing(await call(api.GET('/api/v1/workers/{id}', { params: { path: { id } } }))),
    );

  return (
    <>
      <PageTitle
        title={t('people.nav.workers')}
        subtitle={t('people.workers.intro')}
        extra={
          <Flex gap={8} wrap>
            <LinkButton to="/admin/workers/import" icon={<UploadOutlined />}>
              {t('people.workers.import')}
            </LinkButton>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('people.workers.add')}
            </Button>
          </Flex>
        }
      />
      <Card>
        <Input.Search
          aria-label={t('people.workers.search')}
          placeholder={t('people.workers.search')}
          allowClear
          onSearch={(value) => {
            setPage(1);
            setQ(value);
          }}
          style={{ maxWidth: 320, marginBottom: 12 }}
        />
        <Loaded state={workers}>
          {(data) => (
            <Table
              rowKey="id"
              size="middle"
              scroll={{ x: 720 }}
              dataSource={data.items}
              locale={{
                emptyText: <Typography.Text type="secondary">{t('people.workers.none')}</Typography.Text>,
              }}
              pagination={{
                current: data.page,
                pageSize: data.pageSize,
                total: data.total,
                showSizeChanger: false,
                onChange: setPage,
              }}
              columns={[
                { title: t('people.workers.fields.name'), dataIndex: 'name' },
                {
                  title: t('people.workers.fields.employeeNo'),
                  key: 'no',
                  render: (_, w) => w.employeeNo ?? '',
                },
                {
                  title: t('people.workers.fields.unit'),
                  key: 'unit',
                  render: (_, w) => units.names.get(w.orgUnitId) ?? '',
                },
                {
                  title: t('people.workers.fields.jobTitle'),
                  key: 'job',
                  render: (_, w) => w.jobTitle ?? '',
                },
                {
                  title: t('common.actions'),
                  key: 'edit',
                  render: (_, w) => (
                    <Button
                      size="small"
                      disabled={busy}
                      onClick={() => edit(w.id)}
                      aria-label={`${t('people.workers.edit')} ${w.name}`}
                    >
                      {t('people.workers.edit')}
                    </Button>
                  ),
                },
              ]}
            />
          )}
        </Loaded>
      </Card>
      {editing ? (
        <WorkerForm
          tree={units.tree}
          worker={editing === 'new' ? undefined : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) workers.reload();
          }}
        />
      ) : null}
    </>
  );
}

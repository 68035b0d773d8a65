import { Card, Input, Table, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageTitle } from '../../components/PageTitle';
import { useOrgUnits } from '../../components/orgUnits';

/** Worker search (name or employee number, optionally within a unit); a row opens the worker's 心理档案. */
export default function WorkersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const unit = params.get('unit') ?? undefined;
  const page = Number(params.get('page') ?? '1');
  const [text, setText] = useState(q);
  const units = useOrgUnits();
  const workers = useLoad(
    () =>
      call(
        api.GET('/api/v1/workers', {
          params: {
            query: { ...(q ? { q } : {}), ...(unit ? { orgUnitId: unit } : {}), page, pageSize: 20 },
          },
        }),
      ),
    [q, unit, page],
  );
  const update = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    setParams(merged);
  };

  return (
    <>
      <PageTitle title={t('nav.staff.workers')} subtitle={t('staff.workers.intro')} />
      <Card style={{ marginBottom: 16 }}>
        <div role="search" style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <Input.Search
            aria-label={t('staff.workers.search')}
            placeholder={t('staff.workers.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(value) => update({ q: value.trim() || undefined, page: undefined })}
            enterButton={t('common.search')}
            allowClear
            style={{ maxWidth: 420 }}
          />
          <TreeSelect
            aria-label={t('staff.workers.unit')}
            placeholder={t('staff.workers.unit')}
            treeData={units.tree}
            value={unit}
            onChange={(value: string | undefined) => update({ unit: value, page: undefined })}
            allowClear
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll
            style={{ minWidth: 260 }}
          />
        </div>
      </Card>
      {workers.error ? <ErrorNotice error={workers.error} onRetry={workers.reload} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Schemas['WorkerSummaryDto']>
          rowKey="id"
          loading={workers.loading}
          dataSource={workers.data?.items ?? []}
          scroll={{ x: 700 }}
          pagination={{
            current: page,
            pageSize: 20,
            total: workers.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (p) => update({ page: String(p) }),
          }}
          columns={[
            {
              title: t('staff.workers.name'),
              key: 'name',
              render: (_, w) => <Link to={`/staff/workers/${w.id}`}>{w.name}</Link>,
            },
            { title: t('staff.workers.employeeNo'), dataIndex: 'employeeNo' },
            {
              title: t('staff.workers.unit'),
              key: 'unit',
              render: (_, w) => units.names.get(w.orgUnitId) ?? '',
            },
            { title: t('staff.workers.jobTitle'), dataIndex: 'jobTitle' },
            { title: t('staff.workers.gender'), key: 'gender', render: (_, w) => t(`gender.${w.gender}`) },
            { title: t('staff.workers.birthYear'), dataIndex: 'birthYear' },
          ]}
        />
      </Card>
    </>
  );
}

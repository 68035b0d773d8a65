import { Card, Flex, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LinkButton } from '../../components/LinkButton';
import { PageTitle } from '../../components/PageTitle';
import { AggregateValue } from '../../components/Suppressed';
import { useOrgUnits } from '../../components/orgUnits';
import { pick } from '../../i18n';
import { MyProgrammesCard, MyTasksCard } from './programmes/MyProgrammesCard';

type Row = Schemas['ProgrammeOverviewDto'];

/**
 * 线 · care programmes for subgroups (cadres, women, career transitions, special posts) in the counsellor's scope,
 * with how many take part. Counts of sensitive programmes come back suppressed when small: shown as 已隐藏.
 */
export default function ProgrammesPage() {
  const { t, i18n } = useTranslation();
  const list = useLoad(() => call(api.GET('/api/v1/programmes/overview')), []);
  const units = useOrgUnits();
  return (
    <>
      <PageTitle
        title={t('nav.staff.programmes')}
        subtitle={t('programmes.intro')}
        extra={
          <LinkButton type="primary" to="/staff/programmes/new">
            {t('lineAdmin.new')}
          </LinkButton>
        }
      />
      <Flex vertical gap={16} style={{ marginBottom: 16 }}>
        <MyTasksCard />
        <MyProgrammesCard />
      </Flex>
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Row>
          rowKey="id"
          loading={list.loading && !list.data}
          dataSource={list.data ?? []}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: t('programmes.none') }}
          columns={[
            { title: t('programmes.title'), dataIndex: 'title' },
            {
              title: t('programmes.subgroup'),
              key: 'subgroup',
              render: (_, p) => pick(p.subgroupName, i18n.language),
            },
            {
              title: t('programmes.unit'),
              key: 'unit',
              render: (_, p) => units.names.get(p.orgUnitId) ?? '',
            },
            {
              title: t('programmes.status'),
              key: 'status',
              render: (_, p) => (
                <>
                  <Tag color={p.status === 'active' ? 'success' : 'default'}>
                    {t(`programmeStatus.${p.status}`)}
                  </Tag>
                  {p.sensitive ? <Tag>{t('programmes.sensitive')}</Tag> : null}
                </>
              ),
            },
            {
              title: t('programmes.takingPart'),
              key: 'count',
              render: (_, p) => (
                <AggregateValue value={p.takingPart.count} suppressed={p.takingPart.suppressed} />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}

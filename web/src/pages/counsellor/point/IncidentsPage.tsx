import { PlusOutlined } from '@ant-design/icons';
import { Button, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { formatDateTime } from '../../../components/dates';
import { LinkButton } from '../../../components/LinkButton';
import { Loaded } from '../../../components/Loaded';
import { PageTitle } from '../../../components/PageTitle';
import { useOrgUnits } from '../../../components/orgUnits';
import { IncidentForm } from './IncidentForm';

type Filter = 'open' | 'closed' | 'all';

/** 突发事件善后: incidents of the staff member's subtree, open first; record a new one. */
export default function IncidentsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const units = useOrgUnits();
  const [filter, setFilter] = useState<Filter>('open');
  const incidents = useLoad(
    () =>
      call(api.GET('/api/v1/incidents', { params: { query: filter === 'all' ? {} : { state: filter } } })),
    [filter],
  );
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageTitle
        title={t('point.nav.incidents')}
        subtitle={t('point.incidents.intro')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('point.incidents.new')}
          </Button>
        }
      />
      <Segmented<Filter>
        value={filter}
        onChange={setFilter}
        style={{ marginBottom: 16 }}
        options={(['open', 'closed', 'all'] as const).map((value) => ({
          value,
          label: t(`point.incidents.filter.${value}`),
        }))}
      />
      <Loaded state={incidents}>
        {(data) => (
          <Table
            rowKey="id"
            scroll={{ x: 760 }}
            dataSource={data.items}
            locale={{
              emptyText: <Typography.Text type="secondary">{t('point.incidents.none')}</Typography.Text>,
            }}
            columns={[
              { title: t('point.incidents.title'), dataIndex: 'title' },
              {
                title: t('point.incidents.type'),
                key: 'type',
                render: (_, i) => t(`point.incidents.types.${i.type}`),
              },
              {
                title: t('point.incidents.occurredAt'),
                key: 'at',
                render: (_, i) => formatDateTime(i.occurredAt, i18n.language),
              },
              {
                title: t('point.incidents.unit'),
                key: 'unit',
                render: (_, i) => units.names.get(i.orgUnitId) ?? '',
              },
              {
                title: t('point.incidents.affected'),
                key: 'n',
                render: (_, i) => t('point.incidents.affectedCount', { count: i.affectedCount }),
              },
              {
                title: '',
                key: 'state',
                render: (_, i) => (
                  <>
                    <Tag color={i.state === 'open' ? 'processing' : 'default'}>
                      {t(`point.incidents.state.${i.state}`)}
                    </Tag>
                    <LinkButton
                      size="small"
                      to={`/staff/incidents/${i.id}`}
                      aria-label={`${t('common.view')} ${i.title}`}
                    >
                      {t('common.view')}
                    </LinkButton>
                  </>
                ),
              },
            ]}
          />
        )}
      </Loaded>
      {creating ? (
        <IncidentForm
          onClose={(id) => {
            setCreating(false);
            if (id) void navigate(`/staff/incidents/${id}`);
          }}
        />
      ) : null}
    </>
  );
}

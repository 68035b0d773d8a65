import { Alert, Card, Descriptions, Table, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { formatDate } from '../../../components/dates';
import { LinkButton } from '../../../components/LinkButton';
import { Loaded } from '../../../components/Loaded';
import { PageTitle } from '../../../components/PageTitle';
import { useOrgUnits } from '../../../components/orgUnits';
import { ApiKeysCard } from './ApiKeysCard';
import { InboundSecretCard } from './InboundSecretCard';
import { WebhookEndpointsCard } from './WebhookEndpointsCard';

type Contract = Schemas['ContractDto'];

/** The vendor's contracts (links to each contract's terms and utilisation). */
function VendorContracts({ vendorId }: { vendorId: string }) {
  const { t, i18n } = useTranslation();
  const units = useOrgUnits();
  const contracts = useLoad(() => call(api.GET('/api/v1/eap/contracts', { params: { query: { vendorId } } })), [vendorId]);
  return (
    <Card styles={{ body: { padding: 0 } }}>
      <Loaded state={contracts}>
        {(list) => (
          <Table<Contract>
            rowKey="id"
            size="small"
            dataSource={list}
            pagination={false}
            scroll={{ x: 640 }}
            locale={{ emptyText: t('contracts.none') }}
            columns={[
              {
                title: t('contracts.reference'),
                key: 'reference',
                render: (_, c) => (
                  <Link to={`/admin/contracts/${c.id}`} aria-label={t('eapAdmin.contract.open', { reference: c.reference })}>
                    {c.reference}
                  </Link>
                ),
              },
              { title: t('contracts.unit'), key: 'unit', render: (_, c) => units.names.get(c.orgUnitId) ?? '' },
              {
                title: t('contracts.period'),
                key: 'period',
                render: (_, c) => `${formatDate(c.startsOn, i18n.language)} – ${formatDate(c.endsOn, i18n.language)}`,
              },
              {
                title: t('contracts.status'),
                key: 'status',
                render: (_, c) =>
                  c.status === 'terminated' ? <Tag>{t('contracts.statusTerminated')}</Tag> : c.activeToday ? <Tag color="success">{t('contracts.statusActive')}</Tag> : <Tag color="warning">{t('contracts.statusNotNow')}</Tag>,
              },
            ]}
          />
        )}
      </Loaded>
    </Card>
  );
}

/**
 * One EAP vendor, as its administrator runs the arrangement: its contracts, the API keys it calls us with, the
 * webhook endpoints we notify (with their delivery logs) and the secret it signs its webhooks to us with. Keys and
 * secrets are root administrators' work (others read ROOT_ADMIN_ONLY, explained, in those tabs).
 */
export default function VendorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const vendor = useLoad(() => call(api.GET('/api/v1/eap/vendors/{id}', { params: { path: { id } } })), [id]);
  return (
    <Loaded state={vendor}>
      {(v) => (
        <>
          <PageTitle title={t('eapAdmin.vendorTitle', { name: v.name })} extra={<LinkButton to="/admin/vendors">{t('eapAdmin.back')}</LinkButton>} />
          <Card style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('vendors.services')}>{v.services.map((s) => <Tag key={s}>{t(`eapService.${s}`)}</Tag>)}</Descriptions.Item>
              <Descriptions.Item label={t('vendors.regions')}>{v.regions.join('、')}</Descriptions.Item>
              <Descriptions.Item label={t('vendors.contact')}>{[v.contactName, v.contactPhone, v.contactEmail].filter(Boolean).join(' · ')}</Descriptions.Item>
              <Descriptions.Item label={t('vendors.active')}>{v.active ? <Tag color="success">{t('contracts.statusActive')}</Tag> : <Tag>{t('eapAdmin.inactive')}</Tag>}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('eapAdmin.rootOnly')} />
          <Tabs
            // Room for all four on a phone: an overflow menu inside the tab list is not a tab (axe).
            tabBarGutter={16}
            items={[
              { key: 'contracts', label: t('eapAdmin.tabs.contracts'), children: <VendorContracts vendorId={v.id} /> },
              { key: 'keys', label: t('eapAdmin.tabs.keys'), children: <ApiKeysCard vendorId={v.id} /> },
              { key: 'webhooks', label: t('eapAdmin.tabs.webhooks'), children: <WebhookEndpointsCard vendorId={v.id} /> },
              { key: 'inbound', label: t('eapAdmin.tabs.inbound'), children: <InboundSecretCard vendor={v} onChange={vendor.reload} /> },
            ]}
          />
        </>
      )}
    </Loaded>
  );
}

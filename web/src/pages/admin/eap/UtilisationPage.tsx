import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { useAuth } from '../../../auth';
import { downloadFile } from '../../../components/download';
import { Loaded } from '../../../components/Loaded';
import { PageTitle } from '../../../components/PageTitle';
import { useAction } from '../../../components/useAction';
import { useOrgUnits } from '../../../components/orgUnits';
import { DisclosureNote } from '../../official/Disclosure';
import { UtilisationTable } from './UtilisationTable';

/**
 * EAP 服务使用情况: per contract, what the arrangement delivers (referrals, acceptance, completion, sessions against
 * the quota, time to the first session, cost), for administrators, supervisors and officials, with its CSV. Figures
 * are exact only for staff who read the referrals; everyone else reads them as the dashboards publish them.
 */
export default function UtilisationPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const units = useOrgUnits();
  const vendors = useLoad(() => call(api.GET('/api/v1/eap/vendors')), []);
  const [vendorId, setVendorId] = useState<string>();
  const [orgUnitId, setOrgUnitId] = useState<string>();
  const query = { ...(vendorId ? { vendorId } : {}), ...(orgUnitId ? { orgUnitId } : {}) };
  const rows = useLoad(() => call(api.GET('/api/v1/eap/utilisation', { params: { query } })), [vendorId, orgUnitId]);
  const [run, busy] = useAction();
  const exportCsv = () =>
    // api: GET /api/v1/eap/utilisation/csv
    void run(() => downloadFile(`/api/v1/eap/utilisation/csv?${new URLSearchParams(query).toString()}`, 'eap-utilisation.csv'), t('eapAdmin.utilisation.exported'));
  return (
    <>
      <PageTitle
        title={t('eapAdmin.nav.utilisation')}
        subtitle={t('eapAdmin.utilisation.intro')}
        extra={
          <Button icon={<DownloadOutlined />} loading={busy} onClick={exportCsv}>
            {t('eapAdmin.utilisation.csv')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap role="search">
          <Select<string>
            aria-label={t('eapAdmin.utilisation.vendor')}
            placeholder={t('eapAdmin.utilisation.allVendors')}
            allowClear
            style={{ minWidth: 220 }}
            value={vendorId}
            onChange={setVendorId}
            loading={vendors.loading}
            options={(vendors.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
          />
          <TreeSelect
            aria-label={t('eapAdmin.utilisation.unit')}
            placeholder={t('eapAdmin.utilisation.unit')}
            treeData={units.tree}
            value={orgUnitId}
            onChange={setOrgUnitId}
            allowClear
            treeDefaultExpandAll
            style={{ minWidth: 220 }}
          />
        </Flex>
      </Card>
      <Card>
        <Loaded state={rows}>
          {(list) => (
            <>
              <UtilisationTable rows={list} unitNames={units.names} linkContracts={me?.role === 'admin'} />
              {list.length > 0 ? <DisclosureNote disclosure={list[0].disclosure} /> : null}
            </>
          )}
        </Loaded>
      </Card>
    </>
  );
}

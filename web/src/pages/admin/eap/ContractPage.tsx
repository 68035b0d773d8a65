import { Alert, Button, Card, Descriptions, Flex, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { formatDate } from '../../../components/dates';
import { LinkButton } from '../../../components/LinkButton';
import { Loaded } from '../../../components/Loaded';
import { PageTitle } from '../../../components/PageTitle';
import { useOrgUnits } from '../../../components/orgUnits';
import { DisclosureNote } from '../../official/Disclosure';
import { ContractEditForm } from './ContractEditForm';
import { UtilisationTable } from './UtilisationTable';

/** One EAP contract: its terms (edited in place: renewing moves the reminders) and what it has delivered so far. */
export default function ContractPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { id = '' } = useParams();
  const units = useOrgUnits();
  const contract = useLoad(() => call(api.GET('/api/v1/eap/contracts/{id}', { params: { path: { id } } })), [id]);
  const vendorId = contract.data?.vendorId;
  const vendor = useLoad(
    () => (vendorId ? call(api.GET('/api/v1/eap/vendors/{id}', { params: { path: { id: vendorId } } })) : Promise.resolve(undefined)),
    [vendorId],
  );
  const utilisation = useLoad(() => call(api.GET('/api/v1/eap/contracts/{id}/utilisation', { params: { path: { id } } })), [id]);
  const [editing, setEditing] = useState(false);
  return (
    <Loaded state={contract}>
      {(c) => (
        <>
          <PageTitle title={t('eapAdmin.contract.title', { reference: c.reference })} extra={<LinkButton to="/admin/contracts">{t('eapAdmin.contract.back')}</LinkButton>} />
          <Flex vertical gap={16}>
            <Card
              title={<h2 style={{ fontSize: 16, margin: 0 }}>{editing ? t('eapAdmin.contract.editTitle') : t('eapAdmin.contract.terms')}</h2>}
              extra={
                !editing && c.status === 'active' ? (
                  <Button type="primary" onClick={() => setEditing(true)}>
                    {t('eapAdmin.contract.edit')}
                  </Button>
                ) : null
              }
            >
              {c.status === 'terminated' ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('eapAdmin.contract.terminated')} /> : null}
              {editing ? (
                <ContractEditForm
                  contract={c}
                  services={vendor.data?.services ?? c.services}
                  onCancel={() => setEditing(false)}
                  onSaved={() => {
                    setEditing(false);
                    contract.reload();
                    utilisation.reload();
                  }}
                />
              ) : (
                <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                  <Descriptions.Item label={t('eap.vendor')}>
                    <Link to={`/admin/vendors/${c.vendorId}`}>{c.vendorName}</Link>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('contracts.unit')}>{units.names.get(c.orgUnitId) ?? ''}</Descriptions.Item>
                  <Descriptions.Item label={t('contracts.period')}>{`${formatDate(c.startsOn, lang)} – ${formatDate(c.endsOn, lang)}`}</Descriptions.Item>
                  <Descriptions.Item label={t('contracts.status')}>
                    {c.status === 'terminated' ? <Tag>{t('contracts.statusTerminated')}</Tag> : c.activeToday ? <Tag color="success">{t('contracts.statusActive')}</Tag> : <Tag color="warning">{t('contracts.statusNotNow')}</Tag>}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('vendors.services')}>{c.services.map((s) => <Tag key={s}>{t(`eapService.${s}`)}</Tag>)}</Descriptions.Item>
                  <Descriptions.Item label={t('contracts.quota')}>{t('contracts.quotaText', { perWorker: c.sessionsPerWorker, total: c.sessionsTotal })}</Descriptions.Item>
                  <Descriptions.Item label={t('contracts.price')}>{(c.pricePerSessionCents / 100).toFixed(2)}</Descriptions.Item>
                  <Descriptions.Item label={t('eapAdmin.contract.reminderDays')}>{c.reminderDays.join('、')}</Descriptions.Item>
                </Descriptions>
              )}
            </Card>
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('eapAdmin.contract.utilisation')}</h2>}>
              <Loaded state={utilisation}>
                {(u) => (
                  <>
                    <UtilisationTable rows={[u]} unitNames={units.names} linkContracts={false} />
                    <DisclosureNote disclosure={u.disclosure} />
                  </>
                )}
              </Loaded>
            </Card>
          </Flex>
        </>
      )}
    </Loaded>
  );
}

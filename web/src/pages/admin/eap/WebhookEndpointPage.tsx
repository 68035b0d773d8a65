import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { LinkButton } from '../../../components/LinkButton';
import { PageTitle } from '../../../components/PageTitle';
import { DeliveriesTable } from './DeliveriesTable';

/** One endpoint's delivery log, where the "webhook not delivered" notification leads: redeliver what was given up. */
export default function WebhookEndpointPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <>
      <PageTitle title={t('eapAdmin.webhooks.endpointTitle')} extra={<LinkButton to="/admin/vendors">{t('eapAdmin.back')}</LinkButton>} />
      <Card>
        <DeliveriesTable endpointId={id} />
      </Card>
    </>
  );
}

import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../components/ComingSoon';
import { LinkButton } from '../../components/LinkButton';
import { PageTitle } from '../../components/PageTitle';

/** Download my data: the data-subject export is not built yet; the record can be seen meanwhile. */
export default function MyDataPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('nav.worker.data')} />
      <Card>
        <ComingSoon>
          <Typography.Paragraph>{t('worker.data.soon')}</Typography.Paragraph>
          <LinkButton type="primary" to="/me/record">
            {t('worker.data.seeRecord')}
          </LinkButton>
        </ComingSoon>
      </Card>
    </>
  );
}

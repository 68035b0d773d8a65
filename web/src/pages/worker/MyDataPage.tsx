import { CloudDownloadOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../components/download';
import { LinkButton } from '../../components/LinkButton';
import { PageTitle } from '../../components/PageTitle';
import { useAction } from '../../components/useAction';

type Format = 'html' | 'fhir';

/**
 * 下载我的数据: a copy of everything the union holds about me (`GET /me/export`), as a page I can read (HTML) or as
 * a FHIR R4 file another health service can import. The download is audited by the server.
 */
export default function MyDataPage() {
  const { t } = useTranslation();
  const [run, busy] = useAction();
  const [which, setWhich] = useState<Format | null>(null);
  const download = (format: Format) => {
    setWhich(format);
    // api: GET /api/v1/me/export
    void run(
      () =>
        downloadFile(
          `/api/v1/me/export?format=${format}`,
          format === 'html' ? 'my-data.html' : 'my-data.fhir.json',
        ),
      t('worker.data.downloaded'),
    ).finally(() => setWhich(null));
  };
  return (
    <>
      <PageTitle title={t('nav.worker.data')} subtitle={t('worker.data.intro')} />
      <Card>
        <Flex vertical gap={12}>
          <Button
            type="primary"
            size="large"
            block
            icon={<FileTextOutlined />}
            loading={busy && which === 'html'}
            disabled={busy}
            onClick={() => download('html')}
          >
            {busy && which === 'html' ? t('worker.data.preparing') : t('worker.data.html')}
          </Button>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('worker.data.htmlHint')}
          </Typography.Paragraph>
          <Button
            size="large"
            block
            icon={<CloudDownloadOutlined />}
            loading={busy && which === 'fhir'}
            disabled={busy}
            onClick={() => download('fhir')}
          >
            {busy && which === 'fhir' ? t('worker.data.preparing') : t('worker.data.fhir')}
          </Button>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('worker.data.fhirHint')}
          </Typography.Paragraph>
          <Typography.Paragraph style={{ margin: 0 }}>{t('worker.data.private')}</Typography.Paragraph>
          <LinkButton to="/me/record">{t('worker.data.seeRecord')}</LinkButton>
        </Flex>
      </Card>
    </>
  );
}

import { ClockCircleOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Row, Tag, TreeSelect, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasRoutesUnder } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';
import { AggregateValue } from '../../components/Suppressed';
import { useOrgUnits } from '../../components/orgUnits';

/** The routes of the aggregate reports (issue #9). */
export const REPORTS_PREFIX = '/api/v1/reports';

/**
 * 数据看板 for union officials: aggregate figures by unit, small counts suppressed. The report routes come with
 * issue #9; until they are in openapi.json the page says so, with its unit filter and export in place.
 */
export default function DashboardPage() {
  const { t } = useTranslation();
  const units = useOrgUnits();
  const available = hasRoutesUnder(REPORTS_PREFIX);

  return (
    <>
      <PageTitle
        title={t('nav.official.dashboard')}
        subtitle={t('official.intro')}
        extra={
          <Flex gap={8} wrap>
            <TreeSelect
              aria-label={t('official.unitFilter')}
              placeholder={t('official.unitFilter')}
              treeData={units.tree}
              disabled={!available}
              treeDefaultExpandAll
              style={{ minWidth: 240 }}
            />
            <Button icon={<DownloadOutlined />} disabled={!available}>
              {t('official.export')}
            </Button>
          </Flex>
        }
      />
      {available ? null : (
        <Alert
          type="info"
          showIcon
          role="status"
          style={{ marginBottom: 16 }}
          title={t('official.soonTitle')}
          description={t('official.soonText')}
        />
      )}
      <Row gutter={[16, 16]}>
        {(['assessments', 'counselling', 'education', 'groups'] as const).map((area) => (
          <Col key={area} xs={24} md={12}>
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t(`official.areas.${area}`)}</h2>}>
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`official.areaText.${area}`)}>
                <Tag icon={<ClockCircleOutlined />}>{t('common.comingSoon')}</Tag>
              </Empty>
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        style={{ marginTop: 16 }}
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('official.privacyTitle')}</h2>}
      >
        <Typography.Paragraph>{t('official.privacy')}</Typography.Paragraph>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {t('official.suppressedExample')} <AggregateValue value={null} suppressed />
        </Typography.Paragraph>
      </Card>
    </>
  );
}

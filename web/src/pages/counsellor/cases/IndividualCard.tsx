import { Card, Col, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { formatDate } from '../../../components/dates';
import { LinkButton } from '../../../components/LinkButton';
import { LevelTag, StateTag } from './labels';
import { OpenCaseButton } from './OpenCaseButton';
import { ReferralTable } from './ReferralsCard';

type Case = Schemas['RecordCaseDto'];

/** 点 on the worker's record: their crisis cases (state, level) and referrals, each opening its own page. */
export function IndividualCard({
  workerId,
  individual,
}: {
  workerId: string;
  individual: Schemas['RecordIndividualDto'];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const hasPlan = individual.safetyPlan !== null;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('record.cases')}</h2>}
          style={{ height: '100%' }}
          extra={<OpenCaseButton workerId={workerId} />}
        >
          <Table<Case>
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: 480 }}
            dataSource={individual.cases}
            locale={{ emptyText: t('record.noCases') }}
            columns={[
              {
                title: t('case.openedAt'),
                key: 'opened',
                render: (_, c) => (
                  <LinkButton type="link" style={{ padding: 0 }} to={`/staff/cases/${c.id}`}>
                    {formatDate(c.openedAt, lang)}
                  </LinkButton>
                ),
              },
              { title: t('cases.source'), key: 'source', render: (_, c) => t(`caseSource.${c.sourceType}`) },
              {
                title: t('cases.levelState'),
                key: 'state',
                render: (_, c) => (
                  <>
                    <LevelTag level={c.level} />
                    <StateTag state={c.state} />
                  </>
                ),
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {hasPlan ? t('record.hasPlan') : t('record.noPlan')}
          </Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('referral.title')}</h2>}
          style={{ height: '100%' }}
          extra={<LinkButton to={`/staff/eap/new?worker=${workerId}`}>{t('record.eapReferral')}</LinkButton>}
        >
          <ReferralTable items={individual.referrals} language={lang} />
        </Card>
      </Col>
    </Row>
  );
}

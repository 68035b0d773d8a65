import {
  BookOutlined,
  CalendarOutlined,
  FileDoneOutlined,
  FormOutlined,
  LineChartOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Alert, Card, Col, List, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import { useMe } from '../../auth';
import { formatDate, formatDateTime } from '../../components/dates';
import { LinkButton } from '../../components/LinkButton';
import { PageTitle } from '../../components/PageTitle';
import { pick } from '../../i18n';

function Tile({ to, icon, title, text }: { to: string; icon: ReactNode; title: string; text: string }) {
  return (
    <Link to={to} style={{ display: 'block', height: '100%' }}>
      <Card hoverable style={{ height: '100%' }} styles={{ body: { padding: 16 } }}>
        <div style={{ fontSize: 26, color: '#0e6e68' }} aria-hidden>
          {icon}
        </div>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {title}
        </Typography.Text>
        <div style={{ color: 'rgba(0,0,0,0.65)', fontSize: 13 }}>{text}</div>
      </Card>
    </Link>
  );
}

/** The worker's start: what is waiting for them (open campaigns, the next session) and the services (面). */
export default function HomePage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const profile = useLoad(() => call(api.GET('/api/v1/me/profile')), []);
  const campaigns = useLoad(() => call(api.GET('/api/v1/me/campaigns')), []);
  const appointments = useLoad(() => call(api.GET('/api/v1/me/counselling/appointments')), []);
  const next = (appointments.data ?? [])
    .filter((a) => a.status === 'booked' && new Date(a.endsAt) > new Date())
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  const open = (campaigns.data ?? []).filter((c) => !c.completed);

  return (
    <>
      <PageTitle
        title={t('worker.home.greeting', { name: profile.data?.name ?? me.displayName })}
        subtitle={t('worker.home.intro')}
      />
      {next ? (
        <Alert
          type="info"
          showIcon
          icon={<CalendarOutlined />}
          style={{ marginBottom: 16 }}
          title={t('worker.home.nextSession', {
            when: formatDateTime(next.startsAt, i18n.language),
            counsellor: next.counsellorName ?? '',
          })}
          action={<Link to="/me/counselling">{t('common.view')}</Link>}
        />
      ) : null}
      {open.length > 0 ? (
        <Card
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('worker.home.campaigns')}</h2>}
          style={{ marginBottom: 16 }}
        >
          <List
            itemLayout="vertical"
            dataSource={open}
            renderItem={(campaign) => {
              const todo = campaign.instruments.filter((i) => !i.completed);
              return (
                <List.Item
                  actions={todo.slice(0, 1).map((i) => (
                    <LinkButton
                      key={i.code}
                      type="primary"
                      to={`/me/assessments/${encodeURIComponent(i.code)}?campaign=${campaign.id}`}
                    >
                      {t('worker.home.answerNow')}
                    </LinkButton>
                  ))}
                >
                  <List.Item.Meta
                    title={campaign.title}
                    description={t('worker.home.campaignTodo', {
                      instruments: todo.map((i) => pick(i.name, i18n.language)).join('、'),
                      date: formatDate(campaign.closesAt, i18n.language),
                    })}
                  />
                </List.Item>
              );
            }}
          />
        </Card>
      ) : null}
      <h2 className="sr-only">{t('worker.home.services')}</h2>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={8}>
          <Tile
            to="/me/assessments"
            icon={<FormOutlined />}
            title={t('nav.worker.assessments')}
            text={t('worker.home.tiles.assessments')}
          />
        </Col>
        <Col xs={12} md={8}>
          <Tile
            to="/me/record"
            icon={<LineChartOutlined />}
            title={t('nav.worker.record')}
            text={t('worker.home.tiles.record')}
          />
        </Col>
        <Col xs={12} md={8}>
          <Tile
            to="/me/counselling"
            icon={<CalendarOutlined />}
            title={t('nav.worker.counselling')}
            text={t('worker.home.tiles.counselling')}
          />
        </Col>
        <Col xs={12} md={8}>
          <Tile
            to="/me/learning"
            icon={<BookOutlined />}
            title={t('nav.worker.learning')}
            text={t('worker.home.tiles.learning')}
          />
        </Col>
        <Col xs={12} md={8}>
          <Tile
            to="/me/groups"
            icon={<TeamOutlined />}
            title={t('nav.worker.groups')}
            text={t('worker.home.tiles.groups')}
          />
        </Col>
        <Col xs={12} md={8}>
          <Tile
            to="/me/consents"
            icon={<FileDoneOutlined />}
            title={t('nav.worker.consents')}
            text={t('worker.home.tiles.consents')}
          />
        </Col>
      </Row>
    </>
  );
}

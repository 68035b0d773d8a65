import {
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Row,
  Select,
  Statistic,
  Switch,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { formatDate, formatDateTime } from '../../../components/dates';
import { LinkButton } from '../../../components/LinkButton';
import { Loaded } from '../../../components/Loaded';
import { PageTitle } from '../../../components/PageTitle';
import { useAction } from '../../../components/useAction';

type Kind = Schemas['ScheduleSessionDto']['kind'];
const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/** Reached, re-screened, positive and referred among the affected (the server's figures for this incident). */
function Coverage({ id }: { id: string }) {
  const { t } = useTranslation();
  const coverage = useLoad(
    () => call(api.GET('/api/v1/incidents/{id}/coverage', { params: { path: { id } } })),
    [id],
  );
  return (
    <Card title={h2(t('point.incidents.coverage'))}>
      <Loaded state={coverage}>
        {(c) => (
          <Row gutter={[16, 16]}>
            {(
              [
                ['affected', c.affected, null],
                ['reached', c.reached, c.reachedPct],
                ['screened', c.screened, c.screenedPct],
                ['positive', c.positive, c.positivePct],
                ['referred', c.referred, c.positiveReferredPct],
                ['positiveNotReferred', c.positiveNotReferred, null],
              ] as const
            ).map(([key, value, pct]) => (
              <Col key={key} xs={12} md={8} xl={4}>
                <Statistic
                  title={key === 'affected' ? t('point.incidents.affected') : t(`point.incidents.${key}`)}
                  value={value}
                  suffix={
                    pct !== null && pct !== undefined ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('point.incidents.ofAffected', { pct })}
                      </Typography.Text>
                    ) : null
                  }
                  styles={
                    key === 'positiveNotReferred' && value > 0 ? { content: { color: '#cf1322' } } : undefined
                  }
                />
              </Col>
            ))}
          </Row>
        )}
      </Loaded>
    </Card>
  );
}

function Affected({ id, version }: { id: string; version: number }) {
  const { t } = useTranslation();
  const [unreached, setUnreached] = useState(false);
  const [page, setPage] = useState(1);
  const people = useLoad(
    () =>
      call(
        api.GET('/api/v1/incidents/{id}/workers', {
          params: { path: { id }, query: { unreached, page, pageSize: 20 } },
        }),
      ),
    [id, unreached, page, version],
  );
  return (
    <Card
      title={h2(t('point.incidents.people'))}
      extra={
        <Flex gap={8} align="center">
          <Switch
            checked={unreached}
            onChange={(v) => {
              setPage(1);
              setUnreached(v);
            }}
            aria-label={t('point.incidents.onlyUnreached')}
          />
          <Typography.Text>{t('point.incidents.onlyUnreached')}</Typography.Text>
        </Flex>
      }
    >
      <Loaded state={people}>
        {(data) => (
          <Table
            size="small"
            rowKey="workerId"
            dataSource={data.items}
            pagination={{
              current: data.page,
              pageSize: data.pageSize,
              total: data.total,
              onChange: setPage,
              showSizeChanger: false,
            }}
            columns={[
              { title: t('point.incidents.workers'), dataIndex: 'name' },
              {
                title: t('point.incidents.reached'),
                key: 'reached',
                render: (_, w) => (
                  <Tag color={w.reached ? 'success' : 'warning'}>
                    {w.reached ? t('point.incidents.reachedYes') : t('point.incidents.reachedNo')}
                  </Tag>
                ),
              },
              {
                title: '',
                key: 'open',
                render: (_, w) => (
                  <LinkButton size="small" to={`/staff/workers/${w.workerId}`}>
                    {t('common.view')}
                  </LinkButton>
                ),
              },
            ]}
          />
        )}
      </Loaded>
    </Card>
  );
}

/** Records who came to a session, chosen from the affected workers by name. */
function AttendanceDialog({
  id,
  sessionId,
  onClose,
}: {
  id: string;
  sessionId: string;
  onClose: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const people = useLoad(
    () =>
      call(api.GET('/api/v1/incidents/{id}/workers', { params: { path: { id }, query: { pageSize: 100 } } })),
    [id],
  );
  const [chosen, setChosen] = useState<string[]>([]);
  const [run, busy] = useAction();
  const save = () =>
    void run(
      () =>
        call(
          api.POST('/api/v1/incidents/{id}/sessions/{sessionId}/attendance', {
            params: { path: { id, sessionId } },
            body: { workerIds: chosen, attended: true },
          }),
        ),
      t('point.incidents.recorded'),
    ).then((ok) => ok && onClose(true));
  return (
    <Modal
      open
      title={t('point.incidents.attendanceTitle')}
      onOk={save}
      okButtonProps={{ disabled: chosen.length === 0 }}
      confirmLoading={busy}
      onCancel={() => onClose(false)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <Select
        mode="multiple"
        aria-label={t('point.incidents.choose')}
        placeholder={t('point.incidents.choose')}
        style={{ width: '100%' }}
        value={chosen}
        onChange={setChosen}
        optionFilterProp="label"
        options={(people.data?.items ?? []).map((w) => ({ value: w.workerId, label: w.name }))}
      />
    </Modal>
  );
}

/** One incident: coverage, the affected by name, first aid and debriefings with attendance, rounds, close/reopen. */
export default function IncidentPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { id = '' } = useParams();
  const incident = useLoad(() => call(api.GET('/api/v1/incidents/{id}', { params: { path: { id } } })), [id]);
  const [version, setVersion] = useState(0);
  const [attending, setAttending] = useState<string | null>(null);
  const [sessionForm] = Form.useForm<{ kind: Kind; startsAt: Dayjs; location?: string }>();
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const [run, busy] = useAction();
  const reload = () => {
    incident.reload();
    setVersion((v) => v + 1);
  };
  const schedule = (v: { kind: Kind; startsAt: Dayjs; location?: string }) =>
    void run(
      () =>
        call(
          api.POST('/api/v1/incidents/{id}/sessions', {
            params: { path: { id } },
            body: {
              kind: v.kind,
              startsAt: v.startsAt.toISOString(),
              ...(v.location?.trim() ? { location: v.location.trim() } : {}),
            },
          }),
        ),
      t('point.incidents.scheduled'),
    ).then((ok) => {
      if (!ok) return;
      sessionForm.resetFields();
      reload();
    });
  const transition = (to: 'open' | 'closed', reason: string) =>
    void run(
      () =>
        call(
          api.POST('/api/v1/incidents/{id}/transition', {
            params: { path: { id } },
            body: { to, reason: reason.trim() },
          }),
        ),
      t(to === 'closed' ? 'point.incidents.closed' : 'point.incidents.reopened'),
    ).then((ok) => {
      if (!ok) return;
      reasonForm.resetFields();
      reload();
    });

  return (
    <Loaded state={incident}>
      {(d) => (
        <>
          <PageTitle
            title={d.incident.title}
            subtitle={`${t(`point.incidents.types.${d.incident.type}`)} · ${formatDateTime(d.incident.occurredAt, lang)} · ${t('point.incidents.affectedCount', { count: d.incident.affectedCount })}`}
            extra={<LinkButton to="/staff/incidents">{t('point.incidents.back')}</LinkButton>}
          />
          <Flex vertical gap={16}>
            {d.description ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {d.description}
              </Typography.Paragraph>
            ) : null}
            <Coverage key={version} id={id} />
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <Card title={h2(t('point.incidents.sessions'))} style={{ height: '100%' }}>
                  <List
                    dataSource={d.sessions}
                    locale={{
                      emptyText: (
                        <Typography.Text type="secondary">{t('point.incidents.noSessions')}</Typography.Text>
                      ),
                    }}
                    renderItem={(s) => (
                      <List.Item
                        actions={[
                          <Button
                            key="a"
                            size="small"
                            onClick={() => setAttending(s.id)}
                            aria-label={`${t('point.incidents.attendance')} ${formatDateTime(s.startsAt, lang)}`}
                          >
                            {t('point.incidents.attendance')}
                          </Button>,
                        ]}
                      >
                        <List.Item.Meta
                          title={`${t(`point.incidents.kind.${s.kind}`)} · ${formatDateTime(s.startsAt, lang)}`}
                          description={`${s.location ?? ''} ${t('point.incidents.attended', { count: s.attended })}`}
                        />
                      </List.Item>
                    )}
                  />
                  {d.incident.state === 'open' ? (
                    <Form
                      form={sessionForm}
                      layout="vertical"
                      onFinish={schedule}
                      initialValues={{ kind: 'psychological_first_aid' }}
                      style={{ marginTop: 12 }}
                    >
                      <Form.Item name="kind" label={t('point.incidents.schedule')}>
                        <Select
                          options={(['psychological_first_aid', 'group_debriefing'] as const).map((k) => ({
                            value: k,
                            label: t(`point.incidents.kind.${k}`),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item
                        name="startsAt"
                        label={t('point.incidents.startsAt')}
                        rules={[{ required: true }]}
                      >
                        <DatePicker showTime style={{ width: '100%' }} />
                      </Form.Item>
                      <Form.Item name="location" label={t('point.incidents.location')}>
                        <Input maxLength={200} />
                      </Form.Item>
                      <Button htmlType="submit" loading={busy}>
                        {t('point.incidents.schedule')}
                      </Button>
                    </Form>
                  ) : null}
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card title={h2(t('point.incidents.screenings'))} style={{ height: '100%' }}>
                  <List
                    dataSource={d.screenings}
                    renderItem={(s) => (
                      <List.Item
                        actions={[
                          <LinkButton key="c" size="small" to="/staff/campaigns">
                            {t('common.view')}
                          </LinkButton>,
                        ]}
                      >
                        <List.Item.Meta
                          title={t('point.incidents.round', { n: s.round, days: s.offsetDays })}
                          description={`${formatDate(s.opensAt, lang)} – ${formatDate(s.closesAt, lang)}`}
                        />
                      </List.Item>
                    )}
                  />
                </Card>
              </Col>
            </Row>
            <Affected id={id} version={version} />
            <Card title={h2(t('point.incidents.history'))}>
              <Timeline
                items={d.history.map((h) => ({
                  key: h.id,
                  content: `${formatDateTime(h.at, lang)} · ${h.action}${h.to ? ` → ${t(`point.incidents.state.${h.to}`, { defaultValue: h.to })}` : ''}${h.reason ? `：${h.reason}` : ''}`,
                }))}
              />
              <Form
                form={reasonForm}
                layout="vertical"
                onFinish={(v) => transition(d.incident.state === 'open' ? 'closed' : 'open', v.reason)}
                style={{ maxWidth: 560 }}
              >
                <Form.Item
                  name="reason"
                  label={t('point.incidents.reason')}
                  rules={[{ required: true, whitespace: true, message: t('point.incidents.reasonRequired') }]}
                >
                  <Input.TextArea rows={2} maxLength={1000} />
                </Form.Item>
                <Button htmlType="submit" danger={d.incident.state === 'open'} loading={busy}>
                  {d.incident.state === 'open' ? t('point.incidents.close') : t('point.incidents.reopen')}
                </Button>
              </Form>
            </Card>
          </Flex>
          {attending ? (
            <AttendanceDialog
              id={id}
              sessionId={attending}
              onClose={(saved) => {
                setAttending(null);
                if (saved) reload();
              }}
            />
          ) : null}
        </>
      )}
    </Loaded>
  );
}

import { Button, Card, Flex, List, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { formatDateTime } from '../../../components/dates';
import { LinkButton } from '../../../components/LinkButton';
import { Loaded } from '../../../components/Loaded';
import { PageTitle } from '../../../components/PageTitle';
import { pick } from '../../../i18n';
import type { Schemas } from '../../../api/types';
import { useOrgUnits } from '../../../components/orgUnits';
import { useAction } from '../../../components/useAction';
import { ActivityAttendance } from './ActivityAttendance';
import { ActivityForm } from './ActivityForm';
import { MemberActions } from './MemberActions';
import { ProgrammeManageCard } from './ProgrammeManageCard';

const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/** One programme as a counsellor follows it: its activities and the enrolled workers of her scope, by name. */
export default function ProgrammePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { id = '' } = useParams();
  const programme = useLoad(
    () => call(api.GET('/api/v1/programmes/{id}', { params: { path: { id } } })),
    [id],
  );
  const activities = useLoad(
    () => call(api.GET('/api/v1/programmes/{id}/activities', { params: { path: { id } } })),
    [id],
  );
  const members = useLoad(
    () =>
      call(
        api.GET('/api/v1/programmes/{id}/enrolments', { params: { path: { id }, query: { pageSize: 100 } } }),
      ),
    [id],
  );
  const units = useOrgUnits();
  const [attending, setAttending] = useState<Schemas['ActivityDto'] | null>(null);
  const [run, busy] = useAction();
  const cancelActivity = (activityId: string) =>
    void run(
      () =>
        call(
          api.POST('/api/v1/programmes/{id}/activities/{activityId}/cancel', {
            params: { path: { id, activityId } },
          }),
        ),
      t('lineAdmin.activityCancelled'),
    ).then((ok) => ok && activities.reload());
  return (
    <Loaded state={programme}>
      {(p) => {
        // Programmes of units above mine are followed here, run by the staff of the unit that owns them.
        const manages = units.names.has(p.orgUnitId) && p.status !== 'closed';
        return (
          <>
            <PageTitle
              title={p.title}
              subtitle={`${pick(p.subgroupName, lang)} · ${t(`line.status.${p.status}`)}`}
              extra={<LinkButton to="/staff/programmes">{t('line.back')}</LinkButton>}
            />
            <Flex vertical gap={16}>
              {p.description ? <Typography.Paragraph>{p.description}</Typography.Paragraph> : null}
              {units.names.has(p.orgUnitId) ? (
                <ProgrammeManageCard
                  programme={p}
                  onChange={() => {
                    programme.reload();
                    members.reload();
                  }}
                />
              ) : null}
              <Card title={h2(t('line.programme.activities'))}>
                <Loaded state={activities}>
                  {(items) => (
                    <List
                      dataSource={items}
                      locale={{
                        emptyText: (
                          <Typography.Text type="secondary">
                            {t('line.programme.noActivities')}
                          </Typography.Text>
                        ),
                      }}
                      renderItem={(a) => (
                        <List.Item
                          actions={
                            manages && a.status !== 'cancelled'
                              ? [
                                  <Button
                                    key="att"
                                    size="small"
                                    onClick={() => setAttending(a)}
                                    aria-label={`${t('lineAdmin.attendance')} ${a.title}`}
                                  >
                                    {t('lineAdmin.attendance')}
                                  </Button>,
                                  <Popconfirm
                                    key="c"
                                    title={t('lineAdmin.confirmCancelActivity')}
                                    onConfirm={() => cancelActivity(a.id)}
                                  >
                                    <Button size="small" disabled={busy}>
                                      {t('lineAdmin.cancelActivity')}
                                    </Button>
                                  </Popconfirm>,
                                ]
                              : []
                          }
                        >
                          <List.Item.Meta
                            title={`${a.title} · ${formatDateTime(a.scheduledAt, lang)}`}
                            description={<Tag>{t(`line.activity.${a.status}`)}</Tag>}
                          />
                        </List.Item>
                      )}
                    />
                  )}
                </Loaded>
                {manages ? <ActivityForm programmeId={p.id} onAdded={activities.reload} /> : null}
              </Card>
              <Card title={h2(t('line.programme.members'))}>
                <Loaded state={members}>
                  {(page) => (
                    <Table
                      rowKey="workerId"
                      size="small"
                      dataSource={page.items}
                      pagination={false}
                      locale={{
                        emptyText: (
                          <Typography.Text type="secondary">{t('line.programme.noMembers')}</Typography.Text>
                        ),
                      }}
                      columns={[
                        { title: t('line.task.worker'), dataIndex: 'workerName' },
                        {
                          title: t('line.programme.status'),
                          key: 's',
                          render: (_, m) => <Tag>{t(`line.member.${m.status}`)}</Tag>,
                        },
                        {
                          title: '',
                          key: 'open',
                          render: (_, m) => (
                            <Space wrap>
                              <LinkButton size="small" to={`/staff/workers/${m.workerId}`}>
                                {t('common.view')}
                              </LinkButton>
                              {manages ? (
                                <MemberActions programmeId={p.id} member={m} onChange={members.reload} />
                              ) : null}
                            </Space>
                          ),
                        },
                      ]}
                    />
                  )}
                </Loaded>
              </Card>
            </Flex>
            {attending ? (
              <ActivityAttendance
                programmeId={p.id}
                activity={attending}
                members={members.data?.items ?? []}
                onClose={(saved) => {
                  setAttending(null);
                  if (saved) activities.reload();
                }}
              />
            ) : null}
          </>
        );
      }}
    </Loaded>
  );
}

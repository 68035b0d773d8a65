import { Alert, Button, Card, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { formatDateTime } from '../../components/dates';
import { LinkButton } from '../../components/LinkButton';
import { Loaded } from '../../components/Loaded';
import { PageTitle } from '../../components/PageTitle';
import { useAction } from '../../components/useAction';

const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/** Fellow members by the nicknames they chose, and the meetings with my attendance. */
function Inside({ group }: { group: Schemas['MyGroupDto'] }) {
  const { t, i18n } = useTranslation();
  const path = { params: { path: { id: group.id } } };
  const members = useLoad(() => call(api.GET('/api/v1/me/groups/{id}/members', path)), [group.id]);
  const meetings = useLoad(() => call(api.GET('/api/v1/me/groups/{id}/meetings', path)), [group.id]);
  return (
    <>
      <Card title={h2(t('face.mine.meetings'))}>
        <Loaded state={meetings}>
          {(list) => (
            <List
              dataSource={list}
              locale={{
                emptyText: <Typography.Text type="secondary">{t('face.meeting.none')}</Typography.Text>,
              }}
              renderItem={(m) => (
                <List.Item>
                  <List.Item.Meta
                    title={`${formatDateTime(m.startsAt, i18n.language)}${m.topic ? ` · ${m.topic}` : ''}`}
                    description={
                      <>
                        {m.place ?? ''}{' '}
                        {m.status === 'cancelled' ? (
                          <Tag color="error">{t('face.mine.meetingCancelled')}</Tag>
                        ) : null}
                        {m.myAttendance ? <Tag>{t(`face.meeting.status.${m.myAttendance}`)}</Tag> : null}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          )}
        </Loaded>
      </Card>
      <Card title={h2(t('face.mine.fellows'))}>
        <Loaded state={members}>
          {(list) => (
            <Flex gap={8} wrap>
              {list.map((m, i) => (
                <Tag key={i} color={m.isMe ? 'processing' : undefined}>
                  {m.displayName}
                  {m.isMe ? ` (${t('face.mine.me')})` : ''}
                </Tag>
              ))}
            </Flex>
          )}
        </Loaded>
      </Card>
    </>
  );
}

/** 我的团体: one group I belong to; new rules to accept before going on. */
export default function MyGroupPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const mine = useLoad(() => call(api.GET('/api/v1/me/groups')), []);
  const [run, busy] = useAction();
  return (
    <Loaded state={mine}>
      {(list) => {
        const group = list.find((g) => g.id === id);
        if (!group)
          return (
            <Alert
              type="info"
              title={t('face.mine.notMember')}
              action={<LinkButton to="/me/groups">{t('face.mine.allGroups')}</LinkButton>}
            />
          );
        const membership = group.membership as Schemas['MyMembershipDto'] | null;
        const behind = membership && membership.rulesVersionAccepted < group.rulesVersion;
        const accept = () =>
          void run(
            () =>
              call(
                api.POST('/api/v1/me/groups/{id}/accept-rules', {
                  params: { path: { id } },
                  body: { rulesVersion: group.rulesVersion },
                }),
              ),
            t('face.mine.rulesAccepted'),
          ).then((ok) => ok && mine.reload());
        return (
          <>
            <PageTitle
              title={group.name}
              subtitle={
                membership ? `${t(`membership.${membership.status}`)} · ${membership.displayName}` : undefined
              }
              extra={<LinkButton to="/me/groups">{t('face.mine.allGroups')}</LinkButton>}
            />
            <Flex vertical gap={16}>
              <Card title={h2(t('face.mine.rules'))}>
                {behind ? (
                  <Alert type="warning" style={{ marginBottom: 12 }} title={t('face.mine.rulesChanged')} />
                ) : null}
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{group.rules}</Typography.Paragraph>
                {behind ? (
                  <Button type="primary" loading={busy} onClick={accept}>
                    {t('face.mine.acceptRules')}
                  </Button>
                ) : null}
              </Card>
              {membership?.status === 'active' ? <Inside group={group} /> : null}
            </Flex>
          </>
        );
      }}
    </Loaded>
  );
}

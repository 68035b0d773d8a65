import { Button, Card, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { LinkButton } from '../../../components/LinkButton';
import { Loaded } from '../../../components/Loaded';
import { PageTitle } from '../../../components/PageTitle';
import { useAction } from '../../../components/useAction';
import { GroupForm } from './GroupForm';
import { GROUP_COLOUR } from './GroupsPage';
import { GroupMembersCard } from './GroupMembersCard';
import { GroupMeetingsCard } from './GroupMeetingsCard';

type Status = Schemas['GroupDto']['status'];
const NEXT: Record<Status, Status[]> = {
  open: ['closed', 'archived'],
  closed: ['open', 'archived'],
  archived: [],
};
const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/** One self-help group: its rules, the join requests to decide, the members, meetings and attendance. */
export default function GroupPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const group = useLoad(() => call(api.GET('/api/v1/groups/{id}', { params: { path: { id } } })), [id]);
  const [editing, setEditing] = useState(false);
  const [run, busy] = useAction();
  const setStatus = (status: Status) =>
    void run(
      () => call(api.PATCH('/api/v1/groups/{id}', { params: { path: { id } }, body: { status } })),
      t('face.saved'),
    ).then((ok) => ok && group.reload());
  return (
    <Loaded state={group}>
      {(g) => (
        <>
          <PageTitle
            title={g.name}
            subtitle={
              <>
                <Tag>{g.topicLabel}</Tag>
                <Tag color={GROUP_COLOUR[g.status]}>{t(`face.group.status.${g.status}`)}</Tag>
                {t('face.group.facts', {
                  members: g.activeMembers,
                  capacity: g.capacity,
                  facilitator: g.facilitatorName ?? '—',
                })}
              </>
            }
            extra={
              <Flex gap={8} wrap>
                <LinkButton to="/staff/groups">{t('face.group.back')}</LinkButton>
                {g.status !== 'archived' ? (
                  <Button onClick={() => setEditing(true)}>{t('face.group.edit')}</Button>
                ) : null}
                {NEXT[g.status].map((s) => (
                  <Popconfirm key={s} title={t(`face.group.confirm.${s}`)} onConfirm={() => setStatus(s)}>
                    <Button disabled={busy}>{t(`face.group.to.${s}`)}</Button>
                  </Popconfirm>
                ))}
              </Flex>
            }
          />
          <Flex vertical gap={16}>
            <Card title={h2(t('face.group.rulesVersion', { version: g.rulesVersion }))}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {g.rules}
              </Typography.Paragraph>
            </Card>
            <GroupMembersCard group={g} onChange={group.reload} />
            <GroupMeetingsCard group={g} />
          </Flex>
          {editing ? (
            <GroupForm
              group={g}
              onClose={(saved) => {
                setEditing(false);
                if (saved) group.reload();
              }}
            />
          ) : null}
        </>
      )}
    </Loaded>
  );
}

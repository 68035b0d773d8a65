import { Button, Card, Descriptions, Drawer, Popconfirm, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../components/dates';
import { LinkButton } from '../../../components/LinkButton';
import { Loaded } from '../../../components/Loaded';
import { useAction } from '../../../components/useAction';

type Filter = 'requested' | 'active' | 'all';
type Decision = 'approve' | 'decline' | 'remove';

/** One member as staff see them: the group nickname, dates, the rules version accepted, the record. */
function MemberDrawer({
  groupId,
  memberId,
  onClose,
}: {
  groupId: string;
  memberId: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const member = useLoad(
    () =>
      call(
        api.GET('/api/v1/groups/{id}/members/{memberId}', { params: { path: { id: groupId, memberId } } }),
      ),
    [groupId, memberId],
  );
  return (
    <Drawer open title={t('face.member.title')} onClose={onClose}>
      <Loaded state={member}>
        {(m) => (
          <>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'n', label: t('face.member.displayName'), children: m.displayName },
                { key: 's', label: t('face.status'), children: t(`membership.${m.status}`) },
                {
                  key: 'r',
                  label: t('face.member.requestedAt'),
                  children: formatDateTime(m.requestedAt, i18n.language),
                },
                {
                  key: 'j',
                  label: t('face.member.joinedAt'),
                  children: formatDateTime(m.joinedAt, i18n.language) || '—',
                },
                { key: 'v', label: t('face.member.rulesAccepted'), children: m.rulesVersionAccepted },
              ]}
            />
            <LinkButton to={`/staff/workers/${m.workerId}`}>{t('face.member.record')}</LinkButton>
          </>
        )}
      </Loaded>
    </Drawer>
  );
}

/** Join requests (approve within capacity, decline) and members (remove), by the nickname they chose. */
export function GroupMembersCard({ group, onChange }: { group: Schemas['GroupDto']; onChange: () => void }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>(group.pendingRequests ? 'requested' : 'active');
  const [open, setOpen] = useState<string | null>(null);
  const members = useLoad(
    () =>
      call(
        api.GET('/api/v1/groups/{id}/members', {
          params: { path: { id: group.id }, query: filter === 'all' ? {} : { status: filter } },
        }),
      ),
    [group.id, filter],
  );
  const [run, busy] = useAction();
  const decide = (memberId: string, decision: Decision) => {
    const path = { params: { path: { id: group.id, memberId } } };
    const action =
      decision === 'approve'
        ? () => call(api.POST('/api/v1/groups/{id}/members/{memberId}/approve', path))
        : decision === 'decline'
          ? () => call(api.POST('/api/v1/groups/{id}/members/{memberId}/decline', path))
          : () => call(api.POST('/api/v1/groups/{id}/members/{memberId}/remove', path));
    void run(action, t(`face.member.did.${decision}`)).then((ok) => {
      if (!ok) return;
      members.reload();
      onChange();
    });
  };
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('face.member.heading')}</h2>}>
      <Segmented<Filter>
        value={filter}
        onChange={setFilter}
        style={{ marginBottom: 12 }}
        options={(['requested', 'active', 'all'] as const).map((value) => ({
          value,
          label: t(`face.member.filter.${value}`),
        }))}
      />
      <Loaded state={members}>
        {(list) => (
          <Table
            rowKey="memberId"
            size="small"
            pagination={false}
            scroll={{ x: 500 }}
            dataSource={list}
            locale={{
              emptyText: <Typography.Text type="secondary">{t('face.member.none')}</Typography.Text>,
            }}
            columns={[
              { title: t('face.member.displayName'), dataIndex: 'displayName' },
              {
                title: t('face.status'),
                key: 's',
                render: (_, m) => <Tag>{t(`membership.${m.status}`)}</Tag>,
              },
              {
                title: t('common.actions'),
                key: 'a',
                render: (_, m) => (
                  <>
                    <Button
                      size="small"
                      type="link"
                      onClick={() => setOpen(m.memberId)}
                      aria-label={`${t('common.details')} ${m.displayName}`}
                    >
                      {t('common.details')}
                    </Button>
                    {m.status === 'requested' ? (
                      <>
                        <Button
                          size="small"
                          type="primary"
                          disabled={busy}
                          onClick={() => decide(m.memberId, 'approve')}
                          aria-label={`${t('face.member.approve')} ${m.displayName}`}
                          style={{ marginInlineEnd: 4 }}
                        >
                          {t('face.member.approve')}
                        </Button>
                        <Button
                          size="small"
                          disabled={busy}
                          onClick={() => decide(m.memberId, 'decline')}
                          aria-label={`${t('face.member.decline')} ${m.displayName}`}
                        >
                          {t('face.member.decline')}
                        </Button>
                      </>
                    ) : m.status === 'active' ? (
                      <Popconfirm
                        title={t('face.member.confirmRemove')}
                        onConfirm={() => decide(m.memberId, 'remove')}
                      >
                        <Button
                          size="small"
                          danger
                          disabled={busy}
                          aria-label={`${t('face.member.remove')} ${m.displayName}`}
                        >
                          {t('face.member.remove')}
                        </Button>
                      </Popconfirm>
                    ) : null}
                  </>
                ),
              },
            ]}
          />
        )}
      </Loaded>
      {open ? <MemberDrawer groupId={group.id} memberId={open} onClose={() => setOpen(null)} /> : null}
    </Card>
  );
}

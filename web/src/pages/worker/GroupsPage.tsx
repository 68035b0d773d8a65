import {
  Alert,
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { LinkButton } from '../../components/LinkButton';
import { Loaded } from '../../components/Loaded';
import { PageTitle } from '../../components/PageTitle';
import { useAction } from '../../components/useAction';

type Group = Schemas['MyGroupDto'];
type Membership = Schemas['MyMembershipDto'] | null;

function JoinDialog({ group, onClose }: { group: Group; onClose: (joined: boolean) => void }) {
  const { t } = useTranslation();
  const [run, busy] = useAction();
  const join = (values: { displayName: string }) =>
    void run(
      () =>
        call(
          api.POST('/api/v1/me/groups/{id}/join', {
            params: { path: { id: group.id } },
            body: {
              displayName: values.displayName.trim(),
              acceptRules: true,
              rulesVersion: group.rulesVersion,
            },
          }),
        ),
      t('worker.groups.requested'),
    ).then((ok) => ok && onClose(true));
  return (
    <Modal
      open
      title={t('worker.groups.joinTitle', { name: group.name })}
      footer={null}
      onCancel={() => onClose(false)}
    >
      <Form layout="vertical" onFinish={join} requiredMark={false}>
        <Typography.Paragraph>{t('worker.groups.rules')}</Typography.Paragraph>
        <Typography.Paragraph
          style={{ whiteSpace: 'pre-wrap', background: '#f5f7f7', padding: 12, borderRadius: 8 }}
        >
          {group.rules}
        </Typography.Paragraph>
        <Form.Item
          name="displayName"
          label={t('worker.groups.displayName')}
          extra={t('worker.groups.displayNameHint')}
          rules={[{ required: true, whitespace: true, message: t('worker.groups.displayNameRequired') }]}
        >
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item
          name="accept"
          valuePropName="checked"
          rules={[
            {
              validator: (_, v) =>
                v ? Promise.resolve() : Promise.reject(new Error(t('worker.groups.acceptRequired'))),
            },
          ]}
        >
          <Checkbox>{t('worker.groups.accept')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('worker.groups.sendRequest')}
        </Button>
      </Form>
    </Modal>
  );
}

/** 自助团体: peer groups open to the worker, joined under a display name, with the group's rules. */
export default function GroupsPage() {
  const { t } = useTranslation();
  const groups = useLoad(() => call(api.GET('/api/v1/me/groups/available')), []);
  const [run, busy] = useAction();
  const [joining, setJoining] = useState<Group | null>(null);
  const leave = (id: string) =>
    run(
      () => call(api.POST('/api/v1/me/groups/{id}/leave', { params: { path: { id } } })),
      t('worker.groups.left'),
    ).then((ok) => ok && groups.reload());

  return (
    <>
      <PageTitle title={t('nav.worker.groups')} subtitle={t('worker.groups.intro')} />
      <Loaded state={groups}>
        {(list) =>
          list.length === 0 ? (
            <Card>
              <Empty description={t('worker.groups.none')} />
            </Card>
          ) : (
            <Flex vertical gap={12}>
              {list.map((group) => {
                const membership = group.membership as Membership;
                const inGroup =
                  membership && (membership.status === 'active' || membership.status === 'requested');
                return (
                  <Card
                    key={group.id}
                    title={<h2 style={{ fontSize: 16, margin: 0 }}>{group.name}</h2>}
                    extra={<Tag>{group.topicLabel}</Tag>}
                  >
                    {group.description ? (
                      <Typography.Paragraph>{group.description}</Typography.Paragraph>
                    ) : null}
                    <Typography.Paragraph type="secondary">
                      {t('worker.groups.facts', {
                        facilitator: group.facilitatorName ?? '',
                        members: group.activeMembers,
                        capacity: group.capacity,
                      })}
                    </Typography.Paragraph>
                    {membership ? (
                      <Alert
                        type={membership.status === 'active' ? 'success' : 'info'}
                        style={{ marginBottom: 12 }}
                        title={
                          t(`membership.${membership.status}`) +
                          (membership.displayName ? ` · ${membership.displayName}` : '')
                        }
                      />
                    ) : null}
                    {membership?.status === 'active' ? (
                      <LinkButton type="primary" to={`/me/groups/${group.id}`} style={{ marginInlineEnd: 8 }}>
                        {t('face.mine.enter')}
                      </LinkButton>
                    ) : null}
                    {inGroup ? (
                      <Popconfirm
                        title={t('worker.groups.confirmLeave')}
                        okText={t('common.confirm')}
                        cancelText={t('common.back')}
                        onConfirm={() => leave(group.id)}
                      >
                        <Button disabled={busy}>
                          {membership.status === 'requested'
                            ? t('worker.groups.withdraw')
                            : t('worker.groups.leave')}
                        </Button>
                      </Popconfirm>
                    ) : group.status === 'open' ? (
                      <Button type="primary" onClick={() => setJoining(group)}>
                        {t('worker.groups.join')}
                      </Button>
                    ) : null}
                  </Card>
                );
              })}
            </Flex>
          )
        }
      </Loaded>
      {joining ? (
        <JoinDialog
          group={joining}
          onClose={(joined) => {
            setJoining(null);
            if (joined) groups.reload();
          }}
        />
      ) : null}
    </>
  );
}

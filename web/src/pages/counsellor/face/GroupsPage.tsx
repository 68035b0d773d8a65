import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { LinkButton } from '../../../components/LinkButton';
import { Loaded } from '../../../components/Loaded';
import { PageTitle } from '../../../components/PageTitle';
import { GroupForm } from './GroupForm';

export const GROUP_COLOUR = { open: 'processing', closed: 'default', archived: 'warning' } as const;

/** 自助团体 (面), the staff side: the groups of my scope, pending requests counted, a new group. */
export default function GroupsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const groups = useLoad(() => call(api.GET('/api/v1/groups')), []);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageTitle
        title={t('face.nav.groups')}
        subtitle={t('face.group.intro')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('face.group.new')}
          </Button>
        }
      />
      <Loaded state={groups}>
        {(list) => (
          <Table
            rowKey="id"
            dataSource={list}
            pagination={false}
            scroll={{ x: 700 }}
            locale={{ emptyText: <Typography.Text type="secondary">{t('face.group.none')}</Typography.Text> }}
            columns={[
              { title: t('face.group.name'), dataIndex: 'name' },
              { title: t('face.group.topic'), dataIndex: 'topicLabel' },
              { title: t('face.group.facilitator'), key: 'f', render: (_, g) => g.facilitatorName ?? '—' },
              {
                title: t('face.group.members'),
                key: 'm',
                render: (_, g) => `${g.activeMembers} / ${g.capacity}`,
              },
              {
                title: t('face.group.pending'),
                key: 'p',
                render: (_, g) => (g.pendingRequests ? <Tag color="warning">{g.pendingRequests}</Tag> : 0),
              },
              {
                title: t('face.status'),
                key: 's',
                render: (_, g) => (
                  <Tag color={GROUP_COLOUR[g.status]}>{t(`face.group.status.${g.status}`)}</Tag>
                ),
              },
              {
                title: t('common.actions'),
                key: 'a',
                render: (_, g) => (
                  <LinkButton
                    size="small"
                    to={`/staff/groups/${g.id}`}
                    aria-label={`${t('common.view')} ${g.name}`}
                  >
                    {t('common.view')}
                  </LinkButton>
                ),
              },
            ]}
          />
        )}
      </Loaded>
      {creating ? (
        <GroupForm
          onClose={(id) => {
            setCreating(false);
            if (id) navigate(`/staff/groups/${id}`);
          }}
        />
      ) : null}
    </>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Popconfirm, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageTitle } from '../../components/PageTitle';
import { useAction } from '../../components/useAction';
import { useOrgUnits } from '../../components/orgUnits';
import { ROLES, UserForm } from './UserForm';
import { ResetPasswordForm, UserEditForm } from './UserEditForm';

type User = Schemas['UserDto'];

/** 用户与角色: accounts of every role in the admin's scope; create, edit (role, unit), reset a password, deactivate. */
export default function UsersPage() {
  const { t } = useTranslation();
  const users = useLoad(() => call(api.GET('/api/v1/users')), []);
  const units = useOrgUnits();
  const [filter, setFilter] = useState('');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [run, busy] = useAction();
  const setActive = (user: User, active: boolean) =>
    run(
      () => call(api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body: { active } })),
      t(active ? 'admin.users.reactivated' : 'admin.users.deactivated', { name: user.username }),
    ).then((ok) => ok && users.reload());
  const needle = filter.trim().toLowerCase();
  const rows = (users.data ?? []).filter(
    (u) =>
      !needle || u.username.toLowerCase().includes(needle) || u.displayName.toLowerCase().includes(needle),
  );

  return (
    <>
      <PageTitle
        title={t('nav.admin.users')}
        subtitle={t('admin.users.intro')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('admin.users.new')}
          </Button>
        }
      />
      {users.error ? <ErrorNotice error={users.error} onRetry={users.reload} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <div style={{ padding: 12 }}>
          <Input.Search
            aria-label={t('admin.users.filter')}
            placeholder={t('admin.users.filter')}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            allowClear
            style={{ maxWidth: 320 }}
          />
        </div>
        <Table<User>
          rowKey="id"
          loading={users.loading}
          dataSource={rows}
          scroll={{ x: 800 }}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: t('admin.users.username'), dataIndex: 'username' },
            { title: t('admin.users.displayName'), dataIndex: 'displayName' },
            {
              title: t('admin.users.role'),
              key: 'role',
              filters: ROLES.map((r) => ({ text: t(`role.${r}`), value: r })),
              onFilter: (value, u) => u.role === value,
              render: (_, u) => <Tag>{t(`role.${u.role}`)}</Tag>,
            },
            {
              title: t('admin.users.unit'),
              key: 'unit',
              render: (_, u) => units.names.get(u.orgUnitId) ?? '',
            },
            {
              title: t('admin.users.status'),
              key: 'active',
              render: (_, u) =>
                u.active ? (
                  <Tag color="success">{t('admin.users.active')}</Tag>
                ) : (
                  <Tag>{t('admin.users.inactive')}</Tag>
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, u) => (
                <Flex gap={4} wrap>
                  <Button
                    size="small"
                    onClick={() => setEditing(u)}
                    aria-label={`${t('people.users.edit')} ${u.username}`}
                  >
                    {t('people.users.edit')}
                  </Button>
                  <Button
                    size="small"
                    onClick={() => setResetting(u)}
                    aria-label={`${t('people.users.resetPassword')} ${u.username}`}
                  >
                    {t('people.users.resetPassword')}
                  </Button>
                  {u.active ? (
                    <Popconfirm
                      title={t('admin.users.confirmDeactivate', { name: u.username })}
                      okText={t('admin.users.deactivate')}
                      cancelText={t('common.back')}
                      onConfirm={() => setActive(u, false)}
                    >
                      <Button size="small" danger disabled={busy}>
                        {t('admin.users.deactivate')}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button size="small" disabled={busy} onClick={() => void setActive(u, true)}>
                      {t('admin.users.reactivate')}
                    </Button>
                  )}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      {editing ? (
        <UserEditForm
          user={editing}
          tree={units.tree}
          onClose={(saved) => {
            setEditing(null);
            if (saved) users.reload();
          }}
        />
      ) : null}
      {resetting ? <ResetPasswordForm user={resetting} onClose={() => setResetting(null)} /> : null}
      {creating ? (
        <UserForm
          tree={units.tree}
          onClose={(created) => {
            setCreating(false);
            if (created) users.reload();
          }}
        />
      ) : null}
    </>
  );
}

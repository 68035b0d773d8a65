import { Alert, Button, Card, Descriptions, Progress, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loaded } from '../../components/Loaded';
import { PageTitle } from '../../components/PageTitle';

/** Data-key rotation (root administrators): what is still under a retired key, start the re-encryption, its progress. */
export default function KeyRotationPage() {
  const { t } = useTranslation();
  const status = useLoad(() => call(api.GET('/api/v1/admin/key-rotation')), []);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const start = async () => {
    setStarting(true);
    setError(null);
    try {
      await call(api.POST('/api/v1/admin/key-rotation'));
      status.reload();
    } catch (e) {
      setError(e);
    } finally {
      setStarting(false);
    }
  };

  return (
    <>
      <PageTitle title={t('nav.admin.keys')} subtitle={t('admin.keys.intro')} />
      {error ? <ErrorNotice error={error} /> : null}
      <Loaded state={status}>
        {(s) => {
          const done = s.progress ? s.progress.rewritten : 0;
          return (
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <Card>
                <Descriptions column={1} size="small" bordered>
                  <Descriptions.Item label={t('admin.keys.current')}>
                    <Tag color="success">{s.currentKeyId}</Tag>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('admin.keys.retired')}>
                    {s.retiredKeyIds.length > 0 ? s.retiredKeyIds.map((id) => <Tag key={id}>{id}</Tag>) : t('admin.keys.none')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('admin.keys.remaining')}>{s.remaining}</Descriptions.Item>
                  {s.running ? (
                    <Descriptions.Item label={t('admin.keys.running')}>
                      <Progress percent={Math.round((100 * done) / Math.max(1, done + s.remaining))} />
                      {t('admin.keys.rewritten')}: {done}
                    </Descriptions.Item>
                  ) : null}
                </Descriptions>
                <Space style={{ marginTop: 16 }}>
                  <Button type="primary" onClick={() => void start()} loading={starting} disabled={s.running || s.remaining === 0}>
                    {t('admin.keys.start')}
                  </Button>
                  <Button onClick={status.reload}>{t('admin.keys.refresh')}</Button>
                </Space>
              </Card>
              <Alert
                type={s.retiredKeysRemovable ? 'success' : 'warning'}
                showIcon
                message={s.retiredKeysRemovable ? t('admin.keys.removable') : t('admin.keys.notRemovable')}
              />
              <Card styles={{ body: { padding: 0 } }}>
                <Table
                  size="small"
                  rowKey={(c) => `${c.table}.${c.column}`}
                  pagination={false}
                  dataSource={s.columns.filter((c) => c.remaining > 0)}
                  columns={[
                    { title: t('admin.keys.column'), key: 'column', render: (_, c) => `${c.table}.${c.column}` },
                    { title: t('admin.keys.remaining'), dataIndex: 'remaining', key: 'remaining' },
                  ]}
                />
              </Card>
            </Space>
          );
        }}
      </Loaded>
    </>
  );
}

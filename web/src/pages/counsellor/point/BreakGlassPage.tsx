import { Button, Card, Flex, Form, Input, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { useAuth } from '../../../auth';
import { formatDateTime } from '../../../components/dates';
import { Loaded } from '../../../components/Loaded';
import { PageTitle } from '../../../components/PageTitle';
import { useAction } from '../../../components/useAction';
import { BreakGlassBanner } from './BreakGlassBanner';
import { keepGrant } from './breakGlassGrants';

const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/** The supervisor's queue: emergency accesses touching their units, with the reason, to review. */
function ReviewQueue() {
  const { t, i18n } = useTranslation();
  const [reviewed, setReviewed] = useState(false);
  const grants = useLoad(
    () => call(api.GET('/api/v1/break-glass', { params: { query: { reviewed } } })),
    [reviewed],
  );
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [run, busy] = useAction();
  const review = (id: string) =>
    void run(
      () =>
        call(
          api.POST('/api/v1/break-glass/{id}/review', {
            params: { path: { id } },
            body: notes[id]?.trim() ? { note: notes[id].trim() } : {},
          }),
        ),
      t('point.breakGlass.reviewed'),
    ).then((ok) => ok && grants.reload());
  return (
    <Card title={h2(t('point.breakGlass.reviewTitle'))}>
      <Typography.Paragraph type="secondary">{t('point.breakGlass.reviewIntro')}</Typography.Paragraph>
      <Segmented
        value={reviewed ? 'reviewed' : 'pending'}
        onChange={(v) => setReviewed(v === 'reviewed')}
        style={{ marginBottom: 12 }}
        options={(['pending', 'reviewed'] as const).map((value) => ({
          value,
          label: t(`point.breakGlass.filter.${value}`),
        }))}
      />
      <Loaded state={grants}>
        {(data) => (
          <Table
            rowKey="id"
            scroll={{ x: 900 }}
            dataSource={data.items}
            pagination={false}
            locale={{
              emptyText: <Typography.Text type="secondary">{t('point.breakGlass.none')}</Typography.Text>,
            }}
            columns={[
              { title: t('point.breakGlass.who'), key: 'who', render: (_, g) => g.userName ?? '—' },
              { title: t('point.breakGlass.whom'), key: 'whom', render: (_, g) => g.workerName ?? '—' },
              {
                title: t('point.breakGlass.when'),
                key: 'when',
                render: (_, g) => formatDateTime(g.createdAt, i18n.language),
              },
              {
                title: t('point.breakGlass.until'),
                key: 'until',
                render: (_, g) => (
                  <>
                    {formatDateTime(g.expiresAt, i18n.language)}{' '}
                    <Tag color={g.active ? 'error' : 'default'}>
                      {g.active ? t('point.breakGlass.active') : t('point.breakGlass.ended')}
                    </Tag>
                  </>
                ),
              },
              { title: t('point.breakGlass.reason'), dataIndex: 'reason' },
              {
                title: t('point.breakGlass.review'),
                key: 'review',
                render: (_, g) =>
                  g.reviewedAt ? (
                    <Typography.Text>
                      {t('point.breakGlass.reviewedAt', {
                        date: formatDateTime(g.reviewedAt, i18n.language),
                      })}
                      {g.reviewNote ? `：${g.reviewNote}` : ''}
                    </Typography.Text>
                  ) : (
                    <Flex gap={4}>
                      <Input
                        size="small"
                        aria-label={`${t('point.breakGlass.reviewNote')} ${g.userName ?? ''}`}
                        placeholder={t('point.breakGlass.reviewNote')}
                        value={notes[g.id] ?? ''}
                        onChange={(e) => setNotes({ ...notes, [g.id]: e.target.value })}
                      />
                      <Button size="small" type="primary" disabled={busy} onClick={() => review(g.id)}>
                        {t('point.breakGlass.review')}
                      </Button>
                    </Flex>
                  ),
              },
            ]}
          />
        )}
      </Loaded>
    </Card>
  );
}

/** 紧急调阅: ask for time-limited access to an out-of-scope worker's crisis cases with a reason; supervisors review. */
export default function BreakGlassPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [form] = Form.useForm<{ workerId: string; reason: string }>();
  const [run, busy] = useAction();
  const [version, setVersion] = useState(0);
  const open = (values: { workerId: string; reason: string }) =>
    void run(async () => {
      keepGrant(
        await call(
          api.POST('/api/v1/break-glass', {
            body: { workerId: values.workerId.trim(), reason: values.reason.trim() },
          }),
        ),
      );
      form.resetFields();
      setVersion((v) => v + 1);
    }, t('point.breakGlass.opened'));
  return (
    <>
      <PageTitle title={t('point.nav.breakGlass')} subtitle={t('point.breakGlass.intro')} />
      <BreakGlassBanner version={version} />
      <Flex vertical gap={16}>
        <Card title={h2(t('point.breakGlass.request'))}>
          <Form form={form} layout="vertical" onFinish={open} style={{ maxWidth: 560 }}>
            <Form.Item
              name="workerId"
              label={t('point.breakGlass.worker')}
              extra={t('point.breakGlass.workerHint')}
              rules={[{ required: true, whitespace: true, message: t('point.breakGlass.workerRequired') }]}
            >
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('point.breakGlass.reason')}
              rules={[{ required: true, whitespace: true, message: t('point.breakGlass.reasonRequired') }]}
            >
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
            <Button type="primary" danger htmlType="submit" loading={busy}>
              {t('point.breakGlass.open')}
            </Button>
          </Form>
        </Card>
        {me?.role === 'supervisor' ? <ReviewQueue /> : null}
      </Flex>
    </>
  );
}

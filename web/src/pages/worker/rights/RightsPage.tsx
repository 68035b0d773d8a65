import { Button, Card, Flex, Form, Input, List, Popconfirm, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { formatDate, formatDateTime } from '../../../components/dates';
import { Loaded } from '../../../components/Loaded';
import { PageTitle } from '../../../components/PageTitle';
import { useAction } from '../../../components/useAction';
import { AccessReportCard } from './AccessReportCard';
import { RightsStatusTag } from './RightsStatusTag';

type Field = Schemas['CorrectionRequestInput']['field'];
const FIELDS: Field[] = ['name', 'gender', 'birthYear', 'employeeNo', 'phone', 'email', 'jobTitle'];
const h2 = (text: string) => <h2 style={{ fontSize: 17, margin: 0 }}>{text}</h2>;

/** The worker's rights over their data: ask for a correction or a deletion, follow the requests, see who looked. */
export default function RightsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const requests = useLoad(() => call(api.GET('/api/v1/me/rights-requests')), []);
  const [form] = Form.useForm<{ field: Field; value: string; note?: string }>();
  const [run, busy] = useAction();
  const pendingDeletion = (requests.data ?? []).some((r) => r.kind === 'deletion' && r.status === 'pending');

  const correct = (values: { field: Field; value: string; note?: string }) =>
    void run(
      () =>
        call(
          api.POST('/api/v1/me/correction-requests', {
            body: {
              field: values.field,
              value: values.value.trim(),
              ...(values.note?.trim() ? { note: values.note.trim() } : {}),
            },
          }),
        ),
      t('rights.mine.corrected'),
    ).then((ok) => {
      if (!ok) return;
      form.resetFields();
      requests.reload();
    });
  const erase = () =>
    void run(
      () => call(api.POST('/api/v1/me/deletion-requests', { body: {} })),
      t('rights.mine.deletionSent'),
    ).then((ok) => ok && requests.reload());

  return (
    <>
      <PageTitle title={t('rights.nav.mine')} subtitle={t('rights.mine.intro')} />
      <Flex vertical gap={16}>
        <Card title={h2(t('rights.mine.requestsTitle'))}>
          <Loaded state={requests}>
            {(items) => (
              <List
                dataSource={items}
                locale={{
                  emptyText: <Typography.Text type="secondary">{t('rights.mine.none')}</Typography.Text>,
                }}
                renderItem={(r) => (
                  <List.Item>
                    <Flex vertical gap={4} style={{ width: '100%' }}>
                      <Flex gap={8} wrap align="center">
                        <Typography.Text strong>{t(`rights.kind.${r.kind}`)}</Typography.Text>
                        <RightsStatusTag status={r.status} />
                        <Typography.Text type="secondary">
                          {t('rights.mine.asked', { date: formatDate(r.createdAt, lang) })}
                        </Typography.Text>
                      </Flex>
                      {r.change ? (
                        <Typography.Text>
                          {t('rights.mine.change', {
                            field: t(`rights.field.${r.change.field}`),
                            value: r.change.value,
                          })}
                        </Typography.Text>
                      ) : null}
                      {r.status === 'refused' ? (
                        <Typography.Text>
                          {r.refusalCode ? <Tag>{t(`rights.refusal.${r.refusalCode}`)}</Tag> : null}
                          {t('rights.mine.reason', { reason: r.reviewNote ?? '' })}
                        </Typography.Text>
                      ) : null}
                      {r.reviewedAt ? (
                        <Typography.Text type="secondary">
                          {t('rights.mine.decided', { date: formatDateTime(r.reviewedAt, lang) })}
                        </Typography.Text>
                      ) : null}
                    </Flex>
                  </List.Item>
                )}
              />
            )}
          </Loaded>
        </Card>
        <Card title={h2(t('rights.mine.correctTitle'))}>
          <Typography.Paragraph type="secondary">{t('rights.mine.correctIntro')}</Typography.Paragraph>
          <Form form={form} layout="vertical" onFinish={correct} initialValues={{ field: 'name' }}>
            <Form.Item name="field" label={t('rights.mine.field')}>
              <Select options={FIELDS.map((f) => ({ value: f, label: t(`rights.field.${f}`) }))} />
            </Form.Item>
            <Form.Item
              name="value"
              label={t('rights.mine.value')}
              rules={[{ required: true, whitespace: true, message: t('rights.mine.valueRequired') }]}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="note" label={t('rights.mine.note')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('rights.mine.sendCorrection')}
            </Button>
          </Form>
        </Card>
        <Card title={h2(t('rights.mine.deleteTitle'))}>
          <Typography.Paragraph>{t('rights.mine.deleteIntro')}</Typography.Paragraph>
          <Popconfirm title={t('rights.mine.deleteConfirm')} onConfirm={erase}>
            <Button danger disabled={pendingDeletion} loading={busy}>
              {t('rights.mine.sendDeletion')}
            </Button>
          </Popconfirm>
        </Card>
        <AccessReportCard />
      </Flex>
    </>
  );
}

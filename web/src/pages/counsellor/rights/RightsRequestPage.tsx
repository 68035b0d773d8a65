import {
  Alert,
  Button,
  Card,
  Collapse,
  Descriptions,
  Flex,
  Form,
  Input,
  Popconfirm,
  Select,
  Table,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../components/dates';
import { LinkButton } from '../../../components/LinkButton';
import { Loaded } from '../../../components/Loaded';
import { PageTitle } from '../../../components/PageTitle';
import { useAction } from '../../../components/useAction';
import { RightsStatusTag } from '../../worker/rights/RightsStatusTag';

type Refusal = Schemas['RefuseRequestInput'];
const CODES: Refusal['code'][] = ['legal_retention', 'inaccurate_request', 'identity_unverified', 'other'];
const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/** What a deletion does, module by module and table by table (read before approving one). */
function ErasureCoverage() {
  const { t } = useTranslation();
  const coverage = useLoad(() => call(api.GET('/api/v1/rights-requests/erasure-coverage')), []);
  return (
    <Collapse
      items={[
        {
          key: 'coverage',
          label: t('rights.review.coverageTitle'),
          children: (
            <Loaded state={coverage}>
              {(rows) => (
                <Table
                  size="small"
                  rowKey={(r) => `${r.module}.${r.table}`}
                  pagination={false}
                  scroll={{ x: 560 }}
                  dataSource={rows}
                  columns={[
                    { title: t('rights.review.module'), dataIndex: 'module' },
                    { title: t('rights.review.table'), dataIndex: 'table' },
                    {
                      title: t('rights.review.action'),
                      key: 'what',
                      render: (_, r) => `${r.action} · ${r.what}`,
                    },
                  ]}
                />
              )}
            </Loaded>
          ),
        },
      ]}
    />
  );
}

/** One correction or deletion request: what is asked, what must be kept (retention holds), approve or refuse. */
export default function RightsRequestPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { id = '' } = useParams();
  const request = useLoad(
    () => call(api.GET('/api/v1/rights-requests/{id}', { params: { path: { id } } })),
    [id],
  );
  const [form] = Form.useForm<Refusal>();
  const [run, busy] = useAction();
  const approve = () =>
    void run(
      () => call(api.POST('/api/v1/rights-requests/{id}/approve', { params: { path: { id } } })),
      t('rights.review.approved'),
    ).then((ok) => ok && request.reload());
  const refuse = (values: Refusal) =>
    void run(
      () =>
        call(
          api.POST('/api/v1/rights-requests/{id}/refuse', {
            params: { path: { id } },
            body: { code: values.code, reason: values.reason.trim() },
          }),
        ),
      t('rights.review.refused'),
    ).then((ok) => ok && request.reload());

  return (
    <Loaded state={request}>
      {(r) => {
        const holds = r.holds ?? [];
        const pending = r.status === 'pending';
        return (
          <>
            <PageTitle
              title={t('rights.review.title', {
                name: r.workerName || '—',
                kind: t(`rights.kind.${r.kind}`),
              })}
              extra={<LinkButton to="/staff/rights">{t('rights.review.back')}</LinkButton>}
            />
            <Flex vertical gap={16}>
              <Card>
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('rights.queue.status')}>
                    <RightsStatusTag status={r.status} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('rights.queue.asked')}>
                    {formatDateTime(r.createdAt, lang)}
                  </Descriptions.Item>
                  {r.change ? (
                    <Descriptions.Item label={t('rights.queue.what')}>
                      {t('rights.mine.change', {
                        field: t(`rights.field.${r.change.field}`),
                        value: r.change.value,
                      })}
                    </Descriptions.Item>
                  ) : null}
                  <Descriptions.Item label={t('rights.review.workerNote')}>
                    {r.note ?? t('rights.review.noNote')}
                  </Descriptions.Item>
                  {r.reviewedAt ? (
                    <Descriptions.Item
                      label={t('rights.review.decided', { date: formatDateTime(r.reviewedAt, lang) })}
                    >
                      {r.refusalCode ? `${t(`rights.refusal.${r.refusalCode}`)}：${r.reviewNote ?? ''}` : ''}
                    </Descriptions.Item>
                  ) : null}
                  {r.outcome ? (
                    <Descriptions.Item label={t('rights.review.outcome')}>
                      {Object.entries(r.outcome)
                        .map(([k, v]) => `${k}: ${v}`)
                        .join('；')}
                    </Descriptions.Item>
                  ) : null}
                </Descriptions>
              </Card>
              {pending && r.kind === 'deletion' ? (
                holds.length ? (
                  <Alert
                    type="warning"
                    showIcon
                    title={t('rights.review.holdsTitle')}
                    description={
                      <>
                        <Typography.Paragraph>{t('rights.review.holdsIntro')}</Typography.Paragraph>
                        <ul style={{ margin: 0 }}>
                          {holds.map((h) => (
                            <li key={h.code}>{lang.startsWith('zh') ? h.zh : h.en}</li>
                          ))}
                        </ul>
                      </>
                    }
                  />
                ) : (
                  <Alert type="info" showIcon title={t('rights.review.noHolds')} />
                )
              ) : null}
              {r.kind === 'deletion' ? <ErasureCoverage /> : null}
              {pending ? (
                <Card title={h2(t('rights.review.approve'))}>
                  <Popconfirm title={t('rights.review.approveConfirm')} onConfirm={approve}>
                    <Button
                      type="primary"
                      danger={r.kind === 'deletion'}
                      disabled={holds.length > 0}
                      loading={busy}
                    >
                      {r.kind === 'deletion'
                        ? t('rights.review.approveDeletion')
                        : t('rights.review.approveCorrection')}
                    </Button>
                  </Popconfirm>
                </Card>
              ) : null}
              {pending ? (
                <Card title={h2(t('rights.review.refuseTitle'))}>
                  <Form
                    form={form}
                    layout="vertical"
                    onFinish={refuse}
                    initialValues={{ code: holds.length ? 'legal_retention' : 'other' }}
                  >
                    <Form.Item name="code" label={t('rights.review.refuseCode')}>
                      <Select options={CODES.map((c) => ({ value: c, label: t(`rights.refusal.${c}`) }))} />
                    </Form.Item>
                    <Form.Item
                      name="reason"
                      label={t('rights.review.refuseReason')}
                      extra={t('rights.review.refuseReasonHint')}
                      rules={[
                        {
                          required: true,
                          whitespace: true,
                          message: t('rights.review.refuseReasonRequired'),
                        },
                      ]}
                    >
                      <Input.TextArea rows={3} maxLength={1000} />
                    </Form.Item>
                    <Button htmlType="submit" loading={busy}>
                      {t('rights.review.refuse')}
                    </Button>
                  </Form>
                </Card>
              ) : null}
            </Flex>
          </>
        );
      }}
    </Loaded>
  );
}

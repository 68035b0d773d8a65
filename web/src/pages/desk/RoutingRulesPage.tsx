import { Alert, Button, Card, Flex, Form, Popconfirm, Select, Table, TreeSelect, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { formatDateTime } from '../../components/dates';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageTitle } from '../../components/PageTitle';
import { useAction } from '../../components/useAction';
import { useOrgUnits } from '../../components/orgUnits';
import { pick } from '../../i18n';

type Rule = Schemas['RoutingRuleDto'];
type Values = Schemas['CreateRoutingRuleDto'];
const ANY = '*';

/**
 * 诉求分派规则: which unit handles a new request, by the worker's unit (with its subtree) and the category. The page
 * says how rules combine (a category's rule beats a catch-all, the nearest unit wins, no rule: the worker's own unit)
 * and writes each rule out as a sentence, so the person keeping them sees what a rule does before deleting it.
 */
export default function RoutingRulesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const units = useOrgUnits();
  const vocabulary = useLoad(() => call(api.GET('/api/v1/desk/vocabulary')), []);
  const rules = useLoad(() => call(api.GET('/api/v1/desk/routing-rules')), []);
  const [form] = Form.useForm<Values>();
  const [run, busy] = useAction();
  const unit = (id: string) => units.names.get(id) ?? t('deskAdmin.routing.otherUnit');
  const categoryName = (code: string) => {
    if (code === ANY) return t('deskAdmin.routing.anyCategory');
    const found = vocabulary.data?.categories.find((c) => c.code === code);
    return found ? pick(found, lang) : code;
  };
  const sentence = (r: Rule) =>
    t('deskAdmin.routing.sentence', {
      from: unit(r.orgUnitId),
      category: categoryName(r.category),
      target: unit(r.targetUnitId),
    });

  const add = async (v: Values) => {
    const ok = await run(() => call(api.POST('/api/v1/desk/routing-rules', { body: v })), t('deskAdmin.routing.saved'));
    if (ok) {
      form.resetFields();
      rules.reload();
    }
  };
  const remove = (r: Rule) =>
    void run(
      () => call(api.DELETE('/api/v1/desk/routing-rules/{id}', { params: { path: { id: r.id } } })),
      t('deskAdmin.routing.removed'),
    ).then((ok) => ok && rules.reload());

  return (
    <>
      <PageTitle title={t('deskAdmin.nav.routing')} subtitle={t('deskAdmin.routing.intro')} />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('deskAdmin.routing.howTitle')}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            <li>{t('deskAdmin.routing.how1')}</li>
            <li>{t('deskAdmin.routing.how2')}</li>
            <li>{t('deskAdmin.routing.how3')}</li>
          </ul>
        }
      />
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('deskAdmin.routing.add')}</h2>} style={{ marginBottom: 16 }}>
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void add(v)}>
          <Flex gap={16} wrap>
            <Form.Item
              name="orgUnitId"
              label={t('deskAdmin.routing.fromUnit')}
              rules={[{ required: true, message: t('deskAdmin.routing.fromUnitRequired') }]}
              style={{ minWidth: 240, flex: 1 }}
            >
              <TreeSelect treeData={units.tree} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
            </Form.Item>
            <Form.Item
              name="category"
              label={t('deskAdmin.routing.category')}
              rules={[{ required: true, message: t('deskAdmin.routing.categoryRequired') }]}
              style={{ minWidth: 200, flex: 1 }}
            >
              <Select<Values['category']>
                showSearch={{ optionFilterProp: 'label' }}
                options={[
                  { value: ANY, label: t('deskAdmin.routing.anyCategory') },
                  ...(vocabulary.data?.categories ?? []).map((c) => ({
                    value: c.code as Values['category'],
                    label: pick(c, lang),
                  })),
                ]}
              />
            </Form.Item>
            <Form.Item
              name="targetUnitId"
              label={t('deskAdmin.routing.target')}
              rules={[{ required: true, message: t('deskAdmin.routing.targetRequired') }]}
              style={{ minWidth: 240, flex: 1 }}
            >
              <TreeSelect treeData={units.tree} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
            </Form.Item>
          </Flex>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('deskAdmin.routing.save')}
          </Button>
        </Form>
      </Card>
      {rules.error ? <ErrorNotice error={rules.error} onRetry={rules.reload} /> : null}
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('deskAdmin.routing.list')}</h2>} styles={{ body: { padding: 0 } }}>
        <Table<Rule>
          rowKey="id"
          loading={rules.loading}
          dataSource={rules.data ?? []}
          pagination={false}
          scroll={{ x: 560 }}
          locale={{ emptyText: t('deskAdmin.routing.none') }}
          columns={[
            {
              title: t('deskAdmin.routing.rule'),
              key: 'rule',
              render: (_, r) => <Typography.Text>{sentence(r)}</Typography.Text>,
            },
            {
              title: t('deskAdmin.routing.createdAt'),
              key: 'at',
              width: 170,
              render: (_, r) => formatDateTime(r.createdAt, lang),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 100,
              render: (_, r) => (
                <Popconfirm
                  title={t('deskAdmin.routing.removeConfirm')}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => remove(r)}
                >
                  <Button danger size="small" aria-label={t('deskAdmin.routing.removeNamed', { sentence: sentence(r) })}>
                    {t('deskAdmin.routing.remove')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}

import { Card, Checkbox, Col, Form, Input, Row, Select, TreeSelect, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { LinkButton } from '../../../components/LinkButton';
import { PageTitle } from '../../../components/PageTitle';
import { useOrgUnits } from '../../../components/orgUnits';
import { useAction } from '../../../components/useAction';
import { pick } from '../../../i18n';
import { EligibilityFields, LivePreview, cleanRule, type Rule } from './EligibilityFields';

interface Values {
  subgroup: Schemas['CreateProgrammeDto']['subgroup'];
  orgUnitId: string;
  title: string;
  description?: string;
  autoEnrol: boolean;
  eligibility?: Rule;
}

/** 新建关爱项目 (线): the subgroup, the unit, who is eligible (with a live count), then a draft to activate. */
export default function NewProgrammePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const units = useOrgUnits();
  const subgroups = useLoad(() => call(api.GET('/api/v1/subgroups')), []);
  const [form] = Form.useForm<Values>();
  const rule = Form.useWatch('eligibility', form);
  const orgUnitId = Form.useWatch('orgUnitId', form);
  const [run, busy] = useAction();
  const submit = (v: Values) =>
    void run(async () => {
      const created = await call(
        api.POST('/api/v1/programmes', {
          body: {
            subgroup: v.subgroup,
            orgUnitId: v.orgUnitId,
            title: v.title.trim(),
            ...(v.description?.trim() ? { description: v.description.trim() } : {}),
            autoEnrol: v.autoEnrol,
            eligibility: cleanRule(v.eligibility),
          },
        }),
      );
      void navigate(`/staff/programmes/${created.id}`);
    }, t('lineAdmin.created'));
  return (
    <>
      <PageTitle
        title={t('lineAdmin.new')}
        subtitle={t('lineAdmin.newIntro')}
        extra={<LinkButton to="/staff/programmes">{t('line.back')}</LinkButton>}
      />
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ autoEnrol: false }}>
        <Row gutter={16}>
          <Col xs={24} lg={14}>
            <Card>
              <Form.Item
                name="subgroup"
                label={t('lineAdmin.subgroup')}
                rules={[{ required: true, message: t('face.required') }]}
              >
                <Select
                  loading={subgroups.loading}
                  options={(subgroups.data ?? []).map((s) => ({
                    value: s.code,
                    label: pick(s.name, i18n.language),
                  }))}
                />
              </Form.Item>
              <Form.Item
                name="orgUnitId"
                label={t('face.forUnit')}
                rules={[{ required: true, message: t('face.required') }]}
              >
                <TreeSelect
                  treeData={units.tree}
                  treeDefaultExpandAll
                  showSearch
                  treeNodeFilterProp="title"
                />
              </Form.Item>
              <Form.Item
                name="title"
                label={t('lineAdmin.title')}
                rules={[{ required: true, whitespace: true, message: t('face.required') }]}
              >
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="description" label={t('lineAdmin.description')}>
                <Input.TextArea rows={3} maxLength={4000} />
              </Form.Item>
              <EligibilityFields />
              <Form.Item name="autoEnrol" valuePropName="checked">
                <Checkbox>{t('lineAdmin.autoEnrol')}</Checkbox>
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>
                {t('lineAdmin.saveDraft')}
              </Button>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('lineAdmin.preview')}</h2>}>
              <LivePreview rule={rule} orgUnitId={orgUnitId} />
            </Card>
          </Col>
        </Row>
      </Form>
    </>
  );
}

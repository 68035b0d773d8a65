import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Row,
  Tree,
  TreeSelect,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { OrgUnit } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useAction } from '../../components/useAction';
import { useOrgUnits, type UnitNode } from '../../components/orgUnits';

/** Everything under a unit (a unit cannot move into its own subtree). */
function subtreeIds(units: readonly OrgUnit[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) if (u.parentId && ids.has(u.parentId) && !ids.has(u.id)) grow(u.id);
  }
  function grow(id: string) {
    ids.add(id);
    grew = true;
  }
  return ids;
}

function withoutSubtree(nodes: UnitNode[], excluded: Set<string>): UnitNode[] {
  return nodes
    .filter((n) => !excluded.has(n.key))
    .map((n) => ({ ...n, children: withoutSubtree(n.children, excluded) }));
}

function UnitActions({
  unit,
  units,
  tree,
  onChanged,
}: {
  unit: OrgUnit;
  units: readonly OrgUnit[];
  tree: UnitNode[];
  onChanged: (select?: string) => void;
}) {
  const { t } = useTranslation();
  const [run, busy] = useAction();
  const [childForm] = Form.useForm<{ name: string }>();
  const parentName = units.find((u) => u.id === unit.parentId)?.name;

  const create = ({ name }: { name: string }) =>
    void run(
      async () => {
        const created = await call(
          api.POST('/api/v1/org-units', { body: { name: name.trim(), parentId: unit.id } }),
        );
        childForm.resetFields();
        onChanged(created.id);
      },
      t('admin.units.created', { name: name.trim() }),
    );
  const rename = ({ name }: { name: string }) =>
    void run(
      () =>
        call(
          api.PATCH('/api/v1/org-units/{id}', {
            params: { path: { id: unit.id } },
            body: { name: name.trim() },
          }),
        ),
      t('admin.units.renamed'),
    ).then((ok) => ok && onChanged(unit.id));
  const move = ({ parentId }: { parentId: string }) =>
    void run(
      () =>
        call(api.PATCH('/api/v1/org-units/{id}', { params: { path: { id: unit.id } }, body: { parentId } })),
      t('admin.units.moved'),
    ).then((ok) => ok && onChanged(unit.id));

  return (
    <Flex vertical gap={16}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('admin.units.name')}>{unit.name}</Descriptions.Item>
        <Descriptions.Item label={t('admin.units.parent')}>
          {parentName ?? t('admin.units.top')}
        </Descriptions.Item>
        <Descriptions.Item label={t('admin.units.level')}>{unit.depth}</Descriptions.Item>
      </Descriptions>
      <Card type="inner" title={t('admin.units.addChild')}>
        <Form form={childForm} layout="inline" onFinish={create} disabled={busy}>
          <Form.Item
            name="name"
            label={t('admin.units.childName')}
            rules={[{ required: true, whitespace: true, message: t('admin.units.nameRequired') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('admin.units.create')}
          </Button>
        </Form>
      </Card>
      <Card type="inner" title={t('admin.units.rename')}>
        <Form
          key={`rename-${unit.id}-${unit.name}`}
          layout="inline"
          onFinish={rename}
          initialValues={{ name: unit.name }}
          disabled={busy}
        >
          <Form.Item
            name="name"
            label={t('admin.units.newName')}
            rules={[{ required: true, whitespace: true, message: t('admin.units.nameRequired') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Button htmlType="submit">{t('common.save')}</Button>
        </Form>
      </Card>
      {unit.parentId ? (
        <Card type="inner" title={t('admin.units.move')}>
          <Form key={`move-${unit.id}`} layout="inline" onFinish={move} disabled={busy}>
            <Form.Item
              name="parentId"
              label={t('admin.units.newParent')}
              rules={[{ required: true, message: t('admin.units.parentRequired') }]}
            >
              <TreeSelect
                treeData={withoutSubtree(tree, subtreeIds(units, unit.id))}
                treeDefaultExpandAll
                showSearch
                treeNodeFilterProp="title"
                style={{ minWidth: 240 }}
              />
            </Form.Item>
            <Button htmlType="submit">{t('admin.units.moveOk')}</Button>
          </Form>
        </Card>
      ) : null}
    </Flex>
  );
}

/** 组织单位: the union tree (federation → city → county → enterprise unions); add, rename and move units. */
export default function OrgUnitsPage() {
  const { t } = useTranslation();
  const units = useOrgUnits();
  const [selected, setSelected] = useState<string | null>(null);
  const list = units.data ?? [];
  const unit = list.find((u) => u.id === selected) ?? null;

  return (
    <>
      <PageTitle title={t('nav.admin.units')} subtitle={t('admin.units.intro')} />
      {units.error ? <ErrorNotice error={units.error} onRetry={units.reload} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('admin.units.tree')}</h2>}>
            {units.data === undefined ? (
              <Loading />
            ) : (
              <Tree
                aria-label={t('admin.units.tree')}
                treeData={units.tree}
                defaultExpandAll
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => setSelected((keys[0] as string | undefined) ?? null)}
                height={560}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{unit ? unit.name : t('admin.units.details')}</h2>}
          >
            {unit ? (
              <UnitActions
                unit={unit}
                units={list}
                tree={units.tree}
                onChanged={(next) => {
                  if (next) setSelected(next);
                  units.reload();
                }}
              />
            ) : (
              <Empty description={<Typography.Text>{t('admin.units.pick')}</Typography.Text>} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}

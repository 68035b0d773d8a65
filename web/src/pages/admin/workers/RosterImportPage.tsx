import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Table, TreeSelect, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { messagePart, toApiError } from '../../../api/errors';
import { LinkButton } from '../../../components/LinkButton';
import { PageTitle } from '../../../components/PageTitle';
import { useOrgUnits } from '../../../components/orgUnits';
import { useAction } from '../../../components/useAction';

const COLUMNS =
  'name, orgUnitId, employeeNo, gender, birthYear, phone, email, jobTitle, cadreLevel, specialPost, employmentStatus';

interface RowProblem {
  row: number;
  field: string;
  message: string;
}
type Check = { ok: true; valid: number } | { ok: false; problems: RowProblem[] };

/** The row problems of an IMPORT_INVALID answer (`details.errors` in the error body). */
function problemsOf(body: unknown): RowProblem[] | null {
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) ? (errors as RowProblem[]) : null;
}

/**
 * 花名册导入: check the CSV first (a dry run with the import's own rules, nothing written) and see every row error;
 * only a file that checked clean can then be imported, all rows or none.
 */
export default function RosterImportPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const units = useOrgUnits();
  const [file, setFile] = useState<File | null>(null);
  const [unitId, setUnitId] = useState<string>();
  const [check, setCheck] = useState<Check | null>(null);
  const [run, busy] = useAction();

  const send = async (dryRun: boolean) => {
    const form = new FormData();
    form.append('file', file!);
    if (unitId) form.append('orgUnitId', unitId);
    form.append('dryRun', String(dryRun));
    const { data, error, response } = await api.POST('/api/v1/workers/import', {
      body: form as unknown as { file: string },
    });
    if (response.ok) return { ok: true as const, data: data! };
    const problems = problemsOf(error);
    if (response.status === 400 && problems) return { ok: false as const, problems };
    throw toApiError(response.status, error);
  };
  const checkFile = () =>
    void run(async () => {
      const answer = await send(true);
      setCheck(answer.ok ? { ok: true, valid: answer.data.valid ?? 0 } : answer);
    });
  const importFile = () =>
    void run(async () => {
      const answer = await send(false);
      if (!answer.ok) return setCheck(answer);
      void message.success(t('people.import.imported', { count: answer.data.imported }));
      setCheck(null);
      setFile(null);
    });

  return (
    <>
      <PageTitle
        title={t('people.nav.import')}
        subtitle={t('people.import.intro')}
        extra={<LinkButton to="/admin/workers">{t('people.nav.workers')}</LinkButton>}
      />
      <Flex vertical gap={16}>
        <Card>
          <Typography.Paragraph type="secondary">
            {t('people.import.columns', { columns: COLUMNS })}
          </Typography.Paragraph>
          <Form layout="vertical">
            <Form.Item label={t('people.import.file')} required>
              <Upload
                accept=".csv,text/csv"
                maxCount={1}
                fileList={file ? [{ uid: 'roster', name: file.name, status: 'done' }] : []}
                beforeUpload={(chosen) => {
                  setFile(chosen);
                  setCheck(null);
                  return false;
                }}
                onRemove={() => {
                  setFile(null);
                  setCheck(null);
                }}
              >
                <Button icon={<UploadOutlined />}>{t('people.import.choose')}</Button>
              </Upload>
            </Form.Item>
            <Form.Item label={t('people.import.unit')} htmlFor="roster-unit">
              <TreeSelect
                id="roster-unit"
                allowClear
                value={unitId}
                onChange={(value) => {
                  setUnitId(value);
                  setCheck(null);
                }}
                treeData={units.tree}
                treeDefaultExpandAll
                showSearch={{ treeNodeFilterProp: 'title' }}
                style={{ maxWidth: 420 }}
              />
            </Form.Item>
            <Flex gap={8} wrap>
              <Button onClick={checkFile} loading={busy} disabled={!file}>
                {t('people.import.check')}
              </Button>
              <Button type="primary" onClick={importFile} loading={busy} disabled={!check?.ok}>
                {t('people.import.run', { count: check?.ok ? check.valid : 0 })}
              </Button>
            </Flex>
          </Form>
        </Card>
        {check?.ok ? (
          <Alert type="success" showIcon title={t('people.import.valid', { count: check.valid })} />
        ) : null}
        {check && !check.ok ? (
          <Card>
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('people.import.invalid', { count: check.problems.length })}
            />
            <Table
              size="small"
              rowKey={(p) => `${p.row}.${p.field}.${p.message}`}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              dataSource={check.problems}
              columns={[
                { title: t('people.import.row'), dataIndex: 'row', width: 80 },
                { title: t('people.import.field'), dataIndex: 'field', width: 160 },
                {
                  title: t('people.import.message'),
                  key: 'message',
                  render: (_, p) => messagePart(p.message, i18n.language),
                },
              ]}
            />
          </Card>
        ) : null}
      </Flex>
    </>
  );
}

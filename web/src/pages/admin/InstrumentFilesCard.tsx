import { Alert, Button, Card, Flex, Input, List, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { Loaded } from '../../components/Loaded';
import { useAction } from '../../components/useAction';
import { pick } from '../../i18n';

const STATUS_COLOUR = { draft: 'default', published: 'success', retired: 'warning' } as const;

/** The worker's view of a checked file, where the admin picks sample answers and tries them on the saved draft. */
function Preview({ preview, saved }: { preview: Schemas['InstrumentDto']; saved: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [answers, setAnswers] = useState<Array<number | null>>(preview.items.map(() => null));
  const [result, setResult] = useState<Schemas['SampleScoreDto']>();
  const [run, busy] = useAction();
  /** The band's words as the worker's file names it (the score gives its code). */
  const bandLabel = (bands: Schemas['BandDto'][], code: string | null) => {
    const band = bands.find((b) => b.code === code);
    return band ? pick(band.label, lang) : (code ?? '—');
  };
  const tryIt = () =>
    run(async () =>
      setResult(
        await call(
          api.POST('/api/v1/instruments/files/{code}/{version}/try', {
            params: { path: { code: preview.code, version: preview.version } },
            body: { answers: answers as number[] }, // every item answered (the button waits for it)
          }),
        ),
      ),
    );
  return (
    <Card size="small" title={t('admin.instrumentFiles.preview')} style={{ marginTop: 16 }}>
      <Typography.Paragraph strong>{pick(preview.name, lang)}</Typography.Paragraph>
      <Typography.Paragraph>{pick(preview.instructions, lang)}</Typography.Paragraph>
      <List
        dataSource={preview.items}
        renderItem={(item, i) => (
          <List.Item>
            <Space direction="vertical">
              <span>
                {item.number}. {pick(item.text, lang)}
              </span>
              <Radio.Group
                aria-label={`${item.number}. ${pick(item.text, lang)}`}
                value={answers[i]}
                onChange={(e) => setAnswers(answers.map((a, j) => (j === i ? (e.target.value as number) : a)))}
                options={item.options.map((o) => ({ value: o.value, label: pick(o.label, lang) }))}
              />
            </Space>
          </List.Item>
        )}
      />
      <Button onClick={() => void tryIt()} loading={busy} disabled={!saved || answers.some((a) => a === null)}>
        {t('admin.instrumentFiles.try')}
      </Button>
      {!saved ? <Typography.Text type="secondary"> {t('admin.instrumentFiles.saveToTry')}</Typography.Text> : null}
      {result ? (
        <Alert
          style={{ marginTop: 12 }}
          type={result.crisisLevel ? 'warning' : 'info'}
          title={t('admin.instrumentFiles.tryResult', {
            total: result.totalScore ?? '—',
            band: bandLabel(preview.bands, result.band),
            subscales:
              Object.entries(result.subscaleBands ?? {})
                .map(([code, band]) => {
                  const subscale = preview.subscales.find((s) => s.code === code);
                  return `${subscale ? pick(subscale.name, lang) : code}: ${bandLabel(subscale?.bands ?? [], band)}`;
                })
                .join('，') || '—',
            crisis: result.crisisLevel ? t(`caseLevel.${result.crisisLevel}`) : t('admin.instrumentFiles.noCrisis'),
          })}
        />
      ) : null}
    </Card>
  );
}

/** 量表文件: load a file (upload or edit here), see its problems per field, preview and try it, publish and retire versions. */
export function InstrumentFilesCard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [reload, setReload] = useState(0);
  const versions = useLoad(() => call(api.GET('/api/v1/instruments/files')), [reload]);
  const [text, setText] = useState('');
  const [check, setCheck] = useState<Schemas['InstrumentFileCheckDto']>();
  const [saved, setSaved] = useState(false);
  const [run, busy] = useAction();
  const parse = (): Record<string, unknown> | undefined => {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      setCheck({ ok: false, problems: [{ path: '', message: `${t('admin.instrumentFiles.notJson')}: ${(error as Error).message}` }], licenceProblems: [], preview: null });
      return undefined;
    }
  };
  const runCheck = () => {
    const file = parse();
    if (file) void run(async () => setCheck(await call(api.POST('/api/v1/instruments/files/check', { body: { file } }))));
  };
  const save = () => {
    const file = parse();
    if (!file) return;
    void run(async () => {
      setCheck(await call(api.POST('/api/v1/instruments/files/check', { body: { file } })));
      await call(api.POST('/api/v1/instruments/files', { body: { file } }));
      setSaved(true);
      setReload((n) => n + 1);
    }, t('admin.instrumentFiles.saved'));
  };
  const act = (v: Schemas['InstrumentVersionDto'], action: 'publish' | 'retire') =>
    void run(async () => {
      const params = { params: { path: { code: v.code, version: v.version } } };
      if (action === 'publish') await call(api.POST('/api/v1/instruments/files/{code}/{version}/publish', params));
      else await call(api.POST('/api/v1/instruments/files/{code}/{version}/retire', params));
      setReload((n) => n + 1);
    }, t(action === 'publish' ? 'admin.instrumentFiles.published' : 'admin.instrumentFiles.retired'));
  const edit = (v: Schemas['InstrumentVersionDto']) =>
    void run(async () => {
      const detail = await call(api.GET('/api/v1/instruments/files/{code}/{version}', { params: { path: { code: v.code, version: v.version } } }));
      setText(JSON.stringify(detail.file, null, 2));
      setCheck(undefined);
      setSaved(v.status === 'draft');
    });
  const upload = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    setText(await file.text());
    setCheck(undefined);
    setSaved(false);
  };

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('admin.instrumentFiles.title')}</h2>} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('admin.instrumentFiles.intro')}</Typography.Paragraph>
      <Loaded state={versions}>
        {(list) => (
          <Table<Schemas['InstrumentVersionDto']>
            size="small"
            rowKey={(v) => `${v.code}@${v.version}`}
            dataSource={list}
            pagination={false}
            scroll={{ x: 700 }}
            columns={[
              { title: t('admin.instruments.code'), dataIndex: 'code' },
              { title: t('admin.instruments.version'), dataIndex: 'version' },
              { title: t('admin.instruments.name'), key: 'name', render: (_, v) => pick(v.name, lang) },
              {
                title: t('admin.instrumentFiles.status'),
                key: 'status',
                render: (_, v) => (
                  <Space>
                    <Tag color={STATUS_COLOUR[v.status]}>{t(`admin.instrumentFiles.statuses.${v.status}`)}</Tag>
                    {v.current ? <Tag color="blue">{t('admin.instrumentFiles.current')}</Tag> : null}
                    {v.origin === 'shipped' ? <Tag>{t('admin.instrumentFiles.shipped')}</Tag> : null}
                  </Space>
                ),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_, v) => (
                  <Space>
                    <Button size="small" onClick={() => edit(v)}>
                      {t('admin.instrumentFiles.edit')}
                    </Button>
                    {v.status === 'draft' ? (
                      <Button size="small" type="primary" onClick={() => act(v, 'publish')} loading={busy}>
                        {t('admin.instrumentFiles.publish')}
                      </Button>
                    ) : null}
                    {v.status === 'published' ? (
                      <Button size="small" danger onClick={() => act(v, 'retire')} loading={busy}>
                        {t('admin.instrumentFiles.retire')}
                      </Button>
                    ) : null}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Loaded>
      <Flex gap={8} align="center" style={{ margin: '16px 0 8px' }} wrap>
        <label>
          {t('admin.instrumentFiles.upload')}{' '}
          <input type="file" accept="application/json,.json" aria-label={t('admin.instrumentFiles.upload')} onChange={(e) => void upload(e.target.files)} />
        </label>
      </Flex>
      <Input.TextArea
        aria-label={t('admin.instrumentFiles.editor')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setSaved(false);
        }}
        autoSize={{ minRows: 6, maxRows: 18 }}
        style={{ fontFamily: 'monospace' }}
      />
      <Space style={{ marginTop: 8 }}>
        <Button onClick={runCheck} loading={busy} disabled={!text.trim()}>
          {t('admin.instrumentFiles.check')}
        </Button>
        <Button type="primary" onClick={save} loading={busy} disabled={!text.trim()}>
          {t('admin.instrumentFiles.saveDraft')}
        </Button>
      </Space>
      {check && check.problems.length > 0 ? (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          title={t('admin.instrumentFiles.problems', { count: check.problems.length })}
          description={
            <ul>
              {check.problems.map((p) => (
                <li key={`${p.path}${p.message}`}>
                  <code>{p.path || '/'}</code> {p.message}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      {check?.ok ? <Alert style={{ marginTop: 12 }} type="success" title={t('admin.instrumentFiles.sound')} /> : null}
      {check && check.licenceProblems.length > 0 ? (
        <Alert style={{ marginTop: 12 }} type="warning" title={t('admin.instrumentFiles.licence')} description={check.licenceProblems.map((p) => p.message).join('；')} />
      ) : null}
      {check?.preview ? <Preview key={`${check.preview.code}@${check.preview.version}`} preview={check.preview} saved={saved} /> : null}
    </Card>
  );
}

import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Segmented, Select, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, hasRoutesUnder } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { operations } from '../../api/schema';
import { formatDateTime } from '../../components/dates';
import { downloadFile } from '../../components/download';
import { Loaded } from '../../components/Loaded';
import { PageTitle } from '../../components/PageTitle';
import { useAction } from '../../components/useAction';
import { useOrgUnits } from '../../components/orgUnits';
import { pick } from '../../i18n';
import { ReportChart } from './ReportChart';
import { ReportTable, type TableMode } from './ReportTable';
import { cellOf } from './cells';
import { WithheldLegend } from './Disclosure';
import { bandsBySeverity, inSeverityOrder, severityFor } from './severity';

/** The routes of the aggregate reports (issue #9). */
export const REPORTS_PREFIX = '/api/v1/reports';
type Params = operations['ReportsController_report']['parameters'];
type Query = NonNullable<Params['query']>;
type ReportName = Params['path']['report'];
type Breakdown = NonNullable<Query['breakdown']>;
/** Totals and composites are in the table; the chart stacks the categories that add up. */
const NOT_STACKED = new Set(['all', 'with_fact', 'above_cutoff', 'below_cutoff', 'missed_deadline']);

/**
 * 数据看板 for union officials: one dashboard at a time (screening, trends, programmes, crisis response, referrals,
 * counselling) for a unit's subtree and a year, broken down by unit, gender, age band or quarter. Small cells come
 * back suppressed and show as 已隐藏, never 0; the chart leaves a gap. CSV and Excel exports carry the same cells.
 */
export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const units = useOrgUnits();
  const thisYear = new Date().getFullYear();
  const [name, setName] = useState<ReportName>('screening');
  const [instrument, setInstrument] = useState('PHQ-9');
  /** `''`: the total's bands; otherwise one banded subscale's (e.g. DASS-21 depression). */
  const [subscale, setSubscale] = useState('');
  /** The banded instruments and their bands (codes in file order, the cut-off's bands), from GET /report-instruments. */
  const instruments = useLoad(() => call(api.GET('/api/v1/report-instruments')), []);
  const chosen = instruments.data?.find((i) => i.code === instrument);
  const banding = subscale ? chosen?.subscales.find((s) => s.code === subscale) : chosen;
  const [mode, setMode] = useState<TableMode>('count');
  const [year, setYear] = useState(thisYear);
  const [unitId, setUnitId] = useState<string>();
  const [breakdown, setBreakdown] = useState<Breakdown>('unit');
  const catalogue = useLoad(() => call(api.GET('/api/v1/reports')), []);
  const entry = catalogue.data?.find((c) => c.name === name);
  const needsInstrument = entry?.needsInstrument ?? true;
  const breakdowns = (entry?.breakdowns ?? ['unit', 'gender', 'age_band']) as Breakdown[];
  const chosenBreakdown = breakdowns.includes(breakdown) ? breakdown : breakdowns[0];
  const query: Query = {
    year,
    breakdown: chosenBreakdown,
    ...(unitId ? { unitId } : {}),
    ...(needsInstrument ? { instrument, ...(subscale ? { subscale } : {}) } : {}),
  };
  const report = useLoad(
    () => call(api.GET('/api/v1/reports/{report}', { params: { path: { report: name }, query } })),
    [name, JSON.stringify(query)],
  );
  const severity = severityFor(
    needsInstrument && banding ? bandsBySeverity(banding.bands.map((b) => b.code), banding.positiveBands) : [],
  );
  const [run, busy] = useAction();
  const exportAs = (format: 'csv' | 'xlsx') => {
    // The file's headers and row labels in the page's language: the same words the table shows.
    const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
    const params = new URLSearchParams(Object.entries({ ...query, format, lang }).map(([k, v]) => [k, String(v)]));
    // api: GET /api/v1/reports/{report}/export
    void run(
      () =>
        downloadFile(`${REPORTS_PREFIX}/${name}/export?${params.toString()}`, `${name}-${year}.${format}`),
      t('official.exported'),
    );
  };
  if (!hasRoutesUnder(REPORTS_PREFIX))
    return (
      <>
        <PageTitle title={t('nav.official.dashboard')} />
        <Alert
          type="info"
          showIcon
          role="status"
          title={t('official.soonTitle')}
          description={t('official.soonText')}
        />
      </>
    );

  return (
    <>
      <PageTitle
        title={t('nav.official.dashboard')}
        subtitle={t('official.intro')}
        extra={
          <Flex gap={8} wrap>
            <Button icon={<DownloadOutlined />} loading={busy} onClick={() => exportAs('csv')}>
              {t('official.exportCsv')}
            </Button>
            <Button icon={<DownloadOutlined />} loading={busy} onClick={() => exportAs('xlsx')}>
              {t('official.exportXlsx')}
            </Button>
          </Flex>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center" role="search">
          <Select<ReportName>
            aria-label={t('official.report')}
            style={{ minWidth: 180 }}
            value={name}
            onChange={setName}
            loading={catalogue.loading}
            options={(catalogue.data ?? []).map((c) => ({
              value: c.name as ReportName,
              label: pick(c.title, lang),
            }))}
          />
          {needsInstrument ? (
            <Select<string>
              aria-label={t('official.instrument')}
              style={{ minWidth: 140 }}
              // The library grows with every file an admin loads: find one by typing its name or code.
              showSearch={{ optionFilterProp: 'label' }}
              value={instrument}
              onChange={(code) => {
                setInstrument(code);
                const next = instruments.data?.find((i) => i.code === code);
                setSubscale(next && next.bands.length === 0 ? (next.subscales[0]?.code ?? '') : '');
              }}
              loading={instruments.loading}
              options={(instruments.data ?? []).map((i) => ({ value: i.code, label: pick(i.name, lang) }))}
            />
          ) : null}
          {needsInstrument && chosen && chosen.subscales.length > 0 ? (
            <Select<string>
              aria-label={t('official.subscale')}
              style={{ minWidth: 140 }}
              value={subscale}
              onChange={setSubscale}
              options={[
                ...(chosen.bands.length > 0 ? [{ value: '', label: t('official.totalScore') }] : []),
                ...chosen.subscales.map((s) => ({ value: s.code, label: pick(s.name, lang) })),
              ]}
            />
          ) : null}
          <Select<number>
            aria-label={t('official.year')}
            value={year}
            onChange={setYear}
            options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({
              value: y,
              label: t('official.yearLabel', { year: y }),
            }))}
          />
          <TreeSelect
            aria-label={t('official.unitFilter')}
            placeholder={t('official.unitFilter')}
            treeData={units.tree}
            value={unitId}
            onChange={setUnitId}
            allowClear
            treeDefaultExpandAll
            style={{ minWidth: 220 }}
          />
          <Segmented<Breakdown>
            aria-label={t('official.breakdown')}
            value={chosenBreakdown}
            onChange={setBreakdown}
            options={breakdowns.map((b) => ({ value: b, label: t(`official.breakdowns.${b}`) }))}
          />
        </Flex>
      </Card>
      <Loaded state={report}>
        {(r) => {
          const columns = inSeverityOrder(r.columns, severity);
          const cells = r.rows.flatMap((row) => columns.map((c) => cellOf(row, c.code)));
          const allHidden = cells.length > 0 && cells.every((c) => !c || c.suppressed);
          const reasons = [...new Set(cells.filter((c) => c?.suppressed).map((c) => c!.reason))];
          return (
          <Flex vertical gap={16}>
            {allHidden ? (
              <Alert type="info" showIcon role="status" title={t('official.allHiddenTitle')} description={t('official.allHiddenText')} />
            ) : null}
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{pick(r.title, lang)}</h2>}>
              <ReportChart report={r} columns={columns.filter((c) => !NOT_STACKED.has(c.code))} severity={severity} />
            </Card>
            <Card
              title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('official.table')}</h2>}
              extra={
                <Segmented<TableMode>
                  aria-label={t('official.table')}
                  value={mode}
                  onChange={setMode}
                  options={[
                    { value: 'count', label: t('official.viewCounts') },
                    { value: 'share', label: t('official.viewShares') },
                  ]}
                />
              }
            >
              <ReportTable report={r} columns={columns} mode={mode} />
              <WithheldLegend reasons={reasons} k={r.minCellSize} />
              {mode === 'share' ? <Typography.Paragraph type="secondary">{t('official.shareNote')}</Typography.Paragraph> : null}
              {r.notes.map((n) => (
                <Typography.Paragraph key={n.zh} type="secondary">
                  {pick(n, lang)}
                </Typography.Paragraph>
              ))}
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                {t('official.generated', { at: formatDateTime(r.generatedAt, lang) })}
              </Typography.Paragraph>
            </Card>
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('official.privacyTitle')}</h2>}>
              <Typography.Paragraph style={{ marginBottom: 0 }}>{t('official.privacy')}</Typography.Paragraph>
            </Card>
          </Flex>
          );
        }}
      </Loaded>
    </>
  );
}

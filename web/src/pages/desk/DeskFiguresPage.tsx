import { Card, DatePicker, Flex, Table, TreeSelect, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Schemas } from '../../api/types';
import { formatDate } from '../../components/dates';
import { Loaded } from '../../components/Loaded';
import { PageTitle } from '../../components/PageTitle';
import { AggregateValue, withheldReason } from '../../components/Suppressed';
import { useOrgUnits } from '../../components/orgUnits';

type Figures = Schemas['FiguresDto'];
type Row = Schemas['FiguresRowDto'];
type Count = Schemas['PublishedCountDto'];
const COUNTS = ['requests', 'answered', 'resolved', 'overdue', 'forwarded', 'reopened', 'rated'] as const;
const TOTAL_KEY = 'total';

/**
 * 服务台统计: requests, answering and resolving times, overdue, forwards, reopenings and satisfaction by unit, as the
 * API publishes them. For officials the counts are perturbed and small cells withheld: a withheld cell reads 已隐藏
 * with its reason (the dashboard's cell), never 0, and the page says how the numbers are protected.
 */
export default function DeskFiguresPage() {
  const { t } = useTranslation();
  const units = useOrgUnits();
  const [unitId, setUnitId] = useState<string>();
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const from = period?.[0]?.startOf('day').toISOString();
  // The last day picked is included: the API's `to` is exclusive.
  const to = period?.[1]?.add(1, 'day').startOf('day').toISOString();
  const query = { ...(unitId ? { unitId } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const figures = useLoad(() => call(api.GET('/api/v1/desk/figures', { params: { query } })), [JSON.stringify(query)]);

  return (
    <>
      <PageTitle title={t('deskAdmin.nav.figures')} subtitle={t('deskAdmin.figures.intro')} />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center" role="search">
          <TreeSelect
            aria-label={t('deskAdmin.figures.unit')}
            placeholder={t('deskAdmin.figures.unit')}
            treeData={units.tree}
            value={unitId}
            onChange={setUnitId}
            allowClear
            treeDefaultExpandAll
            style={{ minWidth: 220 }}
          />
          <DatePicker.RangePicker
            aria-label={t('deskAdmin.figures.period')}
            value={period}
            onChange={(v) => setPeriod(v)}
          />
        </Flex>
      </Card>
      <Loaded state={figures}>{(f) => <FiguresTable figures={f} />}</Loaded>
    </>
  );
}

function FiguresTable({ figures: f }: { figures: Figures }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const k = f.disclosure?.minCellSize ?? f.minCell ?? undefined;
  const count = (c: Count) => <AggregateValue value={c.value} suppressed={c.suppressed} reason={c.reason} k={k} />;
  const measure = (v: number | null) => (v === null ? t('deskAdmin.figures.none') : String(Math.round(v * 10) / 10));
  const rows = [...f.rows, f.total];
  const reasons = [...new Set(rows.flatMap((r) => COUNTS.map((c) => r[c])).filter((c) => c.suppressed).map((c) => c.reason))];
  return (
    <Card
      title={
        <h2 style={{ fontSize: 16, margin: 0 }}>
          {formatDate(f.from, lang)} – {formatDate(new Date(new Date(f.to).getTime() - 1), lang)}
        </h2>
      }
    >
      <Table<Row>
        size="small"
        rowKey={(r) => (r === f.total ? TOTAL_KEY : `${r.unitId}-${r.scope}`)}
        pagination={false}
        scroll={{ x: 1200 }}
        dataSource={rows}
        rowClassName={(r) => (r === f.total ? 'row-total' : '')}
        columns={[
          {
            title: t('deskAdmin.figures.unitCol'),
            key: 'unit',
            fixed: 'left',
            width: 200,
            render: (_, r) =>
              r === f.total ? (
                <strong>{t('deskAdmin.figures.total')}</strong>
              ) : (
                <>
                  {r.unitName}
                  <Typography.Text type="secondary"> · {t(`deskAdmin.figures.scope.${r.scope}`)}</Typography.Text>
                </>
              ),
          },
          ...COUNTS.map((c) => ({
            title: t(`deskAdmin.figures.${c}`),
            key: c,
            align: 'right' as const,
            render: (_: unknown, r: Row) => count(r[c]),
          })),
          { title: t('deskAdmin.figures.medianAnswer'), key: 'ma', align: 'right', render: (_, r) => measure(r.medianAnswerMinutes) },
          { title: t('deskAdmin.figures.medianResolve'), key: 'mr', align: 'right', render: (_, r) => measure(r.medianResolveHours) },
          { title: t('deskAdmin.figures.satisfaction'), key: 's', align: 'right', render: (_, r) => measure(r.meanSatisfaction) },
        ]}
      />
      {reasons.length > 0 ? (
        <Typography.Paragraph style={{ marginTop: 12 }} data-testid="withheld-reasons">
          {t('official.reasonLegend')}
          {reasons.map((reason) => (
            <span key={String(reason)}>
              {' '}
              {t('official.suppressed')} = {withheldReason(t, reason, k)}
            </span>
          ))}
        </Typography.Paragraph>
      ) : null}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {f.disclosure
          ? t('deskAdmin.figures.protected', { maxError: f.disclosure.maxError, k: f.disclosure.minCellSize })
          : t('deskAdmin.figures.exact')}
      </Typography.Paragraph>
    </Card>
  );
}

import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/types';
import { AggregateValue } from '../../components/Suppressed';
import { pick } from '../../i18n';
import { cellOf } from './cells';

type Row = Schemas['ReportRowDto'];
export type TableMode = 'count' | 'share';

/** Share of the row's total, one decimal, from published counts only; null when either is withheld. */
export function shareOf(row: Row, code: string): number | null {
  const cell = cellOf(row, code);
  const all = cellOf(row, 'all');
  if (!cell || !all || cell.suppressed || all.suppressed || cell.count === null || !all.count) return null;
  return Math.round((cell.count / all.count) * 1000) / 10;
}

/**
 * Every cell of the report, the total last, with the page's headers (the API's labels, which the exports use too);
 * a withheld cell reads 已隐藏 with the API's reason (never 0). In `share` mode each cell is its share of the row.
 */
export function ReportTable({
  report,
  columns,
  mode,
}: {
  report: Schemas['ReportDto'];
  columns: Schemas['ReportColumnDto'][];
  mode: TableMode;
}) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Table<Row>
      size="small"
      rowKey="key"
      pagination={false}
      scroll={{ x: 160 + 110 * columns.length }}
      dataSource={[...report.rows, report.total]}
      rowClassName={(r) => (r.key === report.total.key ? 'row-total' : '')}
      columns={[
        {
          title: pick(report.breakdownLabel, lang),
          key: 'label',
          fixed: 'left',
          render: (_, r) =>
            r.key === report.total.key ? <strong>{pick(r.label, lang)}</strong> : pick(r.label, lang),
        },
        ...columns.map((c) => ({
          title: pick(c.label, lang),
          key: c.code,
          align: 'right' as const,
          render: (_: unknown, r: Row) => {
            const cell = cellOf(r, c.code);
            if (!cell) return '—';
            if (mode === 'share' && c.code !== 'all' && !cell.suppressed) {
              const share = shareOf(r, c.code);
              return share === null ? '—' : `${share}%`;
            }
            return <AggregateValue value={cell.count} suppressed={cell.suppressed} reason={cell.reason} k={report.minCellSize} />;
          },
        })),
      ]}
    />
  );
}

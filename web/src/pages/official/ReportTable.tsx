import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/types';
import { AggregateValue } from '../../components/Suppressed';
import { pick } from '../../i18n';
import { cellOf } from './cells';

type Row = Schemas['ReportRowDto'];

/** Every cell of the report, the total last; a suppressed cell reads 已隐藏 (never 0). */
export function ReportTable({
  report,
  labelOf,
}: {
  report: Schemas['ReportDto'];
  labelOf: (column: Schemas['ReportColumnDto']) => string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Table<Row>
      size="small"
      rowKey="key"
      pagination={false}
      scroll={{ x: 160 + 110 * report.columns.length }}
      dataSource={[...report.rows, report.total]}
      rowClassName={(r) => (r.key === report.total.key ? 'row-total' : '')}
      columns={[
        {
          title: t(`official.breakdowns.${report.breakdown}`),
          key: 'label',
          fixed: 'left',
          render: (_, r) =>
            r.key === report.total.key ? <strong>{pick(r.label, lang)}</strong> : pick(r.label, lang),
        },
        ...report.columns.map((c) => ({
          title: labelOf(c),
          key: c.code,
          align: 'right' as const,
          render: (_: unknown, r: Row) => {
            const cell = cellOf(r, c.code);
            return cell ? <AggregateValue value={cell.count} suppressed={cell.suppressed} /> : '—';
          },
        })),
      ]}
    />
  );
}

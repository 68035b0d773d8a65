import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/types';
import { pick } from '../../i18n';
import { cellOf } from './cells';
import type { Severity } from './severity';

type Report = Schemas['ReportDto'];

/**
 * The report's leaf categories per breakdown row as stacked bars, in severity order and coloured by severity (one
 * definition: ./severity.ts). A suppressed cell has no bar (a gap, never 0); the table beside it is the accessible
 * version and says 已隐藏 and why.
 */
export function ReportChart({
  report,
  columns,
  severity,
}: {
  report: Report;
  columns: Schemas['ReportColumnDto'][];
  severity: Severity;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const data = report.rows.map((row) => ({
    name: pick(row.label, lang),
    ...Object.fromEntries(
      columns.map((c) => [
        c.code,
        cellOf(row, c.code)?.suppressed ? null : (cellOf(row, c.code)?.count ?? null),
      ]),
    ),
  }));
  const hidden = report.rows.reduce(
    (n, row) => n + columns.filter((c) => cellOf(row, c.code)?.suppressed).length,
    0,
  );
  return (
    <figure style={{ margin: 0 }}>
      <div aria-hidden style={{ width: '100%', height: Math.max(240, 48 * data.length + 80) }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            accessibilityLayer={false}
            data={data}
            layout="vertical"
            margin={{ top: 8, right: 16, bottom: 0, left: 8 }}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="#d9d9d9" />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: '#444' }} />
            <YAxis type="category" dataKey="name" width={110} tick={{ fontSize: 12, fill: '#444' }} />
            <Tooltip />
            <Legend />
            {columns.map((c) => (
              <Bar
                key={c.code}
                dataKey={c.code}
                name={pick(c.label, lang)}
                stackId="a"
                fill={severity.colour(c.code)}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{t('official.chartCaption', { count: hidden })}</figcaption>
    </figure>
  );
}

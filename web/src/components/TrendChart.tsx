import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { CHART_COLOURS } from '../theme';
import { formatDate, formatShortDate } from './dates';

export interface TrendPoint {
  at: string;
  value: number | null;
  /** Drawn in red (a crisis result, for staff). */
  flagged?: boolean;
}

interface DotProps {
  cx?: number;
  cy?: number;
  index?: number;
  payload?: { flagged?: boolean };
}

/**
 * Scores over time (one instrument), with the same points as text for screen readers. `range` is the scale's
 * [min, max] so a small change does not look dramatic.
 */
export function TrendChart({
  points,
  range,
  label,
}: {
  points: readonly TrendPoint[];
  range?: readonly number[];
  label: string;
}) {
  const { t, i18n } = useTranslation();
  const data = points.map((p) => ({
    date: formatShortDate(p.at, i18n.language),
    full: formatDate(p.at, i18n.language),
    value: p.value,
    flagged: p.flagged ?? false,
  }));
  const described = data.map((d) => `${d.full}: ${d.value ?? '—'}`).join('; ');
  const renderDot = ({ cx, cy, index, payload }: DotProps) => (
    <circle
      key={`dot-${index ?? 0}`}
      cx={cx}
      cy={cy}
      r={payload?.flagged ? 6 : 4}
      fill={payload?.flagged ? '#c41d1d' : CHART_COLOURS[0]}
      stroke="#fff"
      strokeWidth={1}
    />
  );
  return (
    <figure style={{ margin: 0 }}>
      <div aria-hidden style={{ width: '100%', height: 220 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            accessibilityLayer={false}
            data={data}
            margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="#d9d9d9" />
            <XAxis dataKey="date" tick={{ fontSize: 12, fill: '#444' }} />
            <YAxis
              width={36}
              allowDecimals={false}
              domain={range && range.length === 2 ? [range[0], range[1]] : ['auto', 'auto']}
              tick={{ fontSize: 12, fill: '#444' }}
            />
            <Tooltip />
            <Line
              type="monotone"
              dataKey="value"
              name={label}
              stroke={CHART_COLOURS[0]}
              strokeWidth={2}
              dot={renderDot}
              isAnimationActive={false}
              connectNulls
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{t('chart.described', { label, points: described })}</figcaption>
    </figure>
  );
}

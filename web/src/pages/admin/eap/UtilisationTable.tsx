import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Schemas } from '../../../api/types';
import { formatDate } from '../../../components/dates';
import { AggregateValue } from '../../../components/Suppressed';
import { WithheldLegend } from '../../official/Disclosure';

type Row = Schemas['ContractUtilisationDto'];
type Field = keyof Row & keyof typeof FORMATS;
const percent = (v: number) => `${Math.round(v * 1000) / 10}%`;
const yuan = (cents: number) => (cents / 100).toFixed(2);
const plain = (v: number) => String(v);
/** The published figures, in the order of the CSV, and how each reads. */
const FORMATS = {
  referralsSent: plain,
  accepted: plain,
  declined: plain,
  acceptanceRate: percent,
  open: plain,
  completed: plain,
  droppedOut: plain,
  withdrawn: plain,
  completionRate: percent,
  sessionsUsed: plain,
  sessionsQuota: plain,
  sessionsRemaining: plain,
  sessionsBeyondQuota: plain,
  quotaUsedRate: percent,
  daysToFirstSessionMedian: plain,
  daysToFirstSessionMean: plain,
  pricePerSessionCents: yuan,
  costCents: yuan,
} satisfies Partial<Record<keyof Row, (v: number) => string>>;
const FIELDS = Object.keys(FORMATS) as Field[];

/**
 * One figure: a withheld one reads 已隐藏 with the API's reason, exactly as on the officials' dashboard (the same
 * component); a figure with nothing to measure (no decided referral yet) reads —.
 */
function Figure({ row, field }: { row: Row; field: Field }) {
  const withheld = row.withheld.find((w) => w.field === field);
  const value = row[field] as number | null;
  if (withheld) return <AggregateValue value={null} suppressed reason={withheld.reason} k={row.disclosure?.minCellSize} />;
  return <>{value === null ? '—' : FORMATS[field](value)}</>;
}

/** Utilisation per contract, with the reasons for hidden figures under the table. */
export function UtilisationTable({ rows, unitNames, linkContracts }: { rows: Row[]; unitNames: Map<string, string>; linkContracts: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <>
      <Table<Row>
        rowKey="contractId"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 420 + 110 * FIELDS.length }}
        locale={{ emptyText: t('eapAdmin.utilisation.none') }}
        columns={[
          {
            title: t('contracts.reference'),
            key: 'reference',
            fixed: 'left',
            render: (_, r) => (linkContracts ? <Link to={`/admin/contracts/${r.contractId}`}>{r.reference}</Link> : r.reference),
          },
          { title: t('eap.vendor'), dataIndex: 'vendorName' },
          { title: t('contracts.unit'), key: 'unit', render: (_, r) => unitNames.get(r.orgUnitId) ?? '' },
          { title: t('contracts.period'), key: 'period', render: (_, r) => `${formatDate(r.startsOn, lang)} – ${formatDate(r.endsOn, lang)}` },
          ...FIELDS.map((field) => ({
            title: t(`eapAdmin.utilisation.fields.${field}`),
            key: field,
            align: 'right' as const,
            render: (_: unknown, r: Row) => <Figure row={r} field={field} />,
          })),
        ]}
      />
      <WithheldLegend reasons={rows.flatMap((r) => r.withheld.map((w) => w.reason))} k={rows.find((r) => r.disclosure)?.disclosure?.minCellSize} />
    </>
  );
}

import { disclosureOf, MAX_ERROR } from '../../platform/reporting/cell-key.js';
import type { Cube } from './domain/cube.js';
import { CATEGORY_LABELS, DIMENSION_LABELS, type Breakdown, type Label, type MeasureDefinition, type ReportName } from './domain/report-definitions.js';
import type { ReportCellDto, ReportColumnDto, ReportDto, ReportRowDto } from './dto/report.dto.js';
import type { ReportQueryDto } from './dto/report-query.dto.js';
import type { UnitTree } from './services/report-scope.js';

export const REPORT_TITLES: Record<ReportName, Label> = {
  screening: { zh: '心理健康筛查参与与分级分布', en: 'Screening participation and band distribution' },
  trends: { zh: '筛查结果季度趋势', en: 'Screening results by quarter' },
  programmes: { zh: '关爱项目参与情况', en: 'Care programme participation' },
  crisis: { zh: '心理危机个案与响应时限达标', en: 'Crisis cases and response-time compliance' },
  referrals: { zh: '心理疾病转介完成情况', en: 'Referral completion' },
  counselling: { zh: '心理咨询服务使用', en: 'Counselling use' },
  eap: { zh: 'EAP 转介完成情况', en: 'EAP referral completion' },
  service_desk: { zh: '职工服务热线与网上诉求办理', en: 'Service desk requests' },
};

const WITH_FACT_LABELS: Record<ReportName, Label> = {
  screening: { zh: '已筛查', en: 'Screened' },
  trends: { zh: '已筛查', en: 'Screened' },
  programmes: { zh: '受邀参加关爱项目', en: 'Invited to a programme' },
  crisis: { zh: '有危机个案', en: 'With a crisis case' },
  referrals: { zh: '已转介', en: 'Referred' },
  counselling: { zh: '使用心理咨询', en: 'Used counselling' },
  eap: { zh: '已转介 EAP', en: 'Referred to EAP' },
  service_desk: { zh: '提出诉求', en: 'Made a request' },
};

/** The header of the breakdown column, on the page and in the exports. */
export const BREAKDOWN_LABELS: Record<Breakdown, Label> = {
  unit: { zh: '单位', en: 'Unit' },
  gender: { zh: '性别', en: 'Gender' },
  age_band: { zh: '年龄段', en: 'Age band' },
  quarter: { zh: '季度', en: 'Quarter' },
};

export function columnLabel(report: ReportName, code: string): Label {
  if (code === 'with_fact') return WITH_FACT_LABELS[report];
  return CATEGORY_LABELS[code] ?? { zh: code, en: code };
}

export interface ReportView {
  name: ReportName;
  cube: Cube;
  tree: UnitTree;
  measure: MeasureDefinition;
  query: ReportQueryDto;
  year: number;
  breakdown: Breakdown;
  k: number;
  bandOrder: string[];
  generatedAt: Date;
  columnLabel: (report: ReportName, code: string) => Label;
}

const WITHHELD: ReportCellDto = { count: null, suppressed: true, exact: false, reason: 'fewer_than_k' };

/** Reads the requested slice of the suppressed cube: one row per breakdown value, one cell per category. */
export function toReportDto(view: ReportView): ReportDto {
  const { cube, tree, query, breakdown } = view;
  const categoryValues = cube.dimensions[cube.dimensions.length - 1].values.map((v) => v.code);
  const order = ['all', view.measure.none ?? '', 'with_fact', 'above_cutoff', 'below_cutoff', 'missed_deadline', 'ran_overdue', ...view.bandOrder, ...view.measure.leaves];
  const columns: ReportColumnDto[] = [...new Set(order)]
    .filter((code) => categoryValues.includes(code))
    .map((code) => ({ code, label: view.columnLabel(view.name, code) }));
  const fixed: Record<string, string> = {
    unit: tree.targetCode(),
    gender: query.gender ?? 'all',
    age_band: query.ageBand ?? 'all',
    quarter: query.quarter ?? 'all',
    ...(query.subgroup ? { subgroup: 'yes' } : {}),
  };
  const dimensionName = breakdown;
  const rowOf = (key: string, label: Label, at: Record<string, string>): ReportRowDto => {
    const reachable = Object.entries(at).every(([dim, code]) => !cube.dimensions.some((d) => d.name === dim) || cube.has(dim, code));
    return {
      key,
      label,
      cells: Object.fromEntries(columns.map((c) => [c.code, reachable ? cube.cell({ ...at, category: c.code }) : WITHHELD])),
    };
  };
  let rows: ReportRowDto[];
  if (dimensionName === 'unit') {
    rows = tree
      .breakdownRows()
      .filter((r) => cube.has('unit', r.code))
      .map((r) => rowOf(r.code, r.direct ? { zh: `${r.unit.name}（本级）`, en: `${r.unit.name} (own staff)` } : { zh: r.unit.name, en: r.unit.name }, { ...fixed, unit: r.code }));
  } else {
    const filtered = fixed[dimensionName] !== 'all' ? [fixed[dimensionName]] : null;
    const values = cube.dimensions.find((d) => d.name === dimensionName)?.values.filter((v) => !v.members).map((v) => v.code) ?? [];
    rows = (filtered ?? values).map((code) => rowOf(code, DIMENSION_LABELS[code] ?? { zh: code, en: code }, { ...fixed, [dimensionName]: code }));
  }
  return {
    report: view.name,
    title: REPORT_TITLES[view.name],
    minCellSize: view.k,
    disclosure: disclosureOf(view.k),
    year: view.year,
    unitId: tree.target.id,
    filters: {
      gender: query.gender ?? null,
      ageBand: query.ageBand ?? null,
      quarter: query.quarter ?? null,
      subgroup: query.subgroup ?? null,
      instrument: query.instrument ?? null,
    },
    breakdown,
    breakdownLabel: BREAKDOWN_LABELS[breakdown],
    columns,
    rows,
    total: rowOf('total', { zh: '合计', en: 'Total' }, fixed),
    notes: [
      {
        zh: `为保护个人隐私，每个数字都加入了固定的微小扰动（通常在 ±2 以内，最多 ±${MAX_ERROR}），同一问题始终得到同一答案，相减也推算不出确切人数；少于 ${view.k} 人的格子不予显示（已隐藏）。每位职工按其本年度最近一次记录计入。`,
        en: `To protect privacy every number carries a small fixed perturbation (usually within ±2, never more than ±${MAX_ERROR}): the same question always gets the same answer, and subtracting figures gives no exact count. Cells of fewer than ${view.k} workers are withheld. Each worker counts once, by their latest record of the year.`,
      },
    ],
    generatedAt: view.generatedAt.toISOString(),
  };
}

import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CrisisReportFacts } from '../../../individual/crisis/services/crisis-report-facts.js';
import { ReferralReportFacts } from '../../../individual/referrals/services/referral-report-facts.js';
import { AssessmentReportFacts } from '../../../population/assessments/assessment-report-facts.js';
import { InstrumentLibrary } from '../../../population/assessments/instrument-library.service.js';
import { CounsellingReportFacts } from '../../../population/counselling/services/counselling-report-facts.js';
import { EapReportFacts } from '../../../eap/referrals-out/eap-report-facts.js';
import { DeskReportFacts } from '../../../service-desk/figures/desk-report-facts.js';
import { ProgrammeReportFacts } from '../../../subgroups/programmes/services/programme-report-facts.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import type { AppConfig } from '../../../platform/config/app-config.js';
import type { SqlFragment } from '../../../platform/database/sql-fragment.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { badRequest } from '../../../platform/errors/domain-error.js';
import { Cube, type Dimension } from '../domain/cube.js';
import {
  AGE_BANDS,
  BREAKDOWNS,
  categoryDimension,
  FIXED_MEASURES,
  QUARTERS,
  REPORT_GENDERS,
  REPORT_NAMES,
  bandsBySeverity,
  screeningMeasure,
  type Breakdown,
  type Label,
  type MeasureDefinition,
  type ReportName,
} from '../domain/report-definitions.js';
import type { ReportCatalogueEntryDto, ReportDto } from '../dto/report.dto.js';
import type { ReportQueryDto } from '../dto/report-query.dto.js';
import { columnLabel, REPORT_TITLES, toReportDto } from '../report-mapper.js';
import { countCells } from './report-aggregates.js';
import { countFacts } from './report-counts.js';
import { UnitTree } from './report-scope.js';

/**
 * The dashboards (GET /reports/:report): for the actor's subtree and a year, workers counted by unit, gender, age band,
 * subgroup and the measure's categories, from the pre-aggregated counts (report-aggregates.ts: population and
 * screening counts kept per unit and subtree) and each module's facts (the module owns the SQL over its tables). Counts are published through one suppressed cube per
 * request (domain/cube.ts, platform/reporting/suppression.ts with k = REPORTING_MIN_CELL): every filter and breakdown
 * is a slice of it. The same answer for officials, supervisors and admins: aggregates only, never a row per person.
 */
@Injectable()
export class ReportsService {
  private readonly k: number;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly library: InstrumentLibrary,
    private readonly assessments: AssessmentReportFacts,
    private readonly crisis: CrisisReportFacts,
    private readonly referrals: ReferralReportFacts,
    private readonly counselling: CounsellingReportFacts,
    private readonly programmes: ProgrammeReportFacts,
    private readonly eap: EapReportFacts,
    private readonly desk: DeskReportFacts,
  ) {
    this.k = config.get('REPORTING_MIN_CELL', { infer: true });
  }

  catalogue(): ReportCatalogueEntryDto[] {
    return REPORT_NAMES.map((name) => ({
      name,
      title: REPORT_TITLES[name],
      breakdowns: BREAKDOWNS.filter((b) => b !== 'quarter' || name === 'trends'),
      needsInstrument: name === 'screening' || name === 'trends',
    }));
  }

  async report(actor: Actor, name: ReportName, query: ReportQueryDto): Promise<ReportDto> {
    const dto = await this.build(actor, name, query);
    await this.audit.recordRead(actor, { action: 'report.read', resourceType: 'report', resourceId: name, detail: auditDetail(dto) });
    return dto;
  }

  /**
   * The dashboard, unaudited: the caller records the read or the export. `from: 'facts'` counts by a pass over every
   * worker and their facts instead of the pre-aggregated counts (the tests' reference: both must publish the same).
   */
  build(actor: Actor, name: ReportName, query: ReportQueryDto, from: 'aggregates' | 'facts' = 'aggregates'): Promise<ReportDto> {
    const year = query.year ?? this.clock.now().getUTCFullYear();
    const breakdown: Breakdown = query.breakdown ?? (name === 'trends' ? 'quarter' : 'unit');
    const { measure, facts, counted, bandOrder, bandLabels } = this.measureFor(name, query, year);
    if (breakdown === 'quarter' && !measure.quarters) throw badRequest('REPORT_BREAKDOWN', '此报表不按季度细分', 'This dashboard has no quarterly breakdown');
    if (query.quarter && !measure.quarters) throw badRequest('REPORT_QUARTER', '只有趋势报表可按季度筛选', 'Only the trends dashboard filters by quarter');
    return this.transactions.read(async (manager) => {
      const tree = await UnitTree.load(manager, actor, query.unitId);
      const members = query.subgroup ? this.programmes.subgroupMembers(query.subgroup) : null;
      const request = { tree, facts, measure, year, members, counted };
      const rows = from === 'facts' ? await countFacts(manager, request) : await countCells(manager, request);
      const cube = new Cube(this.dimensions(tree, measure, !!members), rows).suppress(this.k);
      const label = (report: ReportName, code: string) => bandLabels[code] ?? columnLabel(report, code);
      return toReportDto({ name, cube, tree, measure, query, year, breakdown, k: this.k, bandOrder, generatedAt: this.clock.now(), columnLabel: label });
    });
  }

  private measureFor(
    name: ReportName,
    query: ReportQueryDto,
    year: number,
  ): { measure: MeasureDefinition; facts: SqlFragment; counted: string | null; bandOrder: string[]; bandLabels: Record<string, Label> } {
    const period = { from: new Date(Date.UTC(year, 0, 1)), to: new Date(Date.UTC(year + 1, 0, 1)), now: this.clock.now() };
    if (name === 'screening' || name === 'trends') {
      const banding = query.instrument ? this.library.bandingOf(query.instrument, query.subscale) : undefined;
      if (!banding) {
        throw badRequest('REPORT_INSTRUMENT', '请指定有分级的量表（如 PHQ-9）或其有分级的分量表', 'Name an instrument with bands (e.g. PHQ-9), or one of its banded subscales');
      }
      const bands = bandsBySeverity(banding.bands.map((b) => b.code), banding.positiveBands);
      const bandLabels = Object.fromEntries(banding.bands.map((b) => [b.code, { zh: b.label.zh, en: b.label.en }]));
      const facts = this.assessments.screening(banding.instrumentCode, period, query.subscale);
      // Bands of the instrument itself are pre-aggregated (assessment_counts); a subscale's are counted from the facts.
      const counted = query.subscale ? null : banding.instrumentCode;
      return { measure: screeningMeasure(bands, banding.positiveBands, name === 'trends'), facts, counted, bandOrder: bands, bandLabels };
    }
    const facts = {
      crisis: () => this.crisis.facts(period),
      referrals: () => this.referrals.facts(period),
      counselling: () => this.counselling.facts(period),
      programmes: () => this.programmes.facts(period),
      eap: () => this.eap.facts(period),
      service_desk: () => this.desk.facts(period),
    }[name]();
    return { measure: FIXED_MEASURES[name], facts, counted: null, bandOrder: [], bandLabels: {} };
  }

  /**
   * The cube's dimensions: fixed grids. Every unit bucket, gender, age band, quarter and category is always there,
   * withheld when it counts fewer than k: leaving out a value nobody has would publish that zero exactly.
   */
  private dimensions(tree: UnitTree, measure: MeasureDefinition, withMembers: boolean): Dimension[] {
    const flat = (name: string, leaves: readonly string[]): Dimension => ({ name, values: [...leaves.map((code) => ({ code })), { code: 'all', members: [...leaves] }] });
    const dims: Dimension[] = [tree.dimension(), flat('gender', REPORT_GENDERS), flat('age_band', AGE_BANDS)];
    if (measure.quarters) dims.push(flat('quarter', QUARTERS));
    if (withMembers) dims.push(flat('subgroup', ['yes', 'no']));
    dims.push(categoryDimension(measure));
    return dims;
  }
}

function auditDetail(dto: ReportDto): Record<string, unknown> {
  return { unitId: dto.unitId, year: dto.year, breakdown: dto.breakdown, filters: dto.filters };
}

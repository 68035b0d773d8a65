import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource, type EntityManager } from 'typeorm';
import { ConfigurationError, type AppConfig } from '../../platform/config/app-config.js';
import { notFound } from '../../platform/errors/domain-error.js';
import { AssessmentErrors } from './assessment-errors.js';
import type { InstrumentDto, InstrumentSummaryDto, ReportInstrumentDto } from './dto/instrument.dto.js';
import { InstrumentVersion } from './entities/instrument-version.entity.js';
import { parseCrisisRuleOverrides } from './instruments/crisis-config.js';
import { SHIPPED_INSTRUMENTS } from './instruments/shipped-library.js';
import type { Band, CrisisRule, Cutoff, InstrumentDefinition } from './instruments/instrument.types.js';
import { positiveBands, validateCrisisRules } from './instruments/validate-instrument.js';
import { toInstrumentDto, toInstrumentSummaryDto, toReportInstrumentDto } from './instrument-mapper.js';

/** How often each instance re-reads the published versions (another instance may have published or retired one). */
const REFRESH_MS = 15_000;

const compareVersions = (a: string, b: string) => {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

/**
 * The instrument library in force: the shipped files (validated, examples run, when the module loads) and the
 * versions admins published (instrument_versions), the newest published version of each code being current; the
 * crisis rules per instrument (the file's, or ASSESSMENT_CRISIS_RULES for a shipped code). Every reader — scoring,
 * the record, reports, incident re-screening, the dashboards' instrument list — asks here, so a new file appears in
 * all of them with no code change.
 */
@Injectable()
export class InstrumentLibrary implements OnApplicationBootstrap, OnModuleDestroy {
  private current = new Map<string, InstrumentDefinition>();
  /** Every version known (shipped, published, retired), for results scored with an older one. */
  private versions = new Map<string, InstrumentDefinition>();
  private readonly overrides = new Map<string, CrisisRule[]>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly dataSource: DataSource,
  ) {
    const problems: string[] = [];
    this.rebuild([]);
    const overrides = parseCrisisRuleOverrides(config.get('ASSESSMENT_CRISIS_RULES', { infer: true }) ?? '');
    problems.push(...overrides.problems);
    for (const [code, rules] of overrides.rules) {
      const def = this.current.get(code);
      if (!def) {
        problems.push(`ASSESSMENT_CRISIS_RULES names an unknown instrument: ${code}`);
        continue;
      }
      problems.push(...validateCrisisRules(def, rules));
      this.overrides.set(code, rules);
    }
    if (problems.length > 0) {
      throw new ConfigurationError(`量表库无效 / Invalid instrument library:\n  ${problems.join('\n  ')}`);
    }
    if (overrides.rules.size > 0) {
      new Logger(InstrumentLibrary.name).log(`crisis rules configured for ${[...overrides.rules.keys()].join(', ')}`);
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    const logger = new Logger(InstrumentLibrary.name);
    // Tools that start the app on an unmigrated database (migration generation) get the shipped files only.
    await this.refresh(this.dataSource.manager).catch((error: Error) => logger.warn(`published instruments not read: ${error.message}`));
    this.timer = setInterval(() => void this.refresh(this.dataSource.manager).catch((error: Error) => logger.warn(`instrument refresh failed: ${error.message}`)), REFRESH_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Re-reads the admins' versions (after a publish or retire here, and every REFRESH_MS for other instances). */
  async refresh(manager: EntityManager): Promise<void> {
    this.rebuild(await manager.find(InstrumentVersion, { where: [{ status: 'published' }, { status: 'retired' }] }));
  }

  private rebuild(rows: readonly InstrumentVersion[]): void {
    const key = (code: string, version: string) => `${code}@${version}`;
    const retired = new Set(rows.filter((r) => r.status === 'retired').map((r) => key(r.code, r.version)));
    const published = [
      ...SHIPPED_INSTRUMENTS.filter((f) => !retired.has(key(f.code, f.version))),
      ...rows.filter((r) => r.status === 'published').map((r) => r.definition),
    ];
    const versions = new Map<string, InstrumentDefinition>();
    for (const def of [...SHIPPED_INSTRUMENTS, ...rows.map((r) => r.definition)]) versions.set(key(def.code, def.version), def);
    const current = new Map<string, InstrumentDefinition>();
    for (const def of published) {
      const held = current.get(def.code);
      if (!held || compareVersions(def.version, held.version) > 0) current.set(def.code, def);
    }
    // Shipped order first, then the admins' instruments by code.
    const order = [...SHIPPED_INSTRUMENTS.map((f) => f.code), ...[...current.keys()].sort()];
    this.current = new Map([...current.entries()].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
    this.versions = versions;
  }

  list(): InstrumentSummaryDto[] {
    return [...this.current.values()].map(toInstrumentSummaryDto);
  }

  /** GET /instruments/{code}: 404 for an unknown code. */
  describe(code: string): InstrumentDto {
    const def = this.current.get(code);
    if (!def) throw notFound('Instrument', '该量表');
    return toInstrumentDto(def, this.crisisRulesOf(code));
  }

  /** For submissions: 400 UNKNOWN_INSTRUMENT for an unknown (or retired) code. */
  require(code: string): InstrumentDefinition {
    const def = this.current.get(code);
    if (!def) throw AssessmentErrors.unknownInstrument(code);
    return def;
  }

  /** The current version of a code; undefined when none is published. */
  find(code: string): InstrumentDefinition | undefined {
    return this.current.get(code);
  }

  /** The version a result was scored with (falls back to the current one). */
  findVersion(code: string, version: string): InstrumentDefinition | undefined {
    return this.versions.get(`${code}@${version}`) ?? this.current.get(code);
  }

  crisisRulesOf(code: string): readonly CrisisRule[] {
    return this.overrides.get(code) ?? this.current.get(code)?.crisisRules ?? [];
  }

  /** Display order of the library (the record lists instruments in it). */
  order(code: string): number {
    return [...this.current.keys()].indexOf(code);
  }

  /** The clinical cut-off of each instrument's total (incident re-screening; the reports use `bandingOf`). */
  cutoffs(): Map<string, Cutoff> {
    return new Map([...this.current.values()].filter((d) => d.cutoff).map((d) => [d.code, d.cutoff!]));
  }

  /** The bands a report counts for an instrument, or for one of its subscales, and which are beyond the cut-off. */
  bandingOf(code: string, subscale?: string): { instrumentCode: string; bands: Band[]; positiveBands: string[] } | undefined {
    const def = this.current.get(code);
    if (!def) return undefined;
    if (!subscale) {
      return def.bands.length > 0 ? { instrumentCode: code, bands: def.bands, positiveBands: positiveBands(def.cutoff, def.bands).map((b) => b.code) } : undefined;
    }
    const s = def.subscales.find((x) => x.code === subscale);
    const bands = s ? (s.bands ?? def.subscaleBands ?? []) : [];
    return bands.length > 0 ? { instrumentCode: code, bands, positiveBands: positiveBands(s!.cutoff, bands).map((b) => b.code) } : undefined;
  }

  /** The banded instruments (and banded subscales) with their band labels, for the officials' dashboards. */
  reportInstruments(): ReportInstrumentDto[] {
    return [...this.current.values()]
      .map((def) => toReportInstrumentDto(def, (code, subscale) => this.bandingOf(code, subscale)))
      .filter((dto) => dto.bands.length > 0 || dto.subscales.length > 0);
  }
}

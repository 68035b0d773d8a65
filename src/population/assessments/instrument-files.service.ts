import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Clock } from '../../platform/clock/clock.js';
import { Transactions } from '../../platform/database/transactions.js';
import { badRequest, conflict, notFound } from '../../platform/errors/domain-error.js';
import type { InstrumentFileCheckDto, InstrumentVersionDetailDto, InstrumentVersionDto, SampleScoreDto } from './dto/instrument-file.dto.js';
import { InstrumentVersion } from './entities/instrument-version.entity.js';
import { InstrumentLibrary } from './instrument-library.service.js';
import { toInstrumentDto } from './instrument-mapper.js';
import { isKnownProprietary, licenceProblems } from './instruments/instrument-licence.js';
import type { InstrumentFile } from './instruments/instrument.types.js';
import { parseInstrumentFile } from './instruments/parse-instrument-file.js';
import { SHIPPED_INSTRUMENTS } from './instruments/shipped-library.js';
import type { InstrumentProblem } from './instruments/validate-instrument.js';
import { firedRules, mostUrgent } from './scoring/crisis.js';
import { checkAnswers, score } from './scoring/score.js';
import { AssessmentErrors } from './assessment-errors.js';

const fileInvalid = (problems: InstrumentProblem[]) =>
  badRequest('INSTRUMENT_FILE_INVALID', `量表文件有 ${problems.length} 处问题：${problems[0]?.message ?? ''}`, `The instrument file has ${problems.length} problem(s): ${problems[0]?.message ?? ''}`, { problems });

/**
 * Admins' side of the library: check a file (format, meaning, golden examples, licence) and preview the worker's view,
 * load it as a draft, try sample answers, publish a version (refused without the union's licence where one is
 * needed), retire one. Every change is audited in its transaction and the library re-reads the versions after it.
 */
@Injectable()
export class InstrumentFilesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly library: InstrumentLibrary,
  ) {}

  check(file: unknown): InstrumentFileCheckDto {
    const parsed = parseInstrumentFile(file);
    if (!parsed.ok) return { ok: false, problems: parsed.problems, licenceProblems: [], preview: null };
    return { ok: true, problems: [], licenceProblems: this.licenceOf(parsed.file), preview: toInstrumentDto(parsed.file, parsed.file.crisisRules) };
  }

  /** Loads a file as a draft (or replaces a draft of the same code and version): 400 naming every problem. */
  upload(actor: Actor, file: unknown): Promise<InstrumentVersionDetailDto> {
    const parsed = parseInstrumentFile(file);
    if (!parsed.ok) throw fileInvalid(parsed.problems);
    const def = parsed.file;
    if (isKnownProprietary(def) && !def.licence.agreement) throw fileInvalid(this.licenceOf(def));
    return this.transactions.run(async (manager) => {
      if (SHIPPED_INSTRUMENTS.some((f) => f.code === def.code && f.version === def.version)) throw this.versionTaken(def);
      const existing = await manager.findOne(InstrumentVersion, { where: { code: def.code, version: def.version } });
      if (existing && existing.status !== 'draft') throw this.versionTaken(def);
      const row = existing ?? manager.create(InstrumentVersion, { code: def.code, version: def.version, shipped: false, createdBy: actor.userId, createdAt: this.clock.now() });
      Object.assign(row, { status: 'draft', definition: def, publishedAt: null, publishedBy: null, retiredAt: null, retiredBy: null });
      await manager.save(row);
      await this.audit.record(manager, actor, { action: 'instrument.upload', resourceType: 'instrument_version', resourceId: row.id, detail: { code: def.code, version: def.version } });
      return this.detail(row);
    });
  }

  async list(manager: EntityManager): Promise<InstrumentVersionDto[]> {
    const rows = await manager.find(InstrumentVersion, { order: { code: 'ASC', createdAt: 'ASC' } });
    const retiredShipped = new Map(rows.filter((r) => r.shipped).map((r) => [`${r.code}@${r.version}`, r]));
    const shipped = SHIPPED_INSTRUMENTS.map((f) => retiredShipped.get(`${f.code}@${f.version}`) ?? this.shippedRow(f));
    return [...shipped, ...rows.filter((r) => !r.shipped)].map((r) => this.summary(r));
  }

  listAll(): Promise<InstrumentVersionDto[]> {
    return this.transactions.run((manager) => this.list(manager));
  }

  get(code: string, version: string): Promise<InstrumentVersionDetailDto> {
    return this.transactions.run(async (manager) => this.detail(await this.requireVersion(manager, code, version)));
  }

  /** Scores sample answers with a version (draft or published) without storing anything. */
  trySample(code: string, version: string, answers: unknown): Promise<SampleScoreDto> {
    return this.transactions.run(async (manager) => {
      const def = (await this.requireVersion(manager, code, version)).definition;
      const checked = checkAnswers(def, answers);
      if (!checked.ok) throw AssessmentErrors.answers(def.code, checked.problem);
      const scored = score(def, checked.values);
      const fired = firedRules(def.crisisRules, checked.values, scored.totalScore);
      const { totalScore, percentScore, band, subscales, subscaleBands } = scored;
      return { totalScore, percentScore, band, subscales, subscaleBands, crisisLevel: mostUrgent(fired), triggers: fired.map((f) => ({ rule: f.code, level: f.level })) };
    });
  }

  publish(actor: Actor, code: string, version: string): Promise<InstrumentVersionDetailDto> {
    return this.transactions.run(async (manager) => {
      const row = await this.requireVersion(manager, code, version);
      if (row.shipped || row.status !== 'draft') {
        throw conflict('INSTRUMENT_NOT_DRAFT', `只能发布草稿（该版本为：${row.status}）`, `Only a draft can be published (this version is ${row.status})`);
      }
      const problems = this.licenceOf(row.definition);
      if (problems.length > 0) {
        throw badRequest('INSTRUMENT_LICENCE_REQUIRED', `未记录工会的授权，不能发布：${problems[0].message}`, `Cannot publish without the union's licence: ${problems[0].message}`, { problems });
      }
      Object.assign(row, { status: 'published', publishedAt: this.clock.now(), publishedBy: actor.userId });
      await manager.save(row);
      await this.audit.record(manager, actor, { action: 'instrument.publish', resourceType: 'instrument_version', resourceId: row.id, detail: { code, version } });
      await this.library.refresh(manager);
      return this.detail(row);
    });
  }

  /** Retires a published (or shipped) version: workers no longer take it; its results keep it. */
  retire(actor: Actor, code: string, version: string): Promise<InstrumentVersionDetailDto> {
    return this.transactions.run(async (manager) => {
      let row = await this.requireVersion(manager, code, version);
      if (row.status === 'retired') throw conflict('INSTRUMENT_RETIRED', '该版本已停用', 'This version is already retired');
      if (!row.id) row = manager.create(InstrumentVersion, { ...row, createdBy: actor.userId, createdAt: this.clock.now() }); // a shipped file
      Object.assign(row, { status: 'retired', retiredAt: this.clock.now(), retiredBy: actor.userId });
      await manager.save(row);
      await this.audit.record(manager, actor, { action: 'instrument.retire', resourceType: 'instrument_version', resourceId: row.id, detail: { code, version } });
      await this.library.refresh(manager);
      return this.detail(row);
    });
  }

  private async requireVersion(manager: EntityManager, code: string, version: string): Promise<InstrumentVersion> {
    const row = await manager.findOne(InstrumentVersion, { where: { code, version } });
    if (row) return row;
    const shipped = SHIPPED_INSTRUMENTS.find((f) => f.code === code && f.version === version);
    if (!shipped) throw notFound('Instrument version', '该量表版本');
    return this.shippedRow(shipped);
  }

  /** A shipped file as an (unsaved) published row. */
  private shippedRow(file: InstrumentFile): InstrumentVersion {
    return Object.assign(new InstrumentVersion(), {
      code: file.code,
      version: file.version,
      status: 'published',
      shipped: true,
      definition: file,
      createdAt: null,
      publishedAt: null,
      publishedBy: null,
      retiredAt: null,
      retiredBy: null,
    });
  }

  private licenceOf(def: InstrumentFile): InstrumentProblem[] {
    return licenceProblems(def, this.clock.now().toISOString().slice(0, 10));
  }

  private versionTaken(def: InstrumentFile) {
    return conflict('INSTRUMENT_VERSION_EXISTS', `${def.code} ${def.version} 已存在且不是草稿：请提高版本号`, `${def.code} ${def.version} exists and is not a draft: bump the version`);
  }

  private summary(row: InstrumentVersion): InstrumentVersionDto {
    const current = this.library.find(row.code);
    return {
      code: row.code,
      version: row.version,
      name: row.definition.name,
      status: row.status,
      origin: row.shipped ? 'shipped' : 'uploaded',
      current: row.status === 'published' && current?.version === row.version,
      licencePermission: row.definition.licence.permission,
      createdAt: row.createdAt?.toISOString() ?? null,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      retiredAt: row.retiredAt?.toISOString() ?? null,
    };
  }

  private detail(row: InstrumentVersion): InstrumentVersionDetailDto {
    return { ...this.summary(row), file: row.definition as unknown as Record<string, unknown>, licenceProblems: this.licenceOf(row.definition) };
  }
}

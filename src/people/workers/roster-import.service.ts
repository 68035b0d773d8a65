import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parse } from 'csv-parse/sync';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Clock } from '../../platform/clock/clock.js';
import { Transactions } from '../../platform/database/transactions.js';
import { badRequest } from '../../platform/errors/domain-error.js';
import { DomainEvents } from '../../platform/jobs/domain-events.js';
import { AccessScope } from '../access/access-scope.service.js';
import { CreateWorkerDto, type ImportResultDto } from './worker.dto.js';
import { Worker } from './worker.entity.js';
import { WORKER_PROFILE_CHANGED } from './worker-events.js';
import { WorkersService } from './workers.service.js';
import { PopulationCounts } from './population-counts.js';

export interface RowProblem {
  row: number;
  field: string;
  message: string;
}

const COLUMNS = ['name', 'orgUnitId', 'employeeNo', 'gender', 'birthYear', 'phone', 'email', 'jobTitle', 'cadreLevel', 'specialPost', 'employmentStatus'];
const MAX_ROWS = 50_000;
const INSERT_CHUNK = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Bulk roster import from CSV (header row with the column names above; `orgUnitId` may be left out when the
 * request names a default unit). All rows valid or nothing written; problems come back per row and field. A dry run
 * checks exactly as the import does and writes nothing, so a person sees every row error before anything is written.
 */
@Injectable()
export class RosterImportService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly workers: WorkersService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly counts: PopulationCounts,
  ) {}

  async import(actor: Actor, csv: Buffer | string, defaultUnitId?: string, dryRun = false): Promise<ImportResultDto> {
    const records = this.parse(csv);
    const problems: RowProblem[] = [];
    const inputs: CreateWorkerDto[] = [];
    records.forEach((record, index) => {
      const row = index + 2; // header is row 1
      const unknown = Object.keys(record).filter((key) => !COLUMNS.includes(key));
      for (const field of unknown) problems.push({ row, field, message: '未知列 / unknown column' });
      const raw = Object.fromEntries(Object.entries(record).filter(([, value]) => value !== ''));
      const input = plainToInstance(CreateWorkerDto, { orgUnitId: defaultUnitId, ...raw });
      for (const error of validateSync(input, { whitelist: true })) {
        problems.push({ row, field: error.property, message: Object.values(error.constraints ?? {}).join('; ') });
      }
      inputs.push(input);
    });
    this.duplicateNumbers(inputs).forEach((row) => problems.push({ row, field: 'employeeNo', message: '文件内工号重复 / duplicate employee number in file' }));
    // Every problem at once, the database's included, so one check shows the whole list.
    await this.transactions.read((manager) => this.checkAgainstDatabase(manager, actor, inputs, problems));
    if (problems.length > 0) throw this.invalid(problems);
    if (dryRun) return { imported: 0, dryRun: true, valid: inputs.length };

    return this.transactions.run(async (manager) => {
      await this.checkAgainstDatabase(manager, actor, inputs, problems);
      if (problems.length > 0) throw this.invalid(problems);
      const now = this.clock.now();
      const rows = inputs.map((input) => manager.create(Worker, { ...this.workers.defaults(), ...input, name: input.name.trim(), createdAt: now }));
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) await manager.save(rows.slice(i, i + INSERT_CHUNK));
      await this.counts.created(manager, rows.map((w) => w.id));
      await this.audit.record(manager, actor, { action: 'worker.import', resourceType: 'worker', detail: { imported: rows.length } });
      for (const worker of rows) {
        await this.events.publish(manager, WORKER_PROFILE_CHANGED, { workerId: worker.id, changed: ['orgUnitId'], created: true });
      }
      return { imported: rows.length };
    });
  }

  private parse(csv: Buffer | string): Record<string, string>[] {
    try {
      const records = parse<Record<string, string>>(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true });
      if (records.length === 0) throw badRequest('IMPORT_EMPTY', '文件中没有数据行', 'The file has no data rows');
      if (records.length > MAX_ROWS) throw badRequest('IMPORT_TOO_LARGE', `每次最多导入 ${MAX_ROWS} 行`, `At most ${MAX_ROWS} rows per import`);
      return records;
    } catch (error) {
      if (error instanceof Error && 'code' in error && String((error as { code: unknown }).code).startsWith('CSV_')) {
        throw badRequest('IMPORT_MALFORMED_CSV', `CSV 格式有误：${error.message}`, `Malformed CSV: ${error.message}`);
      }
      throw error;
    }
  }

  /** Units outside the caller's scope and employee numbers already taken (checked again inside the write). */
  private async checkAgainstDatabase(manager: EntityManager, actor: Actor, inputs: CreateWorkerDto[], problems: RowProblem[]): Promise<void> {
    const units = new Set(inputs.map((input) => input.orgUnitId).filter((id) => typeof id === 'string' && UUID.test(id)));
    for (const unitId of units) {
      await this.scope.requireUnit(manager, actor, unitId).catch(() => {
        inputs.forEach((input, i) => input.orgUnitId === unitId && problems.push({ row: i + 2, field: 'orgUnitId', message: '单位不存在或不在您的范围内 / unit not found in your scope' }));
      });
    }
    await this.existingNumbers(manager, inputs, problems);
  }

  private duplicateNumbers(inputs: CreateWorkerDto[]): number[] {
    const seen = new Map<string, number>();
    const rows: number[] = [];
    inputs.forEach((input, i) => {
      if (!input.employeeNo) return;
      const key = `${input.orgUnitId}|${input.employeeNo}`;
      if (seen.has(key)) rows.push(i + 2);
      else seen.set(key, i + 2);
    });
    return rows;
  }

  private async existingNumbers(manager: EntityManager, inputs: CreateWorkerDto[], problems: RowProblem[]) {
    const numbered = inputs.map((input, i) => ({ input, row: i + 2 })).filter(({ input }) => input.employeeNo);
    for (let i = 0; i < numbered.length; i += 500) {
      const chunk = numbered.slice(i, i + 500);
      const existing = await manager
        .getRepository(Worker)
        .createQueryBuilder('w')
        .select(['w.orgUnitId', 'w.employeeNo'])
        .where('w.employee_no IN (:...numbers)', { numbers: chunk.map(({ input }) => input.employeeNo) })
        .getMany();
      const taken = new Set(existing.map((w) => `${w.orgUnitId}|${w.employeeNo}`));
      for (const { input, row } of chunk) {
        if (taken.has(`${input.orgUnitId}|${input.employeeNo}`)) problems.push({ row, field: 'employeeNo', message: '工号已存在 / employee number already exists' });
      }
    }
  }

  private invalid(problems: RowProblem[]) {
    return badRequest('IMPORT_INVALID', `导入失败：${problems.length} 处错误，未写入任何数据`, `Import refused: ${problems.length} problem(s), nothing was written`, {
      errors: problems.sort((a, b) => a.row - b.row).slice(0, 1000),
    });
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { SYSTEM_ACTOR, type Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import type { AppConfig } from '../config/app-config.js';
import { param } from '../database/db-time.js';
import { Transactions } from '../database/transactions.js';
import { conflict } from '../errors/domain-error.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { Metrics } from '../metrics/metrics.service.js';
import { encryptedColumns, type EncryptedColumn } from './encrypted-columns.js';
import { FieldCipher } from './field-cipher.js';

export const REENCRYPT_JOB = 'ops.reencrypt';

export interface RotationStep {
  rotationId: string;
  keyId: string;
  step: number;
  rewritten: number;
  startedAt: string;
  startedBy: string;
}

export interface RotationColumnStatus {
  table: string;
  column: string;
  /** Values written under a key other than the current one. */
  remaining: number;
}

export interface KeyRotationStatus {
  currentKeyId: string;
  retiredKeyIds: string[];
  running: boolean;
  /** The rotation in progress (or null): rows rewritten so far, since when, by whom. */
  progress: { rotationId: string; step: number; rewritten: number; startedAt: string } | null;
  remaining: number;
  columns: RotationColumnStatus[];
  /** True when no stored value needs a retired key: DATA_KEYS_RETIRED can be emptied. */
  retiredKeysRemovable: boolean;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Re-encrypts every value written under a retired data key, in batches through the job queue: each step rewrites
 * up to KEY_ROTATION_BATCH values and enqueues the next step in the same transaction, so the work survives restarts
 * (a step that died is claimed again; values already rewritten no longer match), runs on one instance at a time,
 * and never overwrites a value changed meanwhile (each UPDATE compares the old ciphertext).
 */
@Injectable()
export class KeyRotation implements OnModuleInit {
  private readonly logger = new Logger(KeyRotation.name);
  private readonly retiredKeyIds: string[];

  constructor(
    private readonly cipher: FieldCipher,
    private readonly queue: JobQueue,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly metrics: Metrics,
    private readonly config: ConfigService<AppConfig, true>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.retiredKeyIds = cipher.retiredKeyIds;
  }

  onModuleInit(): void {
    this.queue.register(REENCRYPT_JOB, (payload, _job, manager) => this.step(manager!, payload as unknown as RotationStep), { transactional: true });
    this.metrics.gauge('xingang_key_rotation_rewritten', 'Values re-encrypted by the rotation in progress / 密钥轮换已重加密的值', [], async (set) => {
      const step = await this.inFlight();
      if (step) set({}, step.rewritten);
    });
    this.metrics.gauge('xingang_key_rotation_running', 'Whether a data-key rotation is in progress (1) / 是否正在轮换数据密钥', [], async (set) => set({}, (await this.inFlight()) ? 1 : 0));
  }

  get columns(): EncryptedColumn[] {
    return encryptedColumns(this.dataSource);
  }

  /** Starts a rotation to the current key; refused while one is running. */
  async start(actor: Actor): Promise<KeyRotationStatus> {
    await this.transactions.run(async (manager) => {
      if (await this.inFlight(manager)) throw conflict('KEY_ROTATION_RUNNING', '密钥轮换正在进行', 'A key rotation is already running');
      const step: RotationStep = { rotationId: randomUUID(), keyId: this.cipher.currentKeyId, step: 0, rewritten: 0, startedAt: new Date().toISOString(), startedBy: actor.userId };
      await this.enqueueStep(manager, step);
      await this.audit.record(manager, actor, { action: 'key_rotation.start', resourceType: 'data_key', resourceId: null, detail: { keyId: step.keyId, rotationId: step.rotationId } });
    });
    return this.status();
  }

  /** Counts every column's values not under the current key (a scan: an administrator's question, not a probe). */
  async status(): Promise<KeyRotationStatus> {
    const columns = await this.transactions.read(async (manager) => {
      const result: RotationColumnStatus[] = [];
      for (const c of this.columns) {
        const [row] = await manager.query<Array<{ n: number | string }>>(
          `SELECT COUNT(*) AS n FROM ${quote(c.table)} WHERE ${quote(c.column)} LIKE 'enc:%' AND ${quote(c.column)} NOT LIKE ${param(1)}`,
          [`enc:v1:${this.cipher.currentKeyId}:%`],
        );
        result.push({ table: c.table, column: c.column, remaining: Number(row.n) });
      }
      return result;
    });
    const step = await this.inFlight();
    const remaining = columns.reduce((sum, c) => sum + c.remaining, 0);
    return {
      currentKeyId: this.cipher.currentKeyId,
      retiredKeyIds: this.retiredKeyIds,
      running: step !== null,
      progress: step ? { rotationId: step.rotationId, step: step.step, rewritten: step.rewritten, startedAt: step.startedAt } : null,
      remaining,
      columns,
      retiredKeysRemovable: remaining === 0,
    };
  }

  /** One batch across the columns, in order; then the next step, or the end of the rotation. */
  private async step(manager: EntityManager, step: RotationStep): Promise<void> {
    if (step.keyId !== this.cipher.currentKeyId) {
      this.logger.warn(`rotation ${step.rotationId} was to key ${step.keyId}, this instance writes ${this.cipher.currentKeyId}: stopped`);
      return;
    }
    let budget = this.config.get('KEY_ROTATION_BATCH', { infer: true });
    let rewritten = 0;
    for (const column of this.columns) {
      if (budget === 0) break;
      const n = await this.rewrite(manager, column, budget);
      rewritten += n;
      budget -= n;
    }
    const next = { ...step, step: step.step + 1, rewritten: step.rewritten + rewritten };
    if (rewritten > 0) return this.enqueueStep(manager, next);
    await this.audit.record(manager, SYSTEM_ACTOR, {
      action: 'key_rotation.finished',
      resourceType: 'data_key',
      detail: { keyId: step.keyId, rotationId: step.rotationId, rewritten: next.rewritten, retiredKeyIds: this.retiredKeyIds },
    });
    this.logger.log(
      `数据密钥轮换完成，已重加密 ${next.rewritten} 个值；可从 DATA_KEYS_RETIRED 删除旧密钥 ${this.retiredKeyIds.join(', ') || '-'} / ` +
        `Key rotation finished: ${next.rewritten} values re-encrypted; the retired keys (${this.retiredKeyIds.join(', ') || 'none'}) can now be removed from DATA_KEYS_RETIRED`,
    );
  }

  private async rewrite(manager: EntityManager, c: EncryptedColumn, limit: number): Promise<number> {
    const keys = c.primaryKey.map(quote);
    const rows = await manager.query<Array<Record<string, string>>>(
      `SELECT ${keys.join(', ')}, ${quote(c.column)} AS value FROM ${quote(c.table)}
        WHERE ${quote(c.column)} LIKE 'enc:%' AND ${quote(c.column)} NOT LIKE ${param(1)} LIMIT ${Number(limit)}`,
      [`enc:v1:${this.cipher.currentKeyId}:%`],
    );
    for (const row of rows) {
      const value = this.cipher.encrypt(this.cipher.decrypt(row.value));
      const where = c.primaryKey.map((k, i) => `${quote(k)} = ${param(i + 2)}`).join(' AND ');
      await manager.query(`UPDATE ${quote(c.table)} SET ${quote(c.column)} = ${param(1)} WHERE ${where} AND ${quote(c.column)} = ${param(c.primaryKey.length + 2)}`, [
        value,
        ...c.primaryKey.map((k) => row[k]),
        row.value,
      ]);
    }
    return rows.length;
  }

  private enqueueStep(manager: EntityManager, step: RotationStep): Promise<void> {
    return this.queue.enqueue(manager, REENCRYPT_JOB, { ...step }, { dedupeKey: `${REENCRYPT_JOB}:${step.rotationId}:${step.step}`, maxAttempts: 5 });
  }

  /** The pending or running step of a rotation, read through idx_jobs_due (status first). */
  private async inFlight(manager?: EntityManager): Promise<RotationStep | null> {
    const read = async (m: EntityManager) => {
      const rows = await m.query<Array<{ payload: unknown }>>(`SELECT payload FROM jobs WHERE status IN ('pending', 'running') AND type = ${param(1)} LIMIT 1`, [REENCRYPT_JOB]);
      if (rows.length === 0) return null;
      const payload = rows[0].payload;
      return (typeof payload === 'string' ? JSON.parse(payload) : payload) as RotationStep;
    };
    return manager ? read(manager) : this.transactions.read(read);
  }
}

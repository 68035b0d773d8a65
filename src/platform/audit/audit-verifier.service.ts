import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { Clock } from '../clock/clock.js';
import { Transactions } from '../database/transactions.js';
import { findChainBreak, GENESIS_HASH, rowMac, type StoredAuditRow } from './audit-chain.js';
import { checkpointStatus, signCheckpoint, type Checkpoint } from './audit-checkpoints.js';
import { AuditKeyring } from './audit-keyring.js';
import { AuditEvent } from './audit-event.entity.js';
import { AuditSequencer, readHead } from './audit-sequencer.service.js';
import type { AuditVerificationDto } from './audit.dto.js';

export interface VerifyOptions {
  /** Start from the newest checkpoint that matches instead of the first row (rows before it were verified before). */
  incremental?: boolean;
  /**
   * Verifying a database just restored from a backup: checkpoints of a longer chain are the rows written after the
   * backup, lost with the restore (reported, not a failure); a `restore` statement then records the new head.
   */
  restored?: boolean;
}

type Result = AuditVerificationDto;

const PAGE = 5000;

/**
 * Verifies the audit log: every row against its MAC, the chain's links without gaps, and the chain against every
 * signed checkpoint in the sink, so a truncation (the newest rows deleted) shows as a checkpoint the chain no
 * longer reaches. Answers the first failure: a row by its seq, or a checkpoint by its size and time.
 */
@Injectable()
export class AuditVerifier {
  private readonly keys: AuditKeyring;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly transactions: Transactions,
    private readonly sequencer: AuditSequencer,
    private readonly clock: Clock,
  ) {
    this.keys = AuditKeyring.fromConfig(config);
  }

  async verify(options: VerifyOptions = {}): Promise<Result> {
    // Link what has committed first, so the answer covers it (not after a restore: the backup is checked as it is).
    if (!options.restored) await this.sequencer.run({ checkpoint: true });
    const statements = await this.sequencer.sink.readAll();
    const result = await this.transactions.read((manager) => this.check(manager, statements, options));
    if (options.restored && result.intact) {
      const head = await this.transactions.read((m) => readHead(m));
      await this.sequencer.sink.append(signCheckpoint(this.keys.current, { kind: 'restore', size: head.index, head: head.hash, at: this.clock.now().toISOString() }));
    }
    return result;
  }

  private async check(manager: EntityManager, lines: Awaited<ReturnType<AuditSequencer['sink']['readAll']>>, options: VerifyOptions): Promise<Result> {
    const result: Result = { intact: true, rows: 0, pending: 0, brokenAt: null, reason: null, keyId: null, checkpoints: 0, checkpoint: null, lostSinceBackup: 0 };
    const fail = (reason: string, brokenAt: number | null, checkpoint: Checkpoint | null = null, keyId: string | null = null): Result =>
      Object.assign(result, { intact: false, reason, brokenAt, keyId, checkpoint: checkpoint && { size: checkpoint.size, at: checkpoint.at } });

    // The statements in force: signed, and not superseded by a later restore to a shorter chain. A line that is not
    // (unsigned, or naming a key the ring lacks) is reported after the rows, so a missing key names its first row.
    const active: Checkpoint[] = [];
    let refused: { reason: 'checkpoint_unsigned' | 'unknown_key'; checkpoint: Checkpoint | null } | null = null;
    for (const line of lines) {
      const status = 'checkpoint' in line ? checkpointStatus(this.keys, line.checkpoint) : 'unsigned';
      if (status !== 'signed') {
        refused ??= { reason: status === 'unknown_key' ? 'unknown_key' : 'checkpoint_unsigned', checkpoint: 'checkpoint' in line ? line.checkpoint : null };
        continue;
      }
      const statement = (line as { checkpoint: Checkpoint }).checkpoint;
      if (statement.kind === 'restore') {
        for (let i = active.length - 1; i >= 0; i--) if (active[i].size > statement.size) active.splice(i, 1);
      }
      active.push(statement);
    }

    const head = await readHead(manager);
    let start = { index: 0, hash: GENESIS_HASH };
    let anchor = 0;
    if (options.incremental) {
      const anchors = active.filter((c) => c.size <= head.index).sort((a, b) => b.size - a.size);
      for (const candidate of anchors) {
        if ((await hashAt(manager, [candidate.size])).get(candidate.size) === candidate.head) {
          start = { index: candidate.size, hash: candidate.head };
          anchor = candidate.size;
          break;
        }
      }
    }

    // The chain, page by page from the start.
    for (;;) {
      const page = await manager
        .getRepository(AuditEvent)
        .createQueryBuilder('a')
        .where('a.chain_index > :after', { after: start.index })
        .orderBy('a.chain_index', 'ASC')
        .limit(PAGE)
        .getMany();
      if (page.length === 0) break;
      const broken = findChainBreak(this.keys, page as StoredAuditRow[], start);
      if (broken) return fail(broken.reason, broken.seq, null, broken.keyId ?? null);
      result.rows += page.length;
      const last = page[page.length - 1];
      start = { index: Number(last.chainIndex), hash: last.hash! };
    }

    // Rows not yet linked: each against its own MAC.
    for (let after = 0; ; ) {
      const page = await manager
        .getRepository(AuditEvent)
        .createQueryBuilder('a')
        .where('a.chain_index IS NULL AND a.seq > :after', { after })
        .orderBy('a.seq', 'ASC')
        .limit(PAGE)
        .getMany();
      if (page.length === 0) break;
      for (const row of page) {
        const key = this.keys.key(row.keyId);
        if (key === undefined) return fail('unknown_key', row.seq, null, row.keyId);
        if (row.mac === null || rowMac(key, row) !== row.mac) return fail('hash_mismatch', row.seq);
      }
      result.rows += page.length;
      result.pending += page.length;
      after = page[page.length - 1].seq;
    }

    if (refused) return fail(refused.reason, null, refused.checkpoint, refused.reason === 'unknown_key' ? (refused.checkpoint?.keyId ?? null) : null);

    // The chain against the checkpoints: it must reach each one, with the hash it signed.
    const checked = active.filter((c) => c.size >= anchor);
    const reached = checked.filter((c) => c.size <= head.index);
    const hashes = await hashAt(manager, reached.map((c) => c.size));
    for (const checkpoint of checked) {
      if (checkpoint.size > head.index) {
        if (options.restored) {
          result.lostSinceBackup = Math.max(result.lostSinceBackup, checkpoint.size - head.index);
          continue;
        }
        return fail('truncated', null, checkpoint);
      }
      if (hashes.get(checkpoint.size) !== checkpoint.head) return fail('checkpoint_mismatch', null, checkpoint);
      result.checkpoints += 1;
    }
    const newest = reached.at(-1);
    result.checkpoint = newest ? { size: newest.size, at: newest.at } : null;
    return result;
  }
}

/** The stored hash at each chain index asked for. */
async function hashAt(manager: EntityManager, indexes: number[]): Promise<Map<number, string | null>> {
  const found = new Map<number, string | null>();
  const unique = [...new Set(indexes)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await manager
      .getRepository(AuditEvent)
      .createQueryBuilder('a')
      .select(['a.chainIndex', 'a.hash', 'a.seq'])
      .where('a.chain_index IN (:...indexes)', { indexes: unique.slice(i, i + 500) })
      .getMany();
    for (const row of rows) found.set(Number(row.chainIndex), row.hash);
  }
  return found;
}

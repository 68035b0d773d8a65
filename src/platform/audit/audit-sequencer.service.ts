import { resolve } from 'node:path';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { projectRoot } from '../config/load-config.js';
import { DIALECT } from '../database/dialect.js';
import { Transactions } from '../database/transactions.js';
import { GENESIS_HASH, linkHash } from './audit-chain.js';
import { CheckpointSink, signCheckpoint } from './audit-checkpoints.js';
import { AuditKeyring } from './audit-keyring.js';

/** Any constant: the PostgreSQL advisory lock that makes one instance at a time the sequencer. */
const SEQUENCER_LOCK = 7_274_626_002;
const BATCH = 2000;

export interface ChainHead {
  index: number;
  seq: number | null;
  hash: string;
}

/**
 * The single sequencer of the audit chain (Trillian's sequencer): every AUDIT_SEQUENCER_MS, on whichever instance
 * holds the advisory lock (the others skip the round), it links committed rows that have no place in the chain yet,
 * in seq order, after the head, and then writes a signed checkpoint of the new head to the sink outside the
 * database (at most every AUDIT_CHECKPOINT_SECONDS). Business transactions never wait for it: they only insert.
 */
@Injectable()
export class AuditSequencer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditSequencer.name);
  private readonly keys: AuditKeyring;
  /** The key ids this instance found on rows it cannot link, each logged once. */
  private readonly missingKeys = new Set<string>();
  readonly sink: CheckpointSink;
  private running: Promise<number> | null = null;
  private lastCheckpoint = { size: -1, at: 0 };

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly scheduler: SchedulerRegistry,
  ) {
    this.keys = AuditKeyring.fromConfig(config);
    this.sink = new CheckpointSink(resolve(projectRoot(), config.get('AUDIT_CHECKPOINT_DIR', { infer: true })));
  }

  onApplicationBootstrap(): void {
    if (!this.config.get('JOBS_ENABLED', { infer: true })) return;
    const every = this.config.get('AUDIT_SEQUENCER_MS', { infer: true });
    this.scheduler.addInterval('audit-sequencer', setInterval(() => void this.tick(), every));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.scheduler.doesExist('interval', 'audit-sequencer')) this.scheduler.deleteInterval('audit-sequencer');
    await this.running;
  }

  private tick(): void {
    void this.run().catch((error: unknown) =>
      this.logger.error(`audit sequencing failed; retrying next round: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  /**
   * Links every committed unchained row; answers how many this call linked (0 when another instance holds the
   * sequencer's lock). With `checkpoint`, a checkpoint of the head is written even if one was written lately.
   * Overlapping calls in one process share the round in progress.
   */
  run(options: { checkpoint?: boolean } = {}): Promise<number> {
    this.running ??= this.sequenceAll()
      .then(async (linked) => {
        await this.maybeCheckpoint(options.checkpoint ?? false);
        return linked;
      })
      .finally(() => (this.running = null));
    return this.running;
  }

  /** Rows committed and not yet in the chain (the `/metrics` gauge and POST /audit/verify report it). */
  async pending(): Promise<{ count: number; oldest: Date | null }> {
    const [row] = await this.transactions.read((m) =>
      m.query<Array<{ n: number | string; oldest: Date | string | null }>>(
        'SELECT COUNT(*) AS n, MIN(at) AS oldest FROM audit_events WHERE chain_index IS NULL',
      ),
    );
    const oldest = row?.oldest ?? null;
    return { count: Number(row?.n ?? 0), oldest: oldest === null ? null : oldest instanceof Date ? oldest : new Date(`${oldest.replace(' ', 'T')}Z`) };
  }

  async pendingCount(): Promise<number> {
    return (await this.pending()).count;
  }

  private async sequenceAll(): Promise<number> {
    let linked = 0;
    for (;;) {
      const batch = await this.transactions.run((manager) => this.sequenceBatch(manager));
      linked += batch;
      if (batch < BATCH) return linked;
    }
  }

  private async sequenceBatch(manager: EntityManager): Promise<number> {
    if (DIALECT === 'postgres') {
      const [{ leader }] = await manager.query<Array<{ leader: boolean }>>('SELECT pg_try_advisory_xact_lock($1) AS leader', [SEQUENCER_LOCK]);
      if (!leader) return 0;
    }
    const rows = await manager.query<Array<{ seq: string | number; mac: string; key_id: string }>>(
      `SELECT seq, mac, key_id FROM audit_events WHERE chain_index IS NULL ORDER BY seq LIMIT ${BATCH}`,
    );
    if (rows.length === 0) return 0;
    let { index, seq: prevSeq, hash: prevHash } = await readHead(manager);
    // Each row is linked with the key that made its MAC. A row naming a key this instance does not hold (written by
    // an instance already on a newer key, during a rolling rotation) waits for an instance that holds it.
    const links: Link[] = [];
    for (const row of rows) {
      const key = this.keys.key(row.key_id);
      if (key === undefined) {
        this.warnMissingKey(row.key_id, Number(row.seq));
        break;
      }
      const link = { seq: Number(row.seq), index: ++index, prevSeq, prevHash, hash: linkHash(key, prevHash, index, row.mac) };
      links.push(link);
      prevSeq = link.seq;
      prevHash = link.hash;
    }
    if (links.length === 0) return 0;
    await writeLinks(manager, links);
    return links.length; // short when a row waits for its key: sequenceAll stops on a short batch
  }

  private warnMissingKey(id: string, seq: number): void {
    if (this.missingKeys.has(id)) return;
    this.missingKeys.add(id);
    this.logger.warn(
      `审计记录 seq ${seq} 使用本实例没有的密钥 ${id}，留待持有该密钥的实例链接 / Audit row seq ${seq} names key ${id}, which this instance does not hold (AUDIT_KEY, AUDIT_KEYS_RETIRED): left for an instance that holds it`,
    );
  }

  private async maybeCheckpoint(force: boolean): Promise<void> {
    const head = await this.transactions.read((m) => readHead(m));
    if (head.index === 0) return;
    const every = this.config.get('AUDIT_CHECKPOINT_SECONDS', { infer: true }) * 1000;
    if (!force && (head.index === this.lastCheckpoint.size || Date.now() - this.lastCheckpoint.at < every)) return;
    await this.sink.append(signCheckpoint(this.keys.current, { kind: 'checkpoint', size: head.index, head: head.hash, at: this.clock.now().toISOString() }));
    this.lastCheckpoint = { size: head.index, at: Date.now() };
  }
}

/** The chain's newest row (index 0 and the genesis hash for an empty chain). */
export async function readHead(manager: EntityManager): Promise<ChainHead> {
  const [row] = await manager.query<Array<{ chain_index: string | number; seq: string | number; hash: string }>>(
    'SELECT chain_index, seq, hash FROM audit_events WHERE chain_index IS NOT NULL ORDER BY chain_index DESC LIMIT 1',
  );
  return row ? { index: Number(row.chain_index), seq: Number(row.seq), hash: row.hash } : { index: 0, seq: null, hash: GENESIS_HASH };
}

interface Link {
  seq: number;
  index: number;
  prevSeq: number | null;
  prevHash: string;
  hash: string;
}

async function writeLinks(manager: EntityManager, links: Link[]): Promise<void> {
  if (DIALECT === 'postgres') {
    await manager.query(
      `UPDATE audit_events AS a SET chain_index = v.idx, prev_seq = v.prev_seq, prev_hash = v.prev_hash, hash = v.hash
       FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::text[]) AS v(seq, idx, prev_seq, prev_hash, hash)
       WHERE a.seq = v.seq AND a.chain_index IS NULL`,
      [links.map((l) => l.seq), links.map((l) => l.index), links.map((l) => l.prevSeq), links.map((l) => l.prevHash), links.map((l) => l.hash)],
    );
    return;
  }
  // SQLite runs in process: one prepared UPDATE per row costs microseconds.
  for (const l of links) {
    await manager.query('UPDATE audit_events SET chain_index = ?, prev_seq = ?, prev_hash = ?, hash = ? WHERE seq = ? AND chain_index IS NULL', [
      l.index,
      l.prevSeq,
      l.prevHash,
      l.hash,
      l.seq,
    ]);
  }
}

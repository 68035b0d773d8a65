import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import pg from 'pg';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { DIALECT } from '../database/dialect.js';
import { afterCommit } from '../database/transactions.js';
import { Lifecycle } from '../lifecycle/lifecycle.service.js';
import { reaches, type PushClient, type PushMessage } from './push-message.js';

/** The PostgreSQL channel every instance listens on. */
export const PUSH_CHANNEL = 'xingang_push';
/** How long a browser waits before reconnecting when this instance ends its stream (SIGTERM): another instance takes it. */
export const RECONNECT_HINT_MS = 1000;
/** NOTIFY payloads are limited to 8000 bytes; a message that large is sent without its per-user audience split. */
const MAX_PAYLOAD = 7900;

type SignalHandler = (payload: string) => void;

/**
 * Server push to browsers (Server-Sent Events, see PushController), for every module: crisis cases, desk requests,
 * notifications, later secure messaging. A change is published in the transaction that makes it and reaches browsers
 * only once that transaction commits:
 * - PostgreSQL: `pg_notify` inside the transaction (delivered at commit, dropped on rollback), received by one
 *   LISTEN connection per instance, which pushes to its own connected browsers filtered by their scope;
 * - SQLite (one process): after the commit, in-process.
 * Other channels (`signal` / `on`) ride the same connection, e.g. waking every instance's job runner.
 */
@Injectable()
export class PushHub implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(PushHub.name);
  private readonly clients = new Set<PushClient>();
  private readonly handlers = new Map<string, SignalHandler[]>([[PUSH_CHANNEL, [(payload) => this.dispatch(JSON.parse(payload) as PushMessage)]]]);
  private listener: pg.Client | null = null;
  private stopped = false;
  private openedCount = 0;

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly lifecycle: Lifecycle,
  ) {}

  async onModuleInit(): Promise<void> {
    // SIGTERM: every open stream ends with a reconnect hint before the server waits for requests in flight.
    this.lifecycle.onDrain('push', () => this.endAll(RECONNECT_HINT_MS));
    if (DIALECT === 'postgres') await this.listen();
  }

  /** Ends every open stream; browsers reconnect after `retryMs` (to another instance behind the load balancer). */
  endAll(retryMs: number): void {
    for (const client of [...this.clients]) {
      this.clients.delete(client);
      try {
        client.end(retryMs);
      } catch {
        // already gone
      }
    }
  }

  /** Ends any streams left and the listening connection. */
  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.endAll(RECONNECT_HINT_MS);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  /** Publishes a change in the caller's transaction: browsers get it once (and only if) it commits. */
  async publish(manager: EntityManager, message: PushMessage): Promise<void> {
    const payload = JSON.stringify(message);
    if (DIALECT === 'postgres' && payload.length <= MAX_PAYLOAD) {
      await manager.query('SELECT pg_notify($1, $2)', [PUSH_CHANNEL, payload]);
      return;
    }
    // SQLite, or a message too large for NOTIFY: this instance's browsers, after commit.
    afterCommit(manager, () => this.dispatch(message));
  }

  /** The materialised paths of units (for a scoped audience), read in the caller's transaction. */
  async unitPaths(manager: EntityManager, unitIds: Array<string | null | undefined>): Promise<string[]> {
    const ids = [...new Set(unitIds.filter((id): id is string => Boolean(id)))];
    if (ids.length === 0) return [];
    const rows = await manager.createQueryBuilder().select('pu.path', 'path').from('org_units', 'pu').where('pu.id IN (:...ids)', { ids }).getRawMany<{ path: string }>();
    return rows.map((r) => r.path);
  }

  /** The path of a worker's current unit (crisis cases are in scope by it, as AccessScope's per-row form reads them). */
  async workerUnitPaths(manager: EntityManager, workerId: string): Promise<string[]> {
    const rows = await manager
      .createQueryBuilder()
      .select('pu.path', 'path')
      .from('workers', 'pw')
      .innerJoin('org_units', 'pu', 'pu.id = pw.org_unit_id')
      .where('pw.id = :workerId', { workerId })
      .getRawMany<{ path: string }>();
    return rows.map((r) => r.path);
  }

  /** A signal on another channel to every instance after commit (PostgreSQL), or to this one (SQLite). */
  async signal(manager: EntityManager, channel: string, payload = ''): Promise<void> {
    if (DIALECT === 'postgres') await manager.query('SELECT pg_notify($1, $2)', [channel, payload]);
    else afterCommit(manager, () => this.deliver(channel, payload));
  }

  /** Handles signals on a channel (registered at start-up, before the app listens). */
  on(channel: string, handler: SignalHandler): void {
    this.handlers.set(channel, [...(this.handlers.get(channel) ?? []), handler]);
    if (this.listener) void this.listener.query(`LISTEN ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
  }

  /** A browser connects; returns how to disconnect it. A draining instance ends a late stream at once. */
  connect(client: PushClient): () => void {
    if (this.lifecycle.draining) {
      client.end(RECONNECT_HINT_MS);
      return () => undefined;
    }
    this.clients.add(client);
    this.openedCount += 1;
    return () => this.clients.delete(client);
  }

  get connections(): number {
    return this.clients.size;
  }

  /** Streams connected to this instance since it started. */
  get opened(): number {
    return this.openedCount;
  }

  /** How many streams one user has open on this instance (the test hooks count a browser's tabs' streams). */
  connectionsOf(userId: string): number {
    return [...this.clients].filter((client) => client.userId === userId).length;
  }

  dispatch(message: PushMessage): void {
    const event = { topic: message.topic, change: message.change, id: message.id, data: message.data ?? {}, sentAt: Date.now() };
    for (const client of this.clients) {
      if (!reaches(client, message.audience)) continue;
      try {
        client.send(event);
      } catch {
        // a broken stream is cleaned up when its response closes
      }
    }
  }

  private deliver(channel: string, payload: string): void {
    for (const handler of this.handlers.get(channel) ?? []) {
      try {
        handler(payload);
      } catch (error) {
        this.logger.warn(`push signal ${channel} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  /** One LISTEN connection per instance; reconnects after a second when it drops. */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.config.get('DATABASE_URL', { infer: true }) });
    client.on('notification', (n) => this.deliver(n.channel, n.payload ?? ''));
    client.on('error', (error) => this.logger.warn(`push listener: ${error.message}`));
    client.on('end', () => {
      if (this.listener === client) this.listener = null;
      if (!this.stopped) setTimeout(() => void this.listen().catch(() => undefined), 1000).unref();
    });
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      this.listener = client;
    } catch (error) {
      this.logger.warn(`push listener could not connect; retrying: ${error instanceof Error ? error.message : String(error)}`);
      await client.end().catch(() => undefined);
    }
  }
}

import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { setTimeout as sleep } from 'node:timers/promises';
import { IsBoolean, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { Transactions } from '../database/transactions.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { Public } from '../auth/authorize.decorator.js';
import { Clock, ManualClock } from '../clock/clock.js';
import { JobRunner } from '../jobs/job-runner.service.js';
import { AuditSequencer } from '../audit/audit-sequencer.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import { IsInstant } from '../http/validation.js';
import { PushHub } from '../push/push-hub.service.js';
import { Retention, type RetentionOutcome } from '../retention/retention.service.js';

class OutageDto {
  @IsBoolean()
  away: boolean;
}

/** The part of TypeORM's better-sqlite3 driver an outage touches: its one native connection. */
interface SqliteDriver {
  databaseConnection: { open: boolean; close(): void };
  /** Its statements are prepared on the connection: a new connection needs a new runner (as `disconnect()` does). */
  queryRunner?: unknown;
  createDatabaseConnection(): Promise<SqliteDriver['databaseConnection']>;
}

class ClockDto {
  @IsOptional() @IsInt() @Min(0)
  advanceMs?: number;

  @IsOptional() @IsInstant()
  set?: string;
}

class EnqueueDto {
  @IsString()
  type: string;

  @IsOptional() @IsObject()
  payload?: Record<string, unknown>;

  @IsOptional() @IsInt() @Min(1) @Max(1000)
  count?: number;

  /** Due this long before (negative) or after now. */
  @IsOptional() @IsInt()
  runAtOffsetMs?: number;
}

class NotifyDto {
  @IsUUID()
  userId: string;

  @IsString()
  kind: string;
}

class StreamsQueryDto {
  @IsUUID()
  userId: string;
}

class WaitDto {
  @IsInt() @Min(0) @Max(60_000)
  ms: number;
}

/**
 * Only mounted when TEST_HOOKS=true (refused in production by config validation): lets the e2e suite, which runs
 * the real app in a child process, move time and drain the job queue deterministically.
 */
@ApiExcludeController()
@Controller('test')
export class TestHooksController {
  constructor(
    private readonly clock: Clock,
    private readonly runner: JobRunner,
    private readonly queue: JobQueue,
    private readonly transactions: Transactions,
    private readonly notifications: NotificationService,
    private readonly retention: Retention,
    private readonly sequencer: AuditSequencer,
    private readonly hub: PushHub,
  ) {}

  /** The event streams a user has open on this instance (one per browser, whatever its tabs), and all ever opened. */
  @Get('push/streams')
  @Public()
  streams(@Query() query: StreamsQueryDto): { streams: number; opened: number } {
    return { streams: this.hub.connectionsOf(query.userId), opened: this.hub.opened };
  }

  /** A notice of a given kind to one account, as any module would send it: tests the channels without a whole flow. */
  @Post('notify')
  @Public()
  async notify(@Body() input: NotifyDto): Promise<{ sent: true }> {
    await this.transactions.run((manager) =>
      this.notifications.notify(manager, [{ userId: input.userId }], { kind: input.kind, title: '测试通知 / Test notice', body: '测试 / Test' }),
    );
    return { sent: true };
  }

  @Post('clock')
  @HttpCode(200)
  @Public()
  moveClock(@Body() input: ClockDto): { now: string } {
    const clock = this.clock as ManualClock;
    if (input.set) clock.set(new Date(input.set));
    if (input.advanceMs) clock.advance(input.advanceMs);
    return { now: clock.now().toISOString() };
  }

  @Post('jobs/run')
  @HttpCode(200)
  @Public()
  async runJobs(): Promise<{ ran: number }> {
    return { ran: await this.runner.runDue() };
  }

  /** Runs the audit sequencer now (the timer is off in tests) and writes a checkpoint of the head. */
  @Post('audit/sequence')
  @HttpCode(200)
  @Public()
  async sequenceAudit(): Promise<{ linked: number; pending: number }> {
    const linked = await this.sequencer.run({ checkpoint: true });
    return { linked, pending: await this.sequencer.pendingCount() };
  }

  /**
   * SQLite only (PostgreSQL tests refuse connections on the server instead): closes the app's database connection,
   * as a failed disk would take it away, and opens it again.
   */
  @Post('database/outage')
  @HttpCode(200)
  @Public()
  async databaseOutage(@Body() input: OutageDto): Promise<{ open: boolean }> {
    const driver = this.transactions.dataSource.driver as unknown as Partial<SqliteDriver>;
    if (!driver.databaseConnection || !driver.createDatabaseConnection) throw new Error('database/outage is for SQLite');
    if (input.away && driver.databaseConnection.open) driver.databaseConnection.close();
    if (!input.away && !driver.databaseConnection.open) {
      driver.queryRunner = undefined;
      driver.databaseConnection = await driver.createDatabaseConnection();
    }
    return { open: driver.databaseConnection.open };
  }

  /** Applies the retention rules now, as the daily job does (two calls at once show it is safe to overlap). */
  @Post('retention/apply')
  @HttpCode(200)
  @Public()
  async applyRetention(): Promise<{ outcomes: RetentionOutcome[] }> {
    return { outcomes: await this.retention.apply() };
  }

  @Post('jobs/enqueue')
  @HttpCode(200)
  @Public()
  async enqueue(@Body() input: EnqueueDto): Promise<{ enqueued: number; runner: string }> {
    const count = input.count ?? 1;
    await this.transactions.run(async (manager) => {
      const runAt = new Date(this.clock.now().getTime() + (input.runAtOffsetMs ?? 0));
      for (let i = 0; i < count; i++) await this.queue.enqueue(manager, input.type, { ...input.payload, index: i }, { runAt });
    });
    return { enqueued: count, runner: this.runner.id };
  }

  /** A request that stays in flight for `ms` (graceful-shutdown tests). */
  @Post('wait')
  @HttpCode(200)
  @Public()
  async wait(@Body() input: WaitDto): Promise<{ waited: number }> {
    this.waiting++;
    try {
      await sleep(input.ms);
    } finally {
      this.waiting--;
    }
    return { waited: input.ms };
  }

  /** How many `wait` requests the app is holding: a test sends SIGTERM only once its request has really arrived. */
  @Post('waiting')
  @HttpCode(200)
  @Public()
  inFlight(): { waiting: number } {
    return { waiting: this.waiting };
  }

  private waiting = 0;
}

import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsISO8601, IsInt, IsOptional, IsString, IsUUID, Min } from 'class-validator';
import { Public } from '../auth/authorize.decorator.js';
import { Clock, ManualClock } from '../clock/clock.js';
import { Transactions } from '../database/transactions.js';
import { JobRunner } from '../jobs/job-runner.service.js';
import { NotificationService } from '../notifications/notification.service.js';

class ClockDto {
  @IsOptional() @IsInt() @Min(0)
  advanceMs?: number;

  @IsOptional() @IsISO8601()
  set?: string;
}

class NotifyDto {
  @IsUUID()
  userId: string;

  @IsString()
  kind: string;
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
    private readonly notifications: NotificationService,
    private readonly transactions: Transactions,
  ) {}

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
}

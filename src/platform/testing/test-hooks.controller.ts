import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsISO8601, IsInt, IsOptional, Min } from 'class-validator';
import { Public } from '../auth/authorize.decorator.js';
import { Clock, ManualClock } from '../clock/clock.js';
import { JobRunner } from '../jobs/job-runner.service.js';

class ClockDto {
  @IsOptional() @IsInt() @Min(0)
  advanceMs?: number;

  @IsOptional() @IsISO8601()
  set?: string;
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
  ) {}

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

  @Post('jobs/purge')
  @HttpCode(200)
  @Public()
  async purgeJobs(): Promise<{ purged: number }> {
    return { purged: await this.runner.purgeDone() };
  }
}

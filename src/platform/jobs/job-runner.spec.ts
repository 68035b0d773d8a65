import type { ConfigService } from '@nestjs/config';
import type { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../clock/clock.js';
import type { AppConfig } from '../config/app-config.js';
import type { Transactions } from '../database/transactions.js';
import { JobQueue } from './job-queue.service.js';
import { JobRunner } from './job-runner.service.js';

describe('JobRunner polling', () => {
  it('survives a failing round (e.g. the database is locked) instead of crashing the process', async () => {
    const config = { get: () => 60 } as unknown as ConfigService<AppConfig, true>;
    const locked = { run: () => Promise.reject(new Error('SqliteError: database is locked')) } as unknown as Transactions;
    const runner = new JobRunner(config, new Clock(), locked, new JobQueue(new Clock()), {} as SchedulerRegistry);
    await expect(runner.tick()).resolves.toBe(0);
    await expect(runner.runDue()).rejects.toThrow(/locked/);
  });
});

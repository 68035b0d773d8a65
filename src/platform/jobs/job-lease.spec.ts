import type { ConfigService } from '@nestjs/config';
import type { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { DIALECT } from '../database/dialect.js';
import { Transactions } from '../database/transactions.js';
import { Job } from './job.entity.js';
import { JobQueue } from './job-queue.service.js';
import { JobRunner } from './job-runner.service.js';

/** The runner on a real (in-memory SQLite) jobs table: a transactional handler whose lease is lost rolls back. */
(DIALECT === 'sqlite' ? describe : describe.skip)('job leases', () => {
  let dataSource: DataSource;
  let queue: JobQueue;
  let runner: JobRunner;
  const clock = new Clock();

  beforeAll(async () => {
    dataSource = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Job], synchronize: true }).initialize();
    await dataSource.query('CREATE TABLE effects (job_id TEXT)');
    const settings: Record<string, unknown> = { JOBS_LEASE_SECONDS: 60, JOBS_DONE_RETENTION_DAYS: 7 };
    const config = { get: (key: string) => settings[key] } as unknown as ConfigService<AppConfig, true>;
    const transactions = new Transactions(dataSource);
    queue = new JobQueue(clock);
    runner = new JobRunner(config, clock, transactions, queue, {} as SchedulerRegistry);
    queue.register('effect', async (_payload, job, manager) => void (await manager!.query('INSERT INTO effects VALUES (?)', [job.id])), { transactional: true });
    queue.register(
      'stolen',
      async (_payload, job, manager) => {
        await manager!.query('INSERT INTO effects VALUES (?)', [job.id]);
        // Meanwhile another runner re-claimed the job (its lease ran out): the claim token changed.
        await manager!.query("UPDATE jobs SET locked_by = 'runner-other.1' WHERE id = ?", [job.id]);
      },
      { transactional: true },
    );
  });
  afterAll(() => dataSource.destroy());

  const effects = async () => (await dataSource.query<unknown[]>('SELECT job_id FROM effects')).length;

  it('commits a transactional handler’s effects with the job’s completion', async () => {
    await queue.enqueue(dataSource.manager, 'effect', {});
    expect(await runner.runDue()).toBe(1);
    expect(await effects()).toBe(1);
    expect(await dataSource.getRepository(Job).findOneByOrFail({ type: 'effect' })).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('rolls back a transactional handler whose lease was lost, and leaves the job to its new owner', async () => {
    await queue.enqueue(dataSource.manager, 'stolen', {});
    expect(await runner.runDue()).toBe(0);
    expect(await effects()).toBe(1); // only the first test's
    const job = await dataSource.getRepository(Job).findOneByOrFail({ type: 'stolen' });
    expect(job.status).toBe('running'); // the theft rolled back with the handler; the lease holds until it runs out
    expect(job.lastError).toBeNull();
  });
});

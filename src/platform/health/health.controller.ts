import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/authorize.decorator.js';
import { Readiness } from './readiness.js';

/**
 * Liveness (`/health/live`: the process answers; restart it if not) is kept apart from readiness (`/health/ready`,
 * also `/health`: send it traffic). Readiness fails while the database is away, while migrations are pending and
 * while the instance drains on SIGTERM, none of which a restart would cure.
 */
@ApiTags('health 健康检查')
@Controller('health')
@Public()
@SkipThrottle()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly readiness: Readiness,
  ) {}

  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.readiness.notDraining('instance'),
      () => this.database.pingCheck('database', { timeout: 2000 }),
      () => this.readiness.migrationsApplied('migrations'),
    ]);
  }

  @Get()
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    return this.ready();
  }
}

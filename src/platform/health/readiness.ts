import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Lifecycle } from '../lifecycle/lifecycle.service.js';

/** Readiness indicators of our own: not draining, and no migration this build knows of left unapplied. */
@Injectable()
export class Readiness {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly lifecycle: Lifecycle,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  notDraining<K extends string>(key: K): HealthIndicatorResult<K> {
    const check = this.indicators.check(key);
    return this.lifecycle.draining ? check.down({ message: 'shutting down / 正在停止' }) : check.up();
  }

  /** Pending migrations (another instance is migrating, or a restore left the schema behind) mean not ready. */
  async migrationsApplied<K extends string>(key: K): Promise<HealthIndicatorResult<K>> {
    const check = this.indicators.check(key);
    try {
      return (await this.dataSource.showMigrations()) ? check.down({ message: 'migrations pending / 有待执行的迁移' }) : check.up();
    } catch {
      return check.down({ message: 'migrations unknown / 无法读取迁移状态' });
    }
  }
}

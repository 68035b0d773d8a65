import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';

/** The settings a retention rule may read its period from (days; 0 keeps for ever). */
export type RetentionSetting = Extract<keyof AppConfig, `RETENTION_${string}_DAYS`>;

/**
 * One kind of personal data that is kept only as long as its purpose needs (PIPL art. 19): the module that owns the
 * table says what goes and how, in one set-based statement over at most `limit` rows older than `cutoff`, and
 * answers how many rows it changed (fewer than `limit`: nothing is left). Applying it twice changes nothing more, so
 * two instances that run it at once do no harm.
 */
export interface RetentionRule {
  /** Stable name, e.g. `notifications` (the audit row's resource type and the log line). */
  name: string;
  setting: RetentionSetting;
  /** What it does, in words, for docs/operations.md and the audit reviewer. */
  what: string;
  apply(manager: EntityManager, cutoff: Date, limit: number): Promise<number>;
}

/**
 * The retention rules of every module, kept in the platform so that each layer registers its own tables' rules (in
 * onModuleInit) without the platform importing them. The audit log has no rule, by design.
 */
@Injectable()
export class RetentionRegistry {
  private readonly rules: RetentionRule[] = [];

  register(rule: RetentionRule): void {
    if (this.rules.some((r) => r.name === rule.name)) throw new Error(`Retention rule ${rule.name} registered twice`);
    this.rules.push(rule);
  }

  all(): readonly RetentionRule[] {
    return this.rules;
  }
}

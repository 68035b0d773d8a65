import type { ConfigService } from '@nestjs/config';
import { DAY, MINUTE } from '../../platform/clock/clock.js';
import { parseDayList, type AppConfig } from '../../platform/config/app-config.js';
import type { CrisisLevel } from './levels.js';

/** The individual tier's settings, read once (validated at start-up by validateConfig). */
export class IndividualSettings {
  /** Response deadline per triage level, in ms. */
  readonly deadlines: Record<CrisisLevel, number>;
  readonly breakGlassMs: number;
  readonly followUpDays: number[];
  readonly rescreenDays: number[];
  readonly rescreenWindowMs: number;
  readonly helpLines: string;

  constructor(config: ConfigService<AppConfig, true>) {
    const get = <K extends keyof AppConfig>(key: K) => config.get(key, { infer: true }) as AppConfig[K];
    this.deadlines = {
      imminent: get('CRISIS_DEADLINE_IMMINENT_MINUTES') * MINUTE,
      urgent: get('CRISIS_DEADLINE_URGENT_MINUTES') * MINUTE,
      concern: get('CRISIS_DEADLINE_CONCERN_MINUTES') * MINUTE,
    };
    this.breakGlassMs = get('BREAK_GLASS_MINUTES') * MINUTE;
    this.followUpDays = parseDayList(get('REFERRAL_FOLLOW_UP_DAYS')) ?? [7, 30, 90];
    this.rescreenDays = parseDayList(get('INCIDENT_RESCREEN_DAYS')) ?? [7, 30];
    this.rescreenWindowMs = get('INCIDENT_RESCREEN_WINDOW_DAYS') * DAY;
    this.helpLines = get('HELP_LINES');
  }
}

import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../../platform/config/app-config.js';
import { ConfigurationError } from '../../platform/config/app-config.js';
import { addWorkingMinutes, localDate, makeSchedule, workingDayMinutes, type WorkingSchedule } from '../domain/working-hours.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The desk's settings, read and checked once at start-up (a bad time zone or window stops the app, naming it). */
@Injectable()
export class DeskSettings {
  readonly schedule: WorkingSchedule;
  readonly answerWorkingMinutes: number;
  readonly firstReplyWorkingMinutes: number;
  readonly crisisAnswerMs: number;
  readonly escalateAfterWorkingMinutes: number;
  readonly forwardWorkingMinutes: number;
  readonly reopenPeriodMs: number;
  readonly minCell: number;

  constructor(config: ConfigService<AppConfig, true>) {
    try {
      this.schedule = makeSchedule({
        timeZone: config.get('DESK_TIMEZONE', { infer: true }),
        hours: config.get('DESK_WORKING_HOURS', { infer: true }),
        days: config.get('DESK_WORKING_DAYS', { infer: true }),
        holidays: config.get('DESK_HOLIDAYS', { infer: true }),
        extraWorkingDays: config.get('DESK_EXTRA_WORKING_DAYS', { infer: true }),
      });
    } catch (error) {
      throw new ConfigurationError(`服务台工作时间配置无效 / Invalid DESK_* working-time settings: ${(error as Error).message}`);
    }
    const day = workingDayMinutes(this.schedule);
    this.answerWorkingMinutes = config.get('DESK_ANSWER_WORKING_MINUTES', { infer: true });
    this.firstReplyWorkingMinutes = config.get('DESK_FIRST_REPLY_WORKING_DAYS', { infer: true }) * day;
    this.crisisAnswerMs = config.get('DESK_CRISIS_ANSWER_MINUTES', { infer: true }) * MINUTE;
    this.escalateAfterWorkingMinutes = config.get('DESK_ESCALATE_AFTER_WORKING_MINUTES', { infer: true });
    this.forwardWorkingMinutes = config.get('DESK_FORWARD_WORKING_DAYS', { infer: true }) * day;
    this.reopenPeriodMs = config.get('DESK_REOPEN_DAYS', { infer: true }) * DAY;
    this.minCell = config.get('DESK_FIGURES_MIN_CELL', { infer: true });
  }

  /** When a request received at `at` must be answered: working time, or minutes of clock time for a crisis. */
  answerDue(at: Date, crisis: boolean): Date {
    return crisis ? new Date(at.getTime() + this.crisisAnswerMs) : addWorkingMinutes(at, this.answerWorkingMinutes, this.schedule);
  }

  /** When a reply is owed to the worker, counted from `at`. A crisis gets its reply as fast as its answer. */
  replyDue(at: Date, crisis: boolean): Date {
    return crisis ? new Date(at.getTime() + this.crisisAnswerMs) : addWorkingMinutes(at, this.firstReplyWorkingMinutes, this.schedule);
  }

  forwardDue(at: Date): Date {
    return addWorkingMinutes(at, this.forwardWorkingMinutes, this.schedule);
  }

  escalateAt(from: Date): Date {
    return addWorkingMinutes(from, this.escalateAfterWorkingMinutes, this.schedule);
  }

  /** The desk's calendar date of an instant, for reference numbers. */
  localDate(at: Date): string {
    return localDate(at, this.schedule.timeZone);
  }
}

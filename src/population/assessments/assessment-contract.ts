import type { EntityManager } from 'typeorm';
import type { Actor } from '../../platform/auth/actor.js';
import type { SqlFragment } from '../../platform/database/sql-fragment.js';

/**
 * What the individual tier (点) asks of the assessments module (面) beyond its events (`assessment-events.ts`): a
 * port that 面 implements and provides app-wide (AssessmentContractModule), so 点 imports no service, table or
 * instrument of 面 — it schedules a re-screening and counts answers through this contract only.
 */

/** A members-only screening for an explicit list of workers (the re-screening after a critical incident). */
export interface WorkerListScreening {
  /** The launching unit: staff whose scope holds it see and manage the campaign. */
  orgUnitId: string;
  title: string;
  description?: string | null;
  instrumentCodes: string[];
  workerIds: string[];
  opensAt: Date;
  closesAt: Date;
  /** Default 3; 0 sends none. */
  reminderIntervalDays?: number;
}

export abstract class ScreeningContract {
  /** Schedules the screening in the caller's transaction; its campaign id. */
  abstract scheduleForWorkers(manager: EntityManager, actor: Actor, input: WorkerListScreening): Promise<{ id: string }>;

  /**
   * SQL, true when the worker in `workerColumn` answered one of the campaigns the caller's subquery `campaignIds`
   * yields; with `positive`, only a positive screen (a crisis result, or a total at or beyond its instrument's
   * clinical cut-off, as the instrument files state it).
   */
  abstract answeredSql(workerColumn: string, campaignIds: string, positive: boolean): SqlFragment;
}

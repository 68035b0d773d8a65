import { Injectable } from '@nestjs/common';
import { param } from '../../platform/database/db-time.js';
import { Transactions } from '../../platform/database/transactions.js';
import { formatReference, referenceDay } from '../domain/reference.js';
import { DeskSettings } from '../shared/desk-settings.js';

/**
 * Hands out reference numbers: one counter row per desk day, incremented by a single atomic upsert
 * (`INSERT … ON CONFLICT (day) DO UPDATE … RETURNING`, on PostgreSQL and SQLite alike). On PostgreSQL the upsert
 * takes the day's row lock, so concurrent intakes get distinct numbers; it runs in its own short transaction, so
 * the lock is held for one statement, not for the whole intake. A failed intake leaves a gap in the day's
 * numbers (harmless: numbers need to be unique and quotable, not gapless). The unique index on
 * `desk_requests.reference` is the last word.
 */
@Injectable()
export class ReferenceAllocator {
  constructor(
    private readonly transactions: Transactions,
    private readonly settings: DeskSettings,
  ) {}

  async next(at: Date): Promise<string> {
    const day = referenceDay(this.settings.localDate(at));
    const sequence = await this.transactions.run(async (manager) => {
      const result: unknown = await manager.query(
        `INSERT INTO desk_reference_counters (day, last_seq) VALUES (${param(1)}, 1)
         ON CONFLICT (day) DO UPDATE SET last_seq = desk_reference_counters.last_seq + 1 RETURNING last_seq`,
        [day],
      );
      const rows = (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as Array<{ last_seq: number | string }>;
      return Number(rows[0].last_seq);
    });
    return formatReference(day, sequence);
  }
}

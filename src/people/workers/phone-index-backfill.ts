import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { IsNull, Not } from 'typeorm';
import { Transactions } from '../../platform/database/transactions.js';
import { NOT_A_MOBILE, Worker } from './worker.entity.js';

const BATCH = 500;

/**
 * Profiles stored before numbers had a blind index get one at start (the migration cannot compute a keyed hash in
 * SQL). Idempotent and in batches, so several instances starting together only repeat each other's work. Every row
 * it looks at gets a value (`''` for a number that is not a mobile), so `phone_hash IS NULL` (a search of
 * idx_workers_phone_hash) holds only rows never looked at: once done, a start reads an empty index range, where it
 * used to decrypt every non-mobile number again at each start.
 */
@Injectable()
export class PhoneIndexBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger(PhoneIndexBackfill.name);

  constructor(private readonly transactions: Transactions) {}

  async onApplicationBootstrap(): Promise<void> {
    let total = 0;
    for (;;) {
      const done = await this.transactions.run(async (manager) => {
        // Only the columns it needs: it also runs when the schema is behind the entity (generating a migration).
        const rows = await manager.find(Worker, { select: { id: true, phone: true, phoneHash: true }, where: { phone: Not(IsNull()), phoneHash: IsNull(), erased: false }, take: BATCH });
        for (const worker of rows) {
          worker.indexPhone();
          await manager.update(Worker, { id: worker.id }, { phoneHash: worker.phoneHash });
        }
        return { seen: rows.length, indexed: rows.filter((w) => w.phoneHash !== NOT_A_MOBILE).length };
      });
      total += done.indexed;
      if (done.seen < BATCH) break;
    }
    if (total > 0) this.logger.log(`indexed ${total} phone numbers`);
  }
}

import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { IsNull, Not } from 'typeorm';
import { Transactions } from '../../platform/database/transactions.js';
import { Worker } from './worker.entity.js';

const BATCH = 500;

/**
 * Profiles stored before numbers had a blind index get one at start (the migration cannot compute a keyed hash in
 * SQL). Idempotent and in batches, so several instances starting together only repeat each other's work.
 */
@Injectable()
export class PhoneIndexBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger(PhoneIndexBackfill.name);

  constructor(private readonly transactions: Transactions) {}

  async onApplicationBootstrap(): Promise<void> {
    let total = 0;
    for (;;) {
      const done = await this.transactions.run(async (manager) => {
        const rows = await manager.find(Worker, { where: { phone: Not(IsNull()), phoneHash: IsNull(), erased: false }, take: BATCH });
        for (const worker of rows) worker.indexPhone();
        const indexed = rows.filter((w) => w.phoneHash !== null);
        for (const worker of indexed) await manager.update(Worker, { id: worker.id }, { phoneHash: worker.phoneHash });
        return { seen: rows.length, indexed: indexed.length };
      });
      total += done.indexed;
      // Numbers that are not mobiles never get a hash: stop when a batch found nothing new to index.
      if (done.seen < BATCH || done.indexed === 0) break;
    }
    if (total > 0) this.logger.log(`indexed ${total} phone numbers`);
  }
}

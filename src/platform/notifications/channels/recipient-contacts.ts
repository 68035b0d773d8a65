import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

type MobileSource = (manager: EntityManager, userIds: string[]) => Promise<Map<string, string>>;

/**
 * Mobile numbers of accounts that have a worker profile. The kernel cannot read the people module's tables, so
 * people plugs its lookup in at start (as modules contribute to the data-subject registry); until then none are known.
 */
@Injectable()
export class RecipientContacts {
  private source: MobileSource | null = null;

  provide(source: MobileSource): void {
    this.source = source;
  }

  workerMobiles(manager: EntityManager, userIds: string[]): Promise<Map<string, string>> {
    return this.source ? this.source(manager, userIds) : Promise.resolve(new Map<string, string>());
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { Role } from './permissions.js';

/** What the guard needs to know about a signed-in account now (not when its token was issued). */
export interface AccountState {
  username: string;
  role: Role;
  orgUnitId: string;
  /** The unit's materialised path (moves re-read it: OrgUnitsService forgets the accounts of a moved subtree). */
  orgUnitPath: string;
  workerId: string | null;
  active: boolean;
}

export type AccountLoader = (userId: string) => Promise<AccountState | null>;

/**
 * How long an account's state is trusted before it is read again. Changes made through this instance (deactivation,
 * erasure, a new role or unit) are forgotten at once (`forget`); another instance of the app sees them within this.
 */
export const ACCOUNT_STATE_TTL_MS = 5_000;

/**
 * The current state of accounts, for the access guard: a deactivated or erased account is refused at once even
 * though its access token has not expired, and a role or unit change applies to the next request. The module owning
 * the accounts registers the loader at start (as API-key authenticators are), so the platform needs no User entity.
 */
@Injectable()
export class AccountStates {
  private loader: AccountLoader | undefined;
  private readonly states = new LRUCache<string, Promise<AccountState | null>>({ max: 10_000, ttl: ACCOUNT_STATE_TTL_MS });
  /** Accounts changed in an open transaction: forgotten again once it commits (a read meanwhile saw the old row). */
  private readonly changedIn = new WeakMap<QueryRunner, string[]>();

  constructor(@InjectDataSource() dataSource: DataSource) {
    dataSource.subscribers.push({
      afterTransactionCommit: (event) => {
        for (const userId of this.changedIn.get(event.queryRunner) ?? []) this.forget(userId);
        this.changedIn.delete(event.queryRunner);
      },
      afterTransactionRollback: (event) => void this.changedIn.delete(event.queryRunner),
    });
  }

  register(loader: AccountLoader): void {
    if (this.loader) throw new Error('An account loader is registered twice');
    this.loader = loader;
  }

  get(userId: string): Promise<AccountState | null> {
    const cached = this.states.get(userId);
    if (cached) return cached;
    if (!this.loader) return Promise.resolve(null);
    // The promise is cached, so concurrent first requests of one account share a single read.
    const loading = this.loader(userId);
    this.states.set(userId, loading);
    loading.catch(() => this.states.delete(userId));
    return loading;
  }

  /** Drops what is known of an account now and, when `manager` is in a transaction, again when it commits. */
  changed(manager: EntityManager, userIds: string[]): void {
    for (const userId of userIds) this.forget(userId);
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) this.changedIn.set(runner, [...(this.changedIn.get(runner) ?? []), ...userIds]);
  }

  forget(userId: string): void {
    this.states.delete(userId);
  }
}

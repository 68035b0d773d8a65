import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AccountStates } from '../../platform/auth/account-states.js';
import { Transactions } from '../../platform/database/transactions.js';
import { User } from './user.entity.js';

/** Tells the platform's access guard what an account is now (active, role, unit, worker profile). */
@Injectable()
export class AccountStateLoader implements OnModuleInit {
  constructor(
    private readonly accounts: AccountStates,
    private readonly transactions: Transactions,
  ) {}

  onModuleInit(): void {
    this.accounts.register(async (userId) => {
      const user = await this.transactions.read((manager) =>
        manager.findOne(User, { where: { id: userId }, select: { id: true, username: true, role: true, orgUnitId: true, workerId: true, active: true } }),
      );
      return user ? { username: user.username, role: user.role, orgUnitId: user.orgUnitId, workerId: user.workerId, active: user.active } : null;
    });
  }
}

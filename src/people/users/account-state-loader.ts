import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type AccountState, AccountStates } from '../../platform/auth/account-states.js';
import { Transactions } from '../../platform/database/transactions.js';
import { OrgUnit } from '../org-units/org-unit.entity.js';
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
      const row = await this.transactions.read((manager) =>
        manager
          .getRepository(User)
          .createQueryBuilder('u')
          .innerJoin(OrgUnit, 'ou', 'ou.id = u.org_unit_id')
          .select(['u.username AS username', 'u.role AS role', 'u.org_unit_id AS "orgUnitId"', 'ou.path AS "orgUnitPath"', 'u.worker_id AS "workerId"', 'u.active AS active'])
          .where('u.id = :userId', { userId })
          .getRawOne<Omit<AccountState, 'active'> & { active: boolean | number }>(),
      );
      return row ? { ...row, active: row.active === true || row.active === 1 } : null;
    });
  }
}

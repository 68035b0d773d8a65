import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SYSTEM_ACTOR } from '../platform/auth/actor.js';
import { AuditService } from '../platform/audit/audit.service.js';
import { Clock } from '../platform/clock/clock.js';
import type { AppConfig } from '../platform/config/app-config.js';
import { DIALECT } from '../platform/database/dialect.js';
import { Transactions } from '../platform/database/transactions.js';
import { OrgUnit } from './org-units/org-unit.entity.js';
import { hashPassword } from './users/passwords.js';
import { User } from './users/user.entity.js';

const BOOTSTRAP_LOCK = 7_274_626_002;
export const ROOT_UNIT_NAME = '省总工会';

/** On the first start of an empty database: a root unit and the `admin` user with ADMIN_PASSWORD. */
@Injectable()
export class PeopleBootstrap implements OnApplicationBootstrap {
  constructor(
    private readonly transactions: Transactions,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.get('BOOTSTRAP_ON_START', { infer: true })) return;
    const passwordHash = await hashPassword(this.config.get('ADMIN_PASSWORD', { infer: true }), this.config.get('PASSWORD_HASH_COST', { infer: true }));
    await this.transactions.run(async (manager) => {
      if (DIALECT === 'postgres') await manager.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK]);
      if ((await manager.count(OrgUnit)) > 0) return;
      const root = manager.create(OrgUnit, { name: ROOT_UNIT_NAME, parentId: null, depth: 0, path: '', createdAt: this.clock.now() });
      await manager.save(root);
      root.path = `/${root.id}/`;
      await manager.save(root);
      const admin = manager.create(User, {
        username: 'admin',
        displayName: '系统管理员',
        passwordHash,
        role: 'admin',
        orgUnitId: root.id,
        workerId: null,
        email: null,
        active: true,
        failedLogins: 0,
      });
      await manager.save(admin);
      await this.audit.record(manager, SYSTEM_ACTOR, { action: 'system.bootstrap', resourceType: 'org_unit', resourceId: root.id });
      new Logger('Bootstrap').log('created the root unit and the admin user');
    });
  }
}

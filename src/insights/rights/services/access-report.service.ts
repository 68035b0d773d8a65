import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { ownWorkerId } from '../../../people/me/own-worker.js';
import { User } from '../../../people/users/user.entity.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Transactions } from '../../../platform/database/transactions.js';
import type { AccessEntryDto } from '../dto/rights.dto.js';

/**
 * Who accessed my record and when (from the audit log): every audited read or change about the worker by someone
 * else, newest first, with the person's display name and role. The worker's own actions are left out.
 */
@Injectable()
export class AccessReportService {
  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  mine(actor: Actor): Promise<AccessEntryDto[]> {
    return this.transactions.read(async (manager) => {
      const events = await this.audit.aboutWorker(manager, ownWorkerId(actor), actor.userId, 500);
      const ids = [...new Set(events.map((e) => e.actorId).filter((id): id is string => !!id))];
      const users = ids.length > 0 ? await manager.find(User, { where: { id: In(ids) } }) : [];
      const names = new Map(users.map((u) => [u.id, u.displayName]));
      return events.map((e) => ({
        at: e.at.toISOString(),
        who: e.actorId ? (names.get(e.actorId) ?? '—') : '系统 system',
        role: e.actorRole,
        action: e.action,
        resourceType: e.resourceType,
      }));
    });
  }
}

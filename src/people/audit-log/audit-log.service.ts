import { Injectable } from '@nestjs/common';
import type { Actor } from '../../platform/auth/actor.js';
import type { AuditEventDto, AuditQueryDto, AuditVerificationDto } from '../../platform/audit/audit.dto.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Transactions } from '../../platform/database/transactions.js';
import { requireRootAdmin } from '../access/root-admin.js';

/** The audit log spans every unit, so only administrators of the root unit may search or verify it. */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  async search(actor: Actor, query: AuditQueryDto): Promise<AuditEventDto[]> {
    await this.requireRootAdmin(actor);
    return this.audit.search(actor, query);
  }

  async verify(actor: Actor): Promise<AuditVerificationDto> {
    await this.requireRootAdmin(actor);
    return this.audit.verifyFor(actor);
  }

  private requireRootAdmin(actor: Actor): Promise<void> {
    return requireRootAdmin(this.transactions, actor, '查看审计日志', 'read the audit log');
  }
}

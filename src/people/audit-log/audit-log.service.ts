import { Injectable } from '@nestjs/common';
import type { Actor } from '../../platform/auth/actor.js';
import type { AuditEventDto, AuditQueryDto, AuditVerificationDto } from '../../platform/audit/audit.dto.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Transactions } from '../../platform/database/transactions.js';
import { forbidden } from '../../platform/errors/domain-error.js';
import { OrgUnit } from '../org-units/org-unit.entity.js';

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

  private async requireRootAdmin(actor: Actor): Promise<void> {
    const unit = await this.transactions.read((m) => m.findOne(OrgUnit, { where: { id: actor.orgUnitId } }));
    if (!unit || unit.parentId !== null) {
      throw forbidden('ROOT_ADMIN_ONLY', '只有根单位的管理员可以查看审计日志', 'Only administrators of the root unit may read the audit log');
    }
  }
}

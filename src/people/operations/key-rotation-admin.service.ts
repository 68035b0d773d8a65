import { Injectable } from '@nestjs/common';
import type { Actor } from '../../platform/auth/actor.js';
import { KeyRotation } from '../../platform/crypto/key-rotation.service.js';
import { Transactions } from '../../platform/database/transactions.js';
import { forbidden } from '../../platform/errors/domain-error.js';
import { OrgUnit } from '../org-units/org-unit.entity.js';
import type { KeyRotationStatusDto } from './key-rotation.dto.js';

/** The data key protects every unit's records, so only administrators of the root unit see and start its rotation. */
@Injectable()
export class KeyRotationAdminService {
  constructor(
    private readonly rotation: KeyRotation,
    private readonly transactions: Transactions,
  ) {}

  async status(actor: Actor): Promise<KeyRotationStatusDto> {
    await this.requireRootAdmin(actor);
    return this.rotation.status();
  }

  async start(actor: Actor): Promise<KeyRotationStatusDto> {
    await this.requireRootAdmin(actor);
    return this.rotation.start(actor);
  }

  private async requireRootAdmin(actor: Actor): Promise<void> {
    const unit = await this.transactions.read((m) => m.findOne(OrgUnit, { where: { id: actor.orgUnitId } }));
    if (!unit || unit.parentId !== null) {
      throw forbidden('ROOT_ADMIN_ONLY', '只有根单位的管理员可以管理数据密钥轮换', 'Only administrators of the root unit may manage the data-key rotation');
    }
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrgUnitsService } from '../../people/org-units/org-units.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import { EapErrors } from '../eap-errors.js';

/**
 * Vendors are shared by every unit and their credentials open referrals from all of them, so only administrators of
 * the root unit manage vendors, keys, endpoints and secrets (as only they read the audit log).
 */
@Injectable()
export class VendorAdmin {
  constructor(private readonly orgUnits: OrgUnitsService) {}

  async require(manager: EntityManager, actor: Actor): Promise<void> {
    const [unit] = await this.orgUnits.ancestry(manager, actor.orgUnitId);
    if (actor.role !== 'admin' || !unit || unit.parentId !== null) throw EapErrors.rootAdminOnly();
  }
}

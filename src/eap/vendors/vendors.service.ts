import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Clock, HOUR } from '../../platform/clock/clock.js';
import { Transactions } from '../../platform/database/transactions.js';
import { EapErrors } from '../eap-errors.js';
import { rotateSecrets } from '../shared/signing-secret.js';
import { VendorAdmin } from '../shared/vendor-admin.js';
import type { CreateVendorDto, RotateSecretDto, SigningSecretDto, UpdateVendorDto, VendorDto } from './vendor.dto.js';
import { EapVendor } from './vendor.entity.js';
import { toVendorDto } from './vendor-mapper.js';

export const DEFAULT_GRACE_HOURS = 24;

/** The vendor directory (服务机构): root administrators keep it; staff read it to choose where to refer. */
@Injectable()
export class VendorsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly admin: VendorAdmin,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  create(actor: Actor, input: CreateVendorDto): Promise<VendorDto> {
    return this.transactions.run(async (manager) => {
      await this.admin.require(manager, actor);
      const vendor = manager.create(EapVendor, {
        name: input.name.trim(),
        services: input.services,
        regions: input.regions ?? [],
        contactName: input.contactName ?? null,
        contactEmail: input.contactEmail ?? null,
        contactPhone: input.contactPhone ?? null,
        active: true,
        inboundSecrets: null,
        createdBy: actor.userId,
      });
      await manager.save(vendor);
      await this.audit.record(manager, actor, { action: 'eap_vendor.create', resourceType: 'eap_vendor', resourceId: vendor.id });
      return toVendorDto(vendor);
    });
  }

  list(_actor: Actor): Promise<VendorDto[]> {
    return this.transactions.read(async (manager) => (await manager.find(EapVendor, { order: { name: 'ASC' } })).map(toVendorDto));
  }

  get(_actor: Actor, id: string): Promise<VendorDto> {
    return this.transactions.read(async (manager) => toVendorDto(await this.require(manager, id)));
  }

  update(actor: Actor, id: string, input: UpdateVendorDto): Promise<VendorDto> {
    return this.transactions.run(async (manager) => {
      await this.admin.require(manager, actor);
      const vendor = await this.require(manager, id);
      Object.assign(vendor, {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.services !== undefined ? { services: input.services } : {}),
        ...(input.regions !== undefined ? { regions: input.regions } : {}),
        ...(input.contactName !== undefined ? { contactName: input.contactName } : {}),
        ...(input.contactEmail !== undefined ? { contactEmail: input.contactEmail } : {}),
        ...(input.contactPhone !== undefined ? { contactPhone: input.contactPhone } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
      });
      await manager.save(vendor);
      await this.audit.record(manager, actor, {
        action: 'eap_vendor.update',
        resourceType: 'eap_vendor',
        resourceId: vendor.id,
        detail: { fields: Object.keys(input) },
      });
      return toVendorDto(vendor);
    });
  }

  /**
   * A new secret for the vendor to sign its webhooks to us with (the first call creates it). Shown once; the previous
   * one keeps verifying for the grace period.
   */
  rotateInboundSecret(actor: Actor, id: string, input: RotateSecretDto): Promise<SigningSecretDto> {
    return this.transactions.run(async (manager) => {
      await this.admin.require(manager, actor);
      const vendor = await this.require(manager, id);
      const now = this.clock.now();
      const hadSecret = (vendor.inboundSecrets ?? []).length > 0;
      const graceMs = (input.graceHours ?? DEFAULT_GRACE_HOURS) * HOUR;
      const { secrets, secret } = rotateSecrets(vendor.inboundSecrets, now, graceMs);
      vendor.inboundSecrets = secrets;
      await manager.save(vendor);
      await this.audit.record(manager, actor, { action: 'eap_vendor.inbound_secret_rotate', resourceType: 'eap_vendor', resourceId: vendor.id });
      return { secret, previousValidUntil: hadSecret && graceMs > 0 ? new Date(now.getTime() + graceMs).toISOString() : null };
    });
  }

  async require(manager: EntityManager, id: string): Promise<EapVendor> {
    const vendor = await manager.findOne(EapVendor, { where: { id } });
    if (!vendor) throw EapErrors.vendorNotFound();
    return vendor;
  }
}

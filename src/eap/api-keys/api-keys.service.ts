import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Request } from 'express';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../platform/auth/actor.js';
import { ApiKeyAuth } from '../../platform/auth/api-key-auth.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Clock, HOUR } from '../../platform/clock/clock.js';
import { Transactions } from '../../platform/database/transactions.js';
import { EapErrors } from '../eap-errors.js';
import { VendorAdmin } from '../shared/vendor-admin.js';
import { EapVendor } from '../vendors/vendor.entity.js';
import { DEFAULT_GRACE_HOURS } from '../vendors/vendors.service.js';
import type { ApiKeyDto, CreateApiKeyDto, IssuedApiKeyDto, RotateApiKeyDto } from './api-key.dto.js';
import { EapApiKey } from './api-key.entity.js';
import { hashKey, looksLikeVendorKey, newVendorKey, VENDOR_KEY_PREFIX } from './api-key-format.js';

const LAST_USED_RESOLUTION_MS = HOUR;

const stateOf = (k: EapApiKey, now: Date): ApiKeyDto['state'] =>
  k.revokedAt ? 'revoked' : k.expiresAt ? (k.expiresAt > now ? 'expiring' : 'expired') : 'active';

const toApiKeyDto = (k: EapApiKey, now: Date): ApiKeyDto => ({
  id: k.id,
  vendorId: k.vendorId,
  label: k.label,
  displayPrefix: k.displayPrefix,
  state: stateOf(k, now),
  expiresAt: k.expiresAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  createdAt: k.createdAt.toISOString(),
});

/**
 * Vendor API keys: issued and shown once, kept as SHA-256, rotated (the old key works for a grace period) and revoked
 * (at once). Registers the vendor authenticator with the platform's access guard: a valid key becomes an actor of role
 * `vendor` tied to its vendor, which reaches only routes declaring a vendor permission.
 */
@Injectable()
export class ApiKeysService implements OnModuleInit {
  private readonly logger = new Logger(ApiKeysService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly admin: VendorAdmin,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly apiKeys: ApiKeyAuth,
  ) {}

  onModuleInit(): void {
    this.apiKeys.register(VENDOR_KEY_PREFIX, (key, request) => this.authenticate(key, request));
  }

  issue(actor: Actor, vendorId: string, input: CreateApiKeyDto): Promise<IssuedApiKeyDto> {
    return this.transactions.run(async (manager) => {
      await this.admin.require(manager, actor);
      await this.requireVendor(manager, vendorId);
      const { row, key } = await this.insertKey(manager, actor, vendorId, input.label.trim());
      await this.audit.record(manager, actor, { action: 'eap_api_key.issue', resourceType: 'eap_api_key', resourceId: row.id, detail: { vendorId } });
      return { ...toApiKeyDto(row, this.clock.now()), key };
    });
  }

  list(actor: Actor, vendorId: string): Promise<ApiKeyDto[]> {
    return this.transactions.run(async (manager) => {
      await this.admin.require(manager, actor);
      await this.requireVendor(manager, vendorId);
      const keys = await manager.find(EapApiKey, { where: { vendorId }, order: { createdAt: 'DESC' } });
      const now = this.clock.now();
      return keys.map((k) => toApiKeyDto(k, now));
    });
  }

  /** A new key with the same label; the old one keeps working for `graceHours` (default 24), then expires. */
  rotate(actor: Actor, vendorId: string, keyId: string, input: RotateApiKeyDto): Promise<IssuedApiKeyDto> {
    return this.transactions.run(async (manager) => {
      await this.admin.require(manager, actor);
      const old = await this.requireLiveKey(manager, vendorId, keyId);
      const now = this.clock.now();
      const { row, key } = await this.insertKey(manager, actor, vendorId, old.label);
      const graceMs = (input.graceHours ?? DEFAULT_GRACE_HOURS) * HOUR;
      const expiresAt = new Date(now.getTime() + graceMs);
      old.replacedById = row.id;
      if (graceMs === 0) Object.assign(old, { revokedAt: now, revokedBy: actor.userId });
      else old.expiresAt = old.expiresAt && old.expiresAt < expiresAt ? old.expiresAt : expiresAt;
      await manager.save(old);
      await this.audit.record(manager, actor, {
        action: 'eap_api_key.rotate',
        resourceType: 'eap_api_key',
        resourceId: row.id,
        detail: { vendorId, replaces: old.id, graceHours: input.graceHours ?? DEFAULT_GRACE_HOURS },
      });
      return { ...toApiKeyDto(row, now), key };
    });
  }

  /** Revoked keys answer 401 from the next request on. */
  revoke(actor: Actor, vendorId: string, keyId: string): Promise<ApiKeyDto> {
    return this.transactions.run(async (manager) => {
      await this.admin.require(manager, actor);
      const key = await manager.findOne(EapApiKey, { where: { id: keyId, vendorId } });
      if (!key) throw EapErrors.keyNotFound();
      const now = this.clock.now();
      if (!key.revokedAt) {
        Object.assign(key, { revokedAt: now, revokedBy: actor.userId });
        await manager.save(key);
        await this.audit.record(manager, actor, { action: 'eap_api_key.revoke', resourceType: 'eap_api_key', resourceId: key.id, detail: { vendorId } });
      }
      return toApiKeyDto(key, now);
    });
  }

  /** The access guard's vendor authenticator: one indexed read by hash; null (401) for unknown, revoked, expired keys. */
  async authenticate(key: string, request: Request): Promise<Actor | null> {
    if (!looksLikeVendorKey(key)) return null;
    const now = this.clock.now();
    const row = await this.transactions.read((manager) => manager.findOne(EapApiKey, { where: { keyHash: hashKey(key) } }));
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) {
      this.logger.warn(`vendor API key refused (${row ? (row.revokedAt ? 'revoked' : 'expired') : 'unknown'}) from ${request.ip ?? '?'}`);
      return null;
    }
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.transactions.run((manager) => manager.update(EapApiKey, { id: row.id }, { lastUsedAt: now }));
    }
    return { userId: row.id, username: `vendor-key:${row.displayPrefix}`, role: 'vendor', orgUnitId: '', workerId: null, ip: request.ip ?? null, vendorId: row.vendorId };
  }

  private async insertKey(manager: EntityManager, actor: Actor, vendorId: string, label: string): Promise<{ row: EapApiKey; key: string }> {
    const { key, hash, displayPrefix } = newVendorKey();
    const row = manager.create(EapApiKey, {
      vendorId,
      label,
      keyHash: hash,
      displayPrefix,
      expiresAt: null,
      revokedAt: null,
      revokedBy: null,
      replacedById: null,
      lastUsedAt: null,
      createdBy: actor.userId,
    });
    await manager.save(row);
    return { row, key };
  }

  private async requireVendor(manager: EntityManager, vendorId: string): Promise<void> {
    if (!(await manager.exists(EapVendor, { where: { id: vendorId } }))) throw EapErrors.vendorNotFound();
  }

  private async requireLiveKey(manager: EntityManager, vendorId: string, keyId: string): Promise<EapApiKey> {
    const key = await manager.findOne(EapApiKey, { where: { id: keyId, vendorId } });
    if (!key || key.revokedAt || (key.expiresAt && key.expiresAt <= this.clock.now())) throw EapErrors.keyNotFound();
    return key;
  }
}

import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { AuditEntry } from '../../platform/audit/audit.service.js';
import type { WorkerContactDto } from './worker.dto.js';
import { Worker } from './worker.entity.js';

/** Where a contact disclosure happened, for its audit row (ids only). */
export interface DisclosureContext {
  via: 'crisis_case' | 'desk_request' | 'referral' | 'follow_ups';
  id?: string;
  breakGlassGrantId?: string | null;
}

/**
 * The audit row of showing a worker's contact details: one `worker.contact_read` per worker shown, recorded by the
 * caller with `AuditService.recordRead` before the answer leaves (the same rule as every read of personal data).
 */
export const contactDisclosure = (workerId: string, context: DisclosureContext): AuditEntry => ({
  action: 'worker.contact_read',
  resourceType: 'worker',
  resourceId: workerId,
  workerId,
  detail: { via: context.via, ...(context.id ? { id: context.id } : {}), ...(context.breakGlassGrantId ? { breakGlassGrantId: context.breakGlassGrantId } : {}) },
});

/**
 * EXPORTED for the tiers: contact details of workers the caller has already been allowed to see (the caller checks
 * scope and records the disclosure). Decrypts only the contact columns.
 */
@Injectable()
export class WorkerContacts {
  async of(manager: EntityManager, workerIds: string[]): Promise<Map<string, WorkerContactDto>> {
    const ids = [...new Set(workerIds)];
    if (ids.length === 0) return new Map();
    const rows = await manager.find(Worker, {
      where: { id: In(ids) },
      select: { id: true, name: true, phone: true, phone2: true, emergencyName: true, emergencyRelation: true, emergencyPhone: true, erased: true },
    });
    return new Map(rows.map((w) => [w.id, toWorkerContactDto(w)]));
  }

  async one(manager: EntityManager, workerId: string): Promise<WorkerContactDto | null> {
    return (await this.of(manager, [workerId])).get(workerId) ?? null;
  }
}

export const toWorkerContactDto = (w: Worker): WorkerContactDto => ({
  workerId: w.id,
  name: w.name,
  phone: w.phone,
  phone2: w.phone2,
  emergencyContact: w.emergencyName ? { name: w.emergencyName, relation: w.emergencyRelation, phone: w.emergencyPhone } : null,
});

import type { ContractDto } from './contract.dto.js';
import type { EapContract } from './contract.entity.js';
import { isActiveOn } from './contract-rules.js';

export const toContractDto = (c: EapContract, vendorName: string, today: string): ContractDto => ({
  id: c.id,
  vendorId: c.vendorId,
  vendorName,
  orgUnitId: c.orgUnitId,
  reference: c.reference,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  services: c.services,
  sessionsPerWorker: c.sessionsPerWorker,
  sessionsTotal: c.sessionsTotal,
  pricePerSessionCents: c.pricePerSessionCents,
  reminderDays: c.reminderDays,
  status: c.status,
  activeToday: isActiveOn(c, today),
  terminatedAt: c.terminatedAt?.toISOString() ?? null,
  createdAt: c.createdAt.toISOString(),
});

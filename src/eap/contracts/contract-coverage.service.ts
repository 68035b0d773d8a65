import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { OrgUnitsService } from '../../people/org-units/org-units.service.js';
import { EapReferralEvent } from '../referrals-out/referral-event.entity.js';
import { EapContract } from './contract.entity.js';
import type { ContractCandidate, SessionUsage } from './contract-rules.js';

/**
 * The facts `chooseContract` decides on: the vendor's contracts of the worker's unit and the units above it, each with
 * the sessions used under it in total and by this worker.
 */
@Injectable()
export class ContractCoverage {
  constructor(private readonly orgUnits: OrgUnitsService) {}

  async candidates(manager: EntityManager, vendorId: string, workerId: string, workerUnitId: string): Promise<ContractCandidate[]> {
    const ancestry = await this.orgUnits.ancestry(manager, workerUnitId);
    if (ancestry.length === 0) return [];
    const depth = new Map(ancestry.map((unit) => [unit.id, unit.depth]));
    const contracts = await manager.find(EapContract, { where: { vendorId, orgUnitId: In([...depth.keys()]) } });
    const usage = await this.usage(manager, contracts.map((c) => c.id), workerId);
    return contracts.map((c) => ({
      id: c.id,
      status: c.status,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      services: c.services,
      sessionsPerWorker: c.sessionsPerWorker,
      sessionsTotal: c.sessionsTotal,
      unitDepth: depth.get(c.orgUnitId) ?? 0,
      usage: usage.get(c.id) ?? { total: 0, worker: 0 },
    }));
  }

  /** Sessions recorded per contract: in total, and by one worker (0 when no worker is given). */
  async usage(manager: EntityManager, contractIds: string[], workerId: string | null): Promise<Map<string, SessionUsage>> {
    if (contractIds.length === 0) return new Map();
    const qb = manager
      .getRepository(EapReferralEvent)
      .createQueryBuilder('e')
      .select('e.contract_id', 'contractId')
      .addSelect('COUNT(*)', 'total')
      .where("e.type = 'session_attended' AND e.contract_id IN (:...contractIds)", { contractIds })
      .groupBy('e.contract_id');
    if (workerId) qb.addSelect('SUM(CASE WHEN e.worker_id = :workerId THEN 1 ELSE 0 END)', 'worker').setParameter('workerId', workerId);
    const rows = await qb.getRawMany<{ contractId: string; total: string | number; worker?: string | number | null }>();
    return new Map(rows.map((r) => [r.contractId, { total: Number(r.total), worker: Number(r.worker ?? 0) }]));
  }
}

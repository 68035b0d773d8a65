import { Injectable } from '@nestjs/common';
import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { AccessScope } from '../../people/access/access-scope.service.js';
import { OrgUnitsService } from '../../people/org-units/org-units.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Clock } from '../../platform/clock/clock.js';
import { Transactions } from '../../platform/database/transactions.js';
import { asNotFound, EapErrors } from '../eap-errors.js';
import { calendarDay, isCalendarDay } from '../shared/calendar.js';
import { EapVendor } from '../vendors/vendor.entity.js';
import type { ContractDto, ContractQueryDto, CreateContractDto, UpdateContractDto } from './contract.dto.js';
import { EapContract } from './contract.entity.js';
import { ContractCoverage } from './contract-coverage.service.js';
import { toContractDto } from './contract-mapper.js';
import { ContractReminders } from './contract-reminders.service.js';
import { DEFAULT_REMINDER_DAYS } from './contract-rules.js';

/**
 * EAP contracts per union unit (制度化的精神福利安排): administrators manage those of units in their subtree; staff
 * read those that cover their unit (their subtree, and the units above them, whose contracts cover them too).
 */
@Injectable()
export class ContractsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly orgUnits: OrgUnitsService,
    private readonly coverage: ContractCoverage,
    private readonly reminders: ContractReminders,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  create(actor: Actor, input: CreateContractDto): Promise<ContractDto> {
    assertDates(input.startsOn, input.endsOn);
    return this.transactions.run(async (manager) => {
      await this.scope.requireUnit(manager, actor, input.orgUnitId);
      const vendor = await manager.findOne(EapVendor, { where: { id: input.vendorId } });
      if (!vendor) throw EapErrors.vendorNotFound();
      const notOffered = input.services.find((s) => !vendor.services.includes(s));
      if (notOffered) throw EapErrors.serviceNotOffered(notOffered);
      const contract = manager.create(EapContract, {
        vendorId: vendor.id,
        orgUnitId: input.orgUnitId,
        reference: input.reference.trim(),
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        services: input.services,
        sessionsPerWorker: input.sessionsPerWorker,
        sessionsTotal: input.sessionsTotal,
        pricePerSessionCents: input.pricePerSessionCents,
        reminderDays: [...new Set(input.reminderDays ?? DEFAULT_REMINDER_DAYS)],
        status: 'active',
        terminatedAt: null,
        createdBy: actor.userId,
      });
      await manager.save(contract);
      await this.reminders.schedule(manager, contract);
      await this.audit.record(manager, actor, {
        action: 'eap_contract.create',
        resourceType: 'eap_contract',
        resourceId: contract.id,
        detail: { vendorId: vendor.id, orgUnitId: contract.orgUnitId },
      });
      return toContractDto(contract, vendor.name, this.today());
    });
  }

  list(actor: Actor, query: ContractQueryDto): Promise<ContractDto[]> {
    return this.transactions.read(async (manager) => {
      const contracts = await this.visible(manager, actor, (qb) => {
        if (query.vendorId) qb.andWhere('c.vendor_id = :vendorId', { vendorId: query.vendorId });
        if (query.orgUnitId) qb.andWhere('c.org_unit_id = :orgUnitId', { orgUnitId: query.orgUnitId });
      });
      return this.dtos(manager, contracts);
    });
  }

  get(actor: Actor, id: string): Promise<ContractDto> {
    return this.transactions.read(async (manager) => {
      const contract = await this.requireVisible(manager, actor, id);
      return (await this.dtos(manager, [contract]))[0];
    });
  }

  /** Changes terms; a later `endsOn` renews in place and moves the renewal reminders. */
  update(actor: Actor, id: string, input: UpdateContractDto): Promise<ContractDto> {
    return this.transactions.run(async (manager) => {
      const contract = await this.requireManaged(manager, actor, id);
      if (contract.status === 'terminated') throw EapErrors.contractTerminated();
      assertDates(input.startsOn ?? contract.startsOn, input.endsOn ?? contract.endsOn);
      if (input.services) {
        const vendor = await manager.findOneOrFail(EapVendor, { where: { id: contract.vendorId } });
        const notOffered = input.services.find((s) => !vendor.services.includes(s));
        if (notOffered) throw EapErrors.serviceNotOffered(notOffered);
      }
      if (input.sessionsTotal !== undefined) {
        const used = (await this.coverage.usage(manager, [contract.id], null)).get(contract.id)?.total ?? 0;
        if (input.sessionsTotal < used) throw EapErrors.quotaBelowUsage(used);
      }
      await this.reminders.unschedule(manager, contract);
      const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as UpdateContractDto;
      Object.assign(contract, {
        ...given,
        ...(given.reference !== undefined ? { reference: given.reference.trim() } : {}),
        ...(given.reminderDays !== undefined ? { reminderDays: [...new Set(given.reminderDays)] } : {}),
      });
      await manager.save(contract);
      await this.reminders.schedule(manager, contract);
      await this.audit.record(manager, actor, {
        action: 'eap_contract.update',
        resourceType: 'eap_contract',
        resourceId: contract.id,
        detail: { fields: Object.keys(given) },
      });
      return (await this.dtos(manager, [contract]))[0];
    });
  }

  /** Ends the contract now: no new referrals under it; what was already sent continues to be reported. */
  terminate(actor: Actor, id: string): Promise<ContractDto> {
    return this.transactions.run(async (manager) => {
      const contract = await this.requireManaged(manager, actor, id);
      if (contract.status !== 'terminated') {
        await this.reminders.unschedule(manager, contract);
        Object.assign(contract, { status: 'terminated', terminatedAt: this.clock.now() });
        await manager.save(contract);
        await this.audit.record(manager, actor, { action: 'eap_contract.terminate', resourceType: 'eap_contract', resourceId: contract.id });
      }
      return (await this.dtos(manager, [contract]))[0];
    });
  }

  /** A contract the actor may read: of a unit in their subtree or above their unit (404 otherwise). */
  async requireVisible(manager: EntityManager, actor: Actor, id: string): Promise<EapContract> {
    const [contract] = await this.visible(manager, actor, (qb) => qb.andWhere('c.id = :id', { id }));
    if (!contract) throw EapErrors.contractNotFound();
    return contract;
  }

  /**
   * Contracts the actor may read, newest end first (at most 500): those of units in their subtree (AccessScope) and
   * those of the units above theirs, which cover them too. Two indexed queries, merged.
   */
  async visible(manager: EntityManager, actor: Actor, filter: (qb: SelectQueryBuilder<EapContract>) => void): Promise<EapContract[]> {
    const base = () => {
      const qb = manager.getRepository(EapContract).createQueryBuilder('c').orderBy('c.endsOn', 'DESC').addOrderBy('c.id').limit(500);
      filter(qb);
      return qb;
    };
    const above = (await this.orgUnits.ancestry(manager, actor.orgUnitId)).map((unit) => unit.id);
    const below = await this.scope.whereUnitInScope(base(), actor, 'c.org_unit_id').getMany();
    const over = above.length ? await base().andWhere('c.org_unit_id IN (:...above)', { above }).getMany() : [];
    const merged = new Map([...below, ...over].map((c) => [c.id, c]));
    return [...merged.values()].sort((a, b) => b.endsOn.localeCompare(a.endsOn) || a.id.localeCompare(b.id)).slice(0, 500);
  }

  private async requireManaged(manager: EntityManager, actor: Actor, id: string): Promise<EapContract> {
    const contract = await manager.findOne(EapContract, { where: { id } });
    if (!contract) throw EapErrors.contractNotFound();
    await this.scope.requireUnit(manager, actor, contract.orgUnitId).catch(asNotFound(EapErrors.contractNotFound));
    return contract;
  }

  private async dtos(manager: EntityManager, contracts: EapContract[]): Promise<ContractDto[]> {
    const vendorIds = [...new Set(contracts.map((c) => c.vendorId))];
    const vendors = vendorIds.length ? await manager.find(EapVendor, { where: { id: In(vendorIds) }, select: { id: true, name: true } }) : [];
    const names = new Map(vendors.map((v) => [v.id, v.name]));
    const today = this.today();
    return contracts.map((c) => toContractDto(c, names.get(c.vendorId) ?? '', today));
  }

  private today(): string {
    return calendarDay(this.clock.now());
  }
}

function assertDates(startsOn: string, endsOn: string): void {
  if (!isCalendarDay(startsOn) || !isCalendarDay(endsOn) || endsOn < startsOn) throw EapErrors.contractDates();
}

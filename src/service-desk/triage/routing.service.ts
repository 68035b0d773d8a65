import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { AccessScope } from '../../people/access/access-scope.service.js';
import { OrgUnitsService } from '../../people/org-units/org-units.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Transactions } from '../../platform/database/transactions.js';
import { notFound } from '../../platform/errors/domain-error.js';
import { isUniqueViolationOf } from '../../platform/database/sql-helpers.js';
import { routingRuleExists } from '../desk-errors.js';
import type { Category } from '../domain/categories.js';
import { routeRequest } from '../domain/routing.js';
import type { CreateRoutingRuleDto, RoutingRuleDto } from '../dto/routing.dto.js';
import { DeskRoutingRule, ROUTING_RULE_INDEX } from '../entities/desk-routing-rule.entity.js';

const toDto = (r: DeskRoutingRule): RoutingRuleDto => ({
  id: r.id,
  orgUnitId: r.orgUnitId,
  category: r.category,
  targetUnitId: r.targetUnitId,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
});

/** Routing rules as data, per unit subtree, and the routing of a request by them (domain/routing.ts decides). */
@Injectable()
export class RoutingService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly orgUnits: OrgUnitsService,
    private readonly audit: AuditService,
  ) {}

  /** The responsible unit for a request from `unitId` of `category`, with the rule applied (null: the default). */
  async route(manager: EntityManager, unitId: string, category: Category): Promise<{ unitId: string; ruleId: string | null }> {
    const ancestry = (await this.orgUnits.ancestry(manager, unitId)).map((u) => u.id);
    if (ancestry.length === 0) return { unitId, ruleId: null };
    const rules = await manager.find(DeskRoutingRule, { where: { orgUnitId: In(ancestry) } });
    const { unitId: target, rule } = routeRequest(ancestry, category, rules);
    return { unitId: target, ruleId: rule?.id ?? null };
  }

  /** Rules of the units in the actor's subtree. */
  list(actor: Actor): Promise<RoutingRuleDto[]> {
    return this.transactions.read(async (manager) => {
      const qb = manager.getRepository(DeskRoutingRule).createQueryBuilder('rr').orderBy('rr.createdAt', 'ASC').addOrderBy('rr.id');
      this.scope.whereUnitInScope(qb, actor, 'rr.org_unit_id');
      return (await qb.getMany()).map(toDto);
    });
  }

  async create(actor: Actor, input: CreateRoutingRuleDto): Promise<RoutingRuleDto> {
    try {
      return await this.transactions.run(async (manager) => {
        await this.scope.requireUnit(manager, actor, input.orgUnitId);
        if ((await this.orgUnits.ancestry(manager, input.targetUnitId)).length === 0) throw notFound('Org unit', '目标单位');
        if (await manager.exists(DeskRoutingRule, { where: { orgUnitId: input.orgUnitId, category: input.category } })) throw routingRuleExists();
        const rule = manager.create(DeskRoutingRule, { ...input, createdBy: actor.userId });
        await manager.save(rule);
        await this.audit.record(manager, actor, {
          action: 'desk_routing_rule.create',
          resourceType: 'desk_routing_rule',
          resourceId: rule.id,
          detail: { orgUnitId: rule.orgUnitId, category: rule.category, targetUnitId: rule.targetUnitId },
        });
        return toDto(rule);
      });
    } catch (error) {
      throw isUniqueViolationOf(error, ROUTING_RULE_INDEX, 'desk_routing_rules', 'category') ? routingRuleExists() : error;
    }
  }

  remove(actor: Actor, id: string): Promise<void> {
    return this.transactions.run(async (manager) => {
      const rule = await manager.findOne(DeskRoutingRule, { where: { id } });
      if (!rule) throw notFound('Routing rule', '该分派规则');
      await this.scope.requireUnit(manager, actor, rule.orgUnitId);
      await manager.delete(DeskRoutingRule, { id });
      await this.audit.record(manager, actor, { action: 'desk_routing_rule.delete', resourceType: 'desk_routing_rule', resourceId: id });
    });
  }
}

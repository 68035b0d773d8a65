import { Injectable } from '@nestjs/common';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock, DAY } from '../../../platform/clock/clock.js';
import { dbTime } from '../../../platform/database/db-time.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { badRequest } from '../../../platform/errors/domain-error.js';
import { userNames } from '../../shared/people-reads.js';
import { CrisisErrors } from '../crisis-errors.js';
import type { CreateDutyShiftDto, DutyShiftDto, DutyShiftQueryDto, OnDutyDto } from '../dto/duty-roster.dto.js';
import { DutyShift } from '../entities/duty-shift.entity.js';
import { CaseRouting } from './case-routing.service.js';

const MAX_SHIFT_MS = 31 * DAY;

const toDutyShiftDto = (s: DutyShift): DutyShiftDto => ({
  id: s.id,
  orgUnitId: s.orgUnitId,
  userId: s.userId,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  createdBy: s.createdBy,
});

/**
 * The duty roster (值班表) per unit. Kept by the supervisors and admins whose scope holds the unit (it is operations,
 * not clinical content); read by counsellors. A shift's counsellor must be placed at the unit or above it, so every
 * worker the shift covers is in their scope.
 */
@Injectable()
export class DutyRosterService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly routing: CaseRouting,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  create(actor: Actor, input: CreateDutyShiftDto): Promise<DutyShiftDto> {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (!(endsAt > startsAt) || endsAt.getTime() - startsAt.getTime() > MAX_SHIFT_MS) throw CrisisErrors.shiftTimes();
    return this.transactions.run(async (manager) => {
      await this.scope.requireUnit(manager, actor, input.orgUnitId);
      if (!(await this.routing.eligibleResponder(manager, input.userId, input.orgUnitId))) {
        throw badRequest(
          'DUTY_USER_NOT_ELIGIBLE',
          '值班人员须为该单位或其上级单位的在职心理咨询师或督导',
          'The person on duty must be an active counsellor or supervisor of this unit or a unit above it',
        );
      }
      const shift = manager.create(DutyShift, { orgUnitId: input.orgUnitId, userId: input.userId, startsAt, endsAt, createdBy: actor.userId, createdAt: this.clock.now() });
      await manager.save(shift);
      await this.audit.record(manager, actor, { action: 'duty_shift.create', resourceType: 'duty_shift', resourceId: shift.id, detail: { orgUnitId: shift.orgUnitId, userId: shift.userId } });
      return toDutyShiftDto(shift);
    });
  }

  /** Shifts of units in the actor's scope overlapping [from, to), earliest first. */
  list(actor: Actor, query: DutyShiftQueryDto): Promise<DutyShiftDto[]> {
    const from = query.from ? new Date(query.from) : this.clock.now();
    const to = query.to ? new Date(query.to) : new Date(from.getTime() + 14 * DAY);
    return this.transactions.read(async (manager) => {
      const qb = manager
        .getRepository(DutyShift)
        .createQueryBuilder('s')
        .where('s.ends_at > :from AND s.starts_at < :to', { from: dbTime(from), to: dbTime(to) });
      if (query.orgUnitId) qb.andWhere('s.org_unit_id = :unitId', { unitId: query.orgUnitId });
      this.scope.whereUnitInScope(qb, actor, 's.org_unit_id');
      const rows = await qb.orderBy('s.starts_at', 'ASC').addOrderBy('s.id', 'ASC').limit(500).getMany();
      return rows.map(toDutyShiftDto);
    });
  }

  remove(actor: Actor, id: string): Promise<void> {
    return this.transactions.run(async (manager) => {
      const qb = manager.getRepository(DutyShift).createQueryBuilder('s').where('s.id = :id', { id });
      const shift = await this.scope.whereUnitInScope(qb, actor, 's.org_unit_id').getOne();
      if (!shift) throw CrisisErrors.shiftNotFound();
      await manager.delete(DutyShift, { id: shift.id });
      await this.audit.record(manager, actor, {
        action: 'duty_shift.delete',
        resourceType: 'duty_shift',
        resourceId: shift.id,
        detail: { orgUnitId: shift.orgUnitId, userId: shift.userId, startsAt: shift.startsAt.toISOString(), endsAt: shift.endsAt.toISOString() },
      });
    });
  }

  /** Who a new case of a worker in this unit would go to now. */
  onDuty(actor: Actor, unitId: string): Promise<OnDutyDto> {
    return this.transactions.read(async (manager) => {
      await this.scope.requireUnit(manager, actor, unitId);
      const responder = await this.routing.responder(manager, unitId, this.clock.now());
      const names = await userNames(manager, [responder?.userId]);
      return {
        orgUnitId: unitId,
        userId: responder?.userId ?? null,
        userName: responder ? (names.get(responder.userId) ?? null) : null,
        fromUnitId: responder?.unitId ?? null,
      };
    });
  }
}

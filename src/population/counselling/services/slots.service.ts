import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import { UsersService } from '../../../people/users/users.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { forUpdate, lockKey } from '../../../platform/database/sql-helpers.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { badRequest, conflict, notFound } from '../../../platform/errors/domain-error.js';
import { staffNames } from '../../shared/viewer.js';
import { resolveWindow, slotProblem } from '../domain/appointment-rules.js';
import type { CreateSlotDto, SlotDto, StaffSlotQueryDto } from '../dto/counselling.dto.js';
import { toSlotDto } from '../counselling.mapper.js';
import { Appointment } from '../entities/appointment.entity.js';
import { CounsellingSlot } from '../entities/slot.entity.js';

const SLOT_PROBLEMS: Record<string, [string, string]> = {
  SLOT_TIMES_INVALID: ['结束时间须晚于开始时间', 'endsAt must be after startsAt'],
  SLOT_LENGTH: ['每个咨询时段须为 15 分钟至 4 小时', 'A slot must last 15 minutes to 4 hours'],
  SLOT_IN_PAST: ['开始时间须在将来', 'startsAt must be in the future'],
  PLACE_REQUIRED: ['面询须填写地点（place）', 'An in-person slot needs a place'],
};

/** Counsellors publish availability (在线或面询时段); workers of the counsellor's subtree may book it. */
@Injectable()
export class SlotsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  publish(actor: Actor, input: CreateSlotDto): Promise<SlotDto> {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    const problem = slotProblem({ startsAt, endsAt, mode: input.mode, place: input.place }, this.clock.now());
    if (problem) throw badRequest(problem, ...SLOT_PROBLEMS[problem]);
    return this.transactions.run(async (manager) => {
      await lockKey(manager, `counselling-calendar:${actor.userId}`); // two publishes at once cannot both miss the clash
      const clash = await manager
        .getRepository(CounsellingSlot)
        .createQueryBuilder('s')
        .where(`s.counsellor_id = :me AND s.status = 'open' AND s.starts_at < :endsAt AND s.ends_at > :startsAt`, { me: actor.userId, startsAt, endsAt })
        .getOne();
      if (clash) throw conflict('SLOT_OVERLAP', '与您已发布的时段重叠', 'Overlaps a slot you already published', { slotId: clash.id });
      const slot = manager.create(CounsellingSlot, {
        counsellorId: actor.userId,
        orgUnitId: actor.orgUnitId,
        startsAt,
        endsAt,
        mode: input.mode,
        place: input.mode === 'in_person' ? input.place!.trim() : (input.place?.trim() || null),
        status: 'open',
      });
      await manager.save(slot);
      await this.audit.record(manager, actor, { action: 'counselling_slot.publish', resourceType: 'counselling_slot', resourceId: slot.id });
      return toSlotDto(slot, (await staffNames(manager, this.users, [actor.userId])).get(actor.userId) ?? null, false);
    });
  }

  /** A counsellor's slots in a window (your own by default; another's only when their unit is in your scope). */
  list(actor: Actor, query: StaffSlotQueryDto): Promise<SlotDto[]> {
    const window = resolveWindow(query.from, query.to, this.clock.now());
    const counsellorId = query.counsellorId ?? actor.userId;
    return this.transactions.read(async (manager) => {
      const qb = manager
        .getRepository(CounsellingSlot)
        .createQueryBuilder('s')
        .where('s.counsellor_id = :counsellorId AND s.starts_at >= :from AND s.starts_at < :to', { counsellorId, ...window })
        .orderBy('s.startsAt', 'ASC')
        .addOrderBy('s.id');
      if (counsellorId !== actor.userId) this.scope.whereUnitInScope(qb, actor, 's.org_unit_id');
      const slots = await qb.getMany();
      const held = await this.heldSlotIds(manager, slots.map((s) => s.id));
      const names = await staffNames(manager, this.users, [counsellorId]);
      return slots.map((slot) => toSlotDto(slot, names.get(slot.counsellorId) ?? null, held.has(slot.id)));
    });
  }

  /** Takes a free slot off the calendar (409 SLOT_BOOKED while an appointment holds it: cancel that first). */
  withdraw(actor: Actor, slotId: string): Promise<SlotDto> {
    return this.transactions.run(async (manager) => {
      // Locked: a booking of this slot (which locks it too) either finished first or waits and sees it withdrawn.
      const slot = await forUpdate(manager.getRepository(CounsellingSlot).createQueryBuilder('s').where('s.id = :slotId', { slotId })).getOne();
      if (!slot) throw notFound('Slot', '该时段');
      if (slot.counsellorId !== actor.userId) await this.scope.requireUnit(manager, actor, slot.orgUnitId);
      if (slot.status === 'withdrawn') throw conflict('SLOT_WITHDRAWN', '该时段已撤下', 'The slot is already withdrawn');
      if ((await this.heldSlotIds(manager, [slot.id])).size > 0) {
        throw conflict('SLOT_BOOKED', '该时段已有预约，请先取消预约', 'The slot is booked; cancel the appointment first');
      }
      slot.status = 'withdrawn';
      await manager.save(slot);
      await this.audit.record(manager, actor, { action: 'counselling_slot.withdraw', resourceType: 'counselling_slot', resourceId: slot.id });
      return toSlotDto(slot, (await staffNames(manager, this.users, [slot.counsellorId])).get(slot.counsellorId) ?? null, false);
    });
  }

  private async heldSlotIds(manager: EntityManager, slotIds: string[]): Promise<Set<string>> {
    if (slotIds.length === 0) return new Set();
    const rows = await manager.find(Appointment, { where: { heldSlotId: In(slotIds) }, select: { id: true, heldSlotId: true } });
    return new Set(rows.map((row) => row.heldSlotId!));
  }
}

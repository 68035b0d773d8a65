import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { badRequest } from '../../../platform/errors/domain-error.js';
import { DEFAULT_OFFICE_HOURS, inOfficeHours, invalidWindow, type OfficeHoursWindow } from '../domain/office-hours.js';
import type { OfficeHoursDto, OfficeHoursViewDto } from '../dto/online-counselling.dto.js';
import { OfficeHours } from '../entities/office-hours.entity.js';
import { OnlineCounsellingSettings } from '../online-counselling.settings.js';

/** A counsellor's office hours for online messages (the default until they set their own). */
@Injectable()
export class OfficeHoursService {
  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly settings: OnlineCounsellingSettings,
    private readonly clock: Clock,
  ) {}

  async windowsOf(manager: EntityManager, counsellorId: string): Promise<{ windows: OfficeHoursWindow[]; isDefault: boolean }> {
    const row = await manager.findOne(OfficeHours, { where: { counsellorId } });
    return row ? { windows: row.windows, isDefault: false } : { windows: [...DEFAULT_OFFICE_HOURS], isDefault: true };
  }

  async inOfficeNow(manager: EntityManager, counsellorId: string): Promise<boolean> {
    const { windows } = await this.windowsOf(manager, counsellorId);
    return inOfficeHours(windows, this.clock.now(), this.settings.timeZone);
  }

  mine(actor: Actor): Promise<OfficeHoursViewDto> {
    return this.transactions.read((manager) => this.view(manager, actor.userId));
  }

  /** Replaces the caller's office hours (an empty list: never in office, every message gets the automatic reply). */
  set(actor: Actor, input: OfficeHoursDto): Promise<OfficeHoursViewDto> {
    const bad = invalidWindow(input.windows);
    if (bad) throw badRequest('OFFICE_HOURS_INVALID', `办公时间无效：${bad.from}–${bad.to}`, `Office hours must end after they start: ${bad.from}–${bad.to}`, { window: bad });
    return this.transactions.run(async (manager) => {
      const windows = input.windows.map(({ weekday, from, to }) => ({ weekday, from, to })).sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from));
      await manager.save(OfficeHours, { counsellorId: actor.userId, windows, updatedAt: this.clock.now() });
      await this.audit.record(manager, actor, { action: 'online_office_hours.set', resourceType: 'user', resourceId: actor.userId, detail: { windows: windows.length } });
      return this.view(manager, actor.userId);
    });
  }

  private async view(manager: EntityManager, counsellorId: string): Promise<OfficeHoursViewDto> {
    const { windows, isDefault } = await this.windowsOf(manager, counsellorId);
    return { windows, isDefault, timeZone: this.settings.timeZone, inOfficeNow: inOfficeHours(windows, this.clock.now(), this.settings.timeZone) };
  }
}

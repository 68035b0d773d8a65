import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrgUnitsService } from '../../people/org-units/org-units.service.js';
import { UsersService } from '../../people/users/users.service.js';
import type { Role } from '../../platform/auth/permissions.js';
import { NotificationService } from '../../platform/notifications/notification.service.js';
import type { DeskRequest } from '../entities/desk-request.entity.js';

/**
 * Tells people about a request, in the caller's transaction. Texts carry the reference number only: never the
 * caller, the summary, a note or a reason (the recipient opens the request in scope).
 */
@Injectable()
export class DeskNotifier {
  constructor(
    private readonly orgUnits: OrgUnitsService,
    private readonly users: UsersService,
    private readonly notifications: NotificationService,
  ) {}

  /** Staff with `roles` of the unit, or of the nearest unit above it that has any. */
  async staff(manager: EntityManager, unitId: string, roles: Role[], request: DeskRequest, kind: string, zh: string, en: string): Promise<void> {
    for (const unit of await this.orgUnits.ancestry(manager, unitId)) {
      const staff = await this.users.staffOf(manager, [unit.id], roles);
      if (staff.length === 0) continue;
      await this.notifications.notify(manager, staff.map((u) => ({ userId: u.id, email: u.email })), {
        kind,
        title: `${zh} ${request.reference} / ${en} ${request.reference}`,
        body: `${zh}：${request.reference}${request.crisis ? '（危机）' : ''}。/ ${en}: ${request.reference}${request.crisis ? ' (crisis)' : ''}.`,
        link: `/desk/requests/${request.id}`,
      });
      return;
    }
  }

  /** The worker, when the request is linked to a worker with an active account. */
  async worker(manager: EntityManager, request: DeskRequest, kind: string, zh: string, en: string): Promise<void> {
    if (!request.workerId) return;
    const user = await this.users.findByWorker(manager, request.workerId);
    if (!user?.active) return;
    await this.notifications.notify(manager, [{ userId: user.id, email: user.email }], {
      kind,
      title: `${zh} ${request.reference} / ${en} ${request.reference}`,
      body: `您的诉求 ${request.reference}：${zh}。/ Your request ${request.reference}: ${en}.`,
      link: `/me/requests/${request.id}`,
    });
  }
}

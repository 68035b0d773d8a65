import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { illegalTransition, notFound } from '../../../platform/errors/domain-error.js';
import { NotificationService } from '../../../platform/notifications/notification.service.js';
import { maskMobile } from '../../../platform/sms/phone-numbers.js';
import { AccessScope } from '../../access/access-scope.service.js';
import { OrgUnit } from '../../org-units/org-unit.entity.js';
import { User } from '../../users/user.entity.js';
import { Worker } from '../../workers/worker.entity.js';
import type { JoinRequestDto, JoinRequestQueryDto } from './join.dto.js';
import { JoinRequest } from './join-request.entity.js';

/** The unit's queue of self-joined workers waiting for membership to be confirmed (入会确认). */
@Injectable()
export class JoinRequestsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
  ) {}

  list(actor: Actor, query: JoinRequestQueryDto): Promise<JoinRequestDto[]> {
    return this.transactions.read(async (manager) => {
      const qb = manager.getRepository(JoinRequest).createQueryBuilder('r').orderBy('r.created_at', 'ASC').take(200);
      if (query.status) qb.andWhere('r.status = :status', { status: query.status });
      this.scope.whereUnitInScope(qb, actor, 'r.org_unit_id');
      return this.toDtos(manager, await qb.getMany());
    });
  }

  confirm(actor: Actor, id: string): Promise<JoinRequestDto> {
    return this.decide(actor, id, 'confirmed', null);
  }

  decline(actor: Actor, id: string, reason: string): Promise<JoinRequestDto> {
    return this.decide(actor, id, 'declined', reason.trim());
  }

  private decide(actor: Actor, id: string, to: 'confirmed' | 'declined', reason: string | null): Promise<JoinRequestDto> {
    return this.transactions.run(async (manager) => {
      const qb = manager.getRepository(JoinRequest).createQueryBuilder('r').where('r.id = :id', { id });
      const request = await this.scope.whereUnitInScope(qb, actor, 'r.org_unit_id').getOne();
      if (!request) throw notFound('JoinRequest', '入会申请');
      if (request.status !== 'pending') throw illegalTransition(request.status, to, ['pending']);
      request.status = to;
      request.decidedBy = actor.userId;
      request.decidedAt = this.clock.now();
      request.reason = reason;
      await manager.save(request);
      await manager.update(Worker, { id: request.workerId }, { membership: to === 'confirmed' ? 'member' : 'declined' });
      await this.audit.record(manager, actor, { action: `join_request.${to === 'confirmed' ? 'confirm' : 'decline'}`, resourceType: 'join_request', resourceId: request.id, workerId: request.workerId });
      const user = await manager.findOne(User, { where: { workerId: request.workerId, active: true }, select: { id: true, email: true } });
      if (user) {
        await this.notifications.notify(manager, [{ userId: user.id, email: user.email }], to === 'confirmed'
          ? { kind: 'join.confirmed', title: '入会已确认 / Membership confirmed', body: '欢迎加入工会！/ Welcome to the union!', link: '/me' }
          : { kind: 'join.declined', title: '入会未通过 / Membership not confirmed', body: `原因：${reason ?? ''}。心理服务仍可继续使用。/ Reason: ${reason ?? ''}. You can still use the psychological services.`, link: '/me' });
      }
      return (await this.toDtos(manager, [request]))[0];
    });
  }

  private async toDtos(manager: EntityManager, requests: JoinRequest[]): Promise<JoinRequestDto[]> {
    if (requests.length === 0) return [];
    const workerIds = [...new Set(requests.flatMap((r) => [r.workerId, ...(r.possibleDuplicateOf ? [r.possibleDuplicateOf] : [])]))];
    const workers = new Map((await manager.find(Worker, { where: { id: In(workerIds) } })).map((w) => [w.id, w]));
    const units = new Map((await manager.find(OrgUnit, { where: { id: In([...new Set(requests.map((r) => r.orgUnitId))]) }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
    return requests.map((r) => {
      const worker = workers.get(r.workerId);
      const duplicate = r.possibleDuplicateOf ? workers.get(r.possibleDuplicateOf) : undefined;
      return {
        id: r.id,
        workerId: r.workerId,
        workerName: worker?.name ?? '',
        orgUnitId: r.orgUnitId,
        orgUnitName: units.get(r.orgUnitId) ?? '',
        occupationGroup: worker?.occupationGroup ?? 'employee',
        employer: worker?.employer ?? null,
        phone: worker?.phone ? maskMobile(worker.phone) : null,
        matched: r.matched,
        possibleDuplicateOf: duplicate ? { workerId: duplicate.id, name: duplicate.name } : null,
        status: r.status,
        reason: r.reason,
        createdAt: r.createdAt.toISOString(),
        decidedAt: r.decidedAt?.toISOString() ?? null,
      };
    });
  }
}

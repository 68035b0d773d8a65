import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import { workerNamesOf } from '../../../people/names.js';
import { ownWorkerId } from '../../../people/me/own-worker.js';
import { UsersService } from '../../../people/users/users.service.js';
import { UpdateWorkerDto } from '../../../people/workers/worker.dto.js';
import { WorkersService } from '../../../people/workers/workers.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { badRequest, conflict, notFound } from '../../../platform/errors/domain-error.js';
import { NotificationService } from '../../../platform/notifications/notification.service.js';
import type { CorrectionRequestInput, DeletionRequestInput, RefuseRequestInput, RightsRequestDto, RightsRequestQueryDto } from '../dto/rights.dto.js';
import { RightsRequest } from '../entities/rights-request.entity.js';
import { toRightsRequestDto } from '../rights-mapper.js';
import { ErasureService } from './erasure.service.js';

/**
 * Correction and deletion requests (PIPL arts. 46–47): the worker asks; a counsellor or supervisor of the worker's
 * subtree reviews. Approving a correction applies it to the profile (as an audited profile edit); approving a
 * deletion erases or pseudonymises the worker's data in every module (ErasureService); a refusal must give a reason
 * (e.g. legal retention of crisis records), which the worker reads.
 */
@Injectable()
export class RightsRequestsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly audit: AuditService,
    private readonly workers: WorkersService,
    private readonly users: UsersService,
    private readonly erasure: ErasureService,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
  ) {}

  requestCorrection(actor: Actor, input: CorrectionRequestInput): Promise<RightsRequestDto> {
    return this.create(actor, 'correction', JSON.stringify({ field: input.field, value: input.value }), input.note ?? null);
  }

  requestDeletion(actor: Actor, input: DeletionRequestInput): Promise<RightsRequestDto> {
    return this.create(actor, 'deletion', null, input.note ?? null);
  }

  private create(actor: Actor, kind: RightsRequest['kind'], change: string | null, note: string | null): Promise<RightsRequestDto> {
    return this.transactions.run(async (manager) => {
      const worker = await this.scope.requireWorker(manager, actor, ownWorkerId(actor));
      if (kind === 'deletion' && (await manager.exists(RightsRequest, { where: { workerId: worker.id, kind, status: 'pending' } }))) {
        throw conflict('DELETION_ALREADY_REQUESTED', '您已提交删除申请，正在审核中', 'A deletion request of yours is already under review');
      }
      const request = manager.create(RightsRequest, { workerId: worker.id, orgUnitId: worker.orgUnitId, kind, status: 'pending', change, workerNote: note });
      await manager.save(request);
      await this.audit.record(manager, actor, { action: `rights.${kind}_requested`, resourceType: 'rights_request', resourceId: request.id, workerId: worker.id });
      return toRightsRequestDto(request);
    });
  }

  mine(actor: Actor): Promise<RightsRequestDto[]> {
    return this.transactions.read(async (manager) => {
      const rows = await manager.find(RightsRequest, { where: { workerId: ownWorkerId(actor) }, order: { createdAt: 'DESC', id: 'DESC' } });
      return rows.map((r) => toRightsRequestDto(r));
    });
  }

  /** Requests of workers in the reviewer's subtree, oldest pending first. */
  async list(actor: Actor, query: RightsRequestQueryDto): Promise<RightsRequestDto[]> {
    const items = await this.transactions.read(async (manager) => {
      const qb = manager.getRepository(RightsRequest).createQueryBuilder('r').orderBy('r.created_at', 'ASC').addOrderBy('r.id', 'ASC').limit(200);
      if (query.status) qb.andWhere('r.status = :status', { status: query.status });
      const rows = await this.scope.whereUnitInScope(qb, actor, 'r.org_unit_id').getMany();
      const names = await workerNamesOf(manager, rows.map((r) => r.workerId));
      return rows.map((r) => toRightsRequestDto(r, undefined, names.get(r.workerId) ?? ''));
    });
    // The queue names the workers, so reading it is recorded like a worker search.
    await this.audit.recordRead(actor, { action: 'rights.request_list', resourceType: 'rights_request', detail: { results: items.length, status: query.status ?? null } });
    return items;
  }

  async get(actor: Actor, id: string): Promise<RightsRequestDto> {
    const dto = await this.transactions.read(async (manager) => {
      const request = await this.require(manager, actor, id);
      const holds = request.kind === 'deletion' && request.status === 'pending' ? await this.erasure.holds(manager, request.workerId) : undefined;
      const names = await workerNamesOf(manager, [request.workerId]);
      return toRightsRequestDto(request, holds, names.get(request.workerId) ?? '');
    });
    await this.audit.recordRead(actor, { action: 'rights.request_read', resourceType: 'rights_request', resourceId: id, workerId: dto.workerId });
    return dto;
  }

  async approve(actor: Actor, id: string): Promise<RightsRequestDto> {
    const pending = await this.transactions.read((manager) => this.require(manager, actor, id, true));
    if (pending.kind === 'correction') {
      const change = JSON.parse(pending.change ?? '{}') as { field: string; value: string };
      await this.workers.update(actor, pending.workerId, await this.correction(change));
    }
    return this.transactions.run(async (manager) => {
      const request = await this.require(manager, actor, id, true);
      if (request.kind === 'deletion') {
        const holds = await this.erasure.holds(manager, request.workerId);
        if (holds.length > 0) {
          throw conflict('RETENTION_HOLD', `须依法保留，暂不能删除：${holds.map((h) => h.zh).join('；')}`, `Must be kept for now: ${holds.map((h) => h.en).join('; ')}`, { holds });
        }
        const worker = await this.scope.requireWorker(manager, actor, request.workerId);
        const account = await this.users.findByWorker(manager, worker.id);
        if (account) await this.notify(manager, account.id, '您的删除申请已完成', 'Your deletion request has been carried out');
        request.outcome = await this.erasure.erase(manager, worker);
        await manager.update(RightsRequest, { workerId: worker.id }, { change: null, workerNote: null, reviewNote: null });
        Object.assign(request, { change: null, workerNote: null, reviewNote: null });
      } else {
        const account = await this.users.findByWorker(manager, request.workerId);
        if (account) await this.notify(manager, account.id, '您的更正申请已处理', 'Your correction request has been applied');
      }
      Object.assign(request, { status: 'completed', reviewedBy: actor.userId, reviewedAt: this.clock.now() });
      await manager.save(request);
      await this.audit.record(manager, actor, {
        action: `rights.${request.kind}_completed`,
        resourceType: 'rights_request',
        resourceId: request.id,
        workerId: request.workerId,
      });
      return toRightsRequestDto(request);
    });
  }

  refuse(actor: Actor, id: string, input: RefuseRequestInput): Promise<RightsRequestDto> {
    return this.transactions.run(async (manager) => {
      const request = await this.require(manager, actor, id, true);
      Object.assign(request, { status: 'refused', refusalCode: input.code, reviewNote: input.reason, reviewedBy: actor.userId, reviewedAt: this.clock.now() });
      await manager.save(request);
      await this.audit.record(manager, actor, {
        action: `rights.${request.kind}_refused`,
        resourceType: 'rights_request',
        resourceId: request.id,
        workerId: request.workerId,
        detail: { code: input.code },
      });
      const account = await this.users.findByWorker(manager, request.workerId);
      if (account) await this.notify(manager, account.id, '您的申请未获批准', 'Your request was not approved');
      return toRightsRequestDto(request);
    });
  }

  private async notify(manager: EntityManager, userId: string, zh: string, en: string): Promise<void> {
    await this.notifications.notify(manager, [{ userId }], { kind: 'rights_request.decided', title: `${zh} / ${en}`, body: `${zh}。/ ${en}.`, link: '/me/rights-requests' });
  }

  /** The request, if its worker is in the reviewer's scope (404 otherwise); `pending` refuses a decided one. */
  private async require(manager: EntityManager, actor: Actor, id: string, pending = false): Promise<RightsRequest> {
    const request = await manager.findOne(RightsRequest, { where: { id } });
    if (!request) throw notFound('Rights request', '该申请');
    await this.scope.requireUnit(manager, actor, request.orgUnitId).catch(() => {
      throw notFound('Rights request', '该申请');
    });
    if (pending && request.status !== 'pending') {
      throw conflict('REQUEST_DECIDED', '该申请已处理', 'This request has already been decided', { status: request.status });
    }
    return request;
  }

  /** The correction as a profile edit, checked by the same rules as one. */
  private async correction(change: { field: string; value: string }): Promise<UpdateWorkerDto> {
    const raw = { [change.field]: change.field === 'birthYear' ? Number(change.value) : change.value };
    const input = plainToInstance(UpdateWorkerDto, raw);
    const errors = await validate(input, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      throw badRequest('CORRECTION_INVALID', '更正内容不符合格式要求，请拒绝并说明原因', 'The corrected value is not valid; refuse the request with a reason', {
        fields: errors.map((e) => e.property),
      });
    }
    return input;
  }
}

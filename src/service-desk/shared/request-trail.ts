import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { Permission } from '../../platform/auth/permissions.js';
import { Clock } from '../../platform/clock/clock.js';
import { PushHub } from '../../platform/push/push-hub.service.js';
import { DeskForward } from '../entities/desk-forward.entity.js';
import { DeskRequestEvent, type TrailKind } from '../entities/desk-request-event.entity.js';
import type { DeskRequest } from '../entities/desk-request.entity.js';
import type { RequestStatus } from '../domain/request-state.js';

export interface TrailEntry {
  kind: TrailKind;
  actorId: string | null;
  fromStatus?: RequestStatus | null;
  toStatus?: RequestStatus | null;
  fromUnitId?: string | null;
  toUnitId?: string | null;
  body?: string | null;
  toWorker?: boolean;
  dueAt?: Date | null;
  detail?: Record<string, unknown> | null;
}

/**
 * Appends to a request's trail in the caller's transaction (history rows commit or roll back with the change). The
 * caller holds the request row (locked on PostgreSQL) and saves it afterwards: `trailLength` numbers the rows.
 */
@Injectable()
export class RequestTrail {
  constructor(
    private readonly clock: Clock,
    private readonly push: PushHub,
  ) {}

  async append(manager: EntityManager, request: DeskRequest, entry: TrailEntry): Promise<void> {
    const row = manager.create(DeskRequestEvent, {
      requestId: request.id,
      seq: ++request.trailLength,
      kind: entry.kind,
      actorId: entry.actorId,
      fromStatus: entry.fromStatus ?? null,
      toStatus: entry.toStatus ?? null,
      fromUnitId: entry.fromUnitId ?? null,
      toUnitId: entry.toUnitId ?? null,
      body: entry.body ?? null,
      toWorker: entry.toWorker ?? false,
      dueAt: entry.dueAt ?? null,
      detail: entry.detail ?? null,
      createdAt: this.clock.now(),
    });
    // insert, not save: save would SELECT first; the transformer still encrypts the body.
    await manager.insert(DeskRequestEvent, row as QueryDeepPartialEntity<DeskRequestEvent>);
    // Open desk queues and request pages in scope update on commit (ids and the kind of step only).
    await this.push.publish(manager, {
      topic: 'desk_request',
      change: entry.kind,
      id: request.id,
      audience: { permission: Permission.DeskRead, unitPaths: await this.push.unitPaths(manager, await this.visibleFrom(manager, request, entry)) },
      data: { urgency: request.urgency, crisis: request.crisis ?? false, status: entry.toStatus ?? request.status },
    });
  }

  /** The units whose subtrees see the request (DeskAccess.whereVisible): handling, origin, supervising, forwarders. */
  private async visibleFrom(manager: EntityManager, request: DeskRequest, entry: TrailEntry): Promise<Array<string | null>> {
    const forwards = await manager.find(DeskForward, { where: { requestId: request.id }, select: { fromUnitId: true } });
    return [request.handlingUnitId, request.subjectUnitId, request.supervisingUnitId, entry.fromUnitId ?? null, entry.toUnitId ?? null, ...forwards.map((f) => f.fromUnitId)];
  }

  /** The whole trail, oldest first. */
  of(manager: EntityManager, requestId: string): Promise<DeskRequestEvent[]> {
    return manager.find(DeskRequestEvent, { where: { requestId }, order: { seq: 'ASC' } });
  }

  /** Whether the worker has had a reply (有诉必回): a reply row marked for the worker. */
  async hasReply(manager: EntityManager, requestId: string): Promise<boolean> {
    return manager.exists(DeskRequestEvent, { where: { requestId, kind: 'replied', toWorker: true } });
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Permission } from '../../../platform/auth/permissions.js';
import { PushHub } from '../../../platform/push/push-hub.service.js';
import type { CrisisCase } from '../entities/crisis-case.entity.js';

export const CRISIS_CASE_TOPIC = 'crisis_case';

/**
 * Tells the open queues of everyone whose scope holds the worker that a case opened or changed (on commit; see
 * PushHub). Only ids, level and state travel: the queue reloads through the API, which checks scope and audits.
 */
@Injectable()
export class CasePush {
  constructor(private readonly hub: PushHub) {}

  async changed(manager: EntityManager, c: CrisisCase, change: 'opened' | 'joined' | 'level' | 'state' | 'assigned' | 'escalated'): Promise<void> {
    await this.hub.publish(manager, {
      topic: CRISIS_CASE_TOPIC,
      change,
      id: c.id,
      audience: { permission: Permission.CrisisCaseRead, unitPaths: await this.hub.workerUnitPaths(manager, c.workerId) },
      data: { level: c.level, state: c.state, assigneeId: c.assigneeId },
    });
  }
}

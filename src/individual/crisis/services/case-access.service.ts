import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { Clock } from '../../../platform/clock/clock.js';
import { dbTime } from '../../../platform/database/db-time.js';
import { DomainError } from '../../../platform/errors/domain-error.js';
import { CrisisErrors } from '../crisis-errors.js';
import { BreakGlassGrant } from '../entities/break-glass-grant.entity.js';
import { CrisisCase } from '../entities/crisis-case.entity.js';

export interface CaseInReach {
  crisisCase: CrisisCase;
  /** Set when the actor reaches the case only through a break-the-glass grant (audit rows carry it). */
  grantId: string | null;
}

/**
 * Record-level access to crisis cases, in one place: a case is reachable when its worker is in the actor's scope
 * (AccessScope), or through the actor's own unexpired break-the-glass grant for that worker. Anything else is 404,
 * also another counsellor's case outside one's scope, so existence is not revealed.
 */
@Injectable()
export class CaseAccess {
  constructor(
    private readonly scope: AccessScope,
    private readonly clock: Clock,
  ) {}

  async requireCase(manager: EntityManager, actor: Actor, caseId: string): Promise<CaseInReach> {
    const crisisCase = await manager.findOne(CrisisCase, { where: { id: caseId } });
    if (!crisisCase) throw CrisisErrors.caseNotFound();
    const grantId = await this.requireWorker(manager, actor, crisisCase.workerId).catch((error: unknown) => {
      throw error instanceof DomainError && error.status === 404 ? CrisisErrors.caseNotFound() : error;
    });
    return { crisisCase, grantId };
  }

  /** null when the worker is in scope, the grant id when reached by break-the-glass; 404 otherwise. */
  async requireWorker(manager: EntityManager, actor: Actor, workerId: string): Promise<string | null> {
    if (await this.inScope(manager, actor, workerId)) return null;
    const grant = await this.activeGrant(manager, actor, workerId);
    if (grant) return grant.id;
    throw CrisisErrors.caseNotFound();
  }

  async inScope(manager: EntityManager, actor: Actor, workerId: string): Promise<boolean> {
    try {
      await this.scope.requireWorker(manager, actor, workerId);
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.status === 404) return false;
      throw error;
    }
  }

  async activeGrant(manager: EntityManager, actor: Actor, workerId: string): Promise<BreakGlassGrant | null> {
    return manager
      .getRepository(BreakGlassGrant)
      .createQueryBuilder('g')
      .where('g.user_id = :userId AND g.worker_id = :workerId AND g.expires_at > :now', {
        userId: actor.userId,
        workerId,
        now: dbTime(this.clock.now()),
      })
      .orderBy('g.expires_at', 'DESC')
      .getOne();
  }
}

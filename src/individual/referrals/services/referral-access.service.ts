import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../../platform/auth/actor.js';
import { DomainError } from '../../../platform/errors/domain-error.js';
import { CaseAccess } from '../../crisis/services/case-access.service.js';
import { Referral } from '../entities/referral.entity.js';
import { ReferralErrors } from '../referral-errors.js';

/**
 * A referral is reachable when its worker is: in scope, or under the actor's break-the-glass grant (the counsellor
 * handling an emergency may need to refer). Otherwise 404.
 */
@Injectable()
export class ReferralAccess {
  constructor(private readonly cases: CaseAccess) {}

  async require(manager: EntityManager, actor: Actor, id: string): Promise<{ referral: Referral; grantId: string | null }> {
    const referral = await manager.findOne(Referral, { where: { id } });
    if (!referral) throw ReferralErrors.notFound();
    const grantId = await this.cases.requireWorker(manager, actor, referral.workerId).catch((error: unknown) => {
      throw error instanceof DomainError && error.status === 404 ? ReferralErrors.notFound() : error;
    });
    return { referral, grantId };
  }
}

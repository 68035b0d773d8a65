import type { EntityManager } from 'typeorm';
import type { AccessScope } from '../../people/access/access-scope.service.js';
import type { OrgUnitsService } from '../../people/org-units/org-units.service.js';
import type { UsersService } from '../../people/users/users.service.js';
import type { Worker } from '../../people/workers/worker.entity.js';
import type { Actor } from '../../platform/auth/actor.js';
import { notFound } from '../../platform/errors/domain-error.js';
import type { ViewerFacts } from './audience.js';

export interface Viewer {
  worker: Worker;
  facts: ViewerFacts;
}

/** The signed-in worker's own worker id; 404 for accounts without a worker profile. */
export function ownWorkerId(actor: Actor): string {
  if (!actor.workerId) throw notFound('Worker profile', '您的职工档案');
  return actor.workerId;
}

/** The signed-in worker's own profile (through AccessScope) and the facts targeting reads; 404 for staff accounts. */
export async function loadViewer(manager: EntityManager, scope: AccessScope, orgUnits: OrgUnitsService, actor: Actor): Promise<Viewer> {
  const worker = await scope.requireWorker(manager, actor, ownWorkerId(actor));
  const ancestry = await orgUnits.ancestry(manager, worker.orgUnitId);
  return {
    worker,
    facts: {
      unitAncestry: ancestry.map((unit) => unit.id),
      gender: worker.gender,
      specialPost: worker.specialPost,
      employmentStatus: worker.employmentStatus,
      cadreLevel: worker.cadreLevel,
      lifeEvents: worker.lifeEvents ?? [],
    },
  };
}

/** Display names of staff users (counsellors, facilitators) by id, through the people module's service. */
export function staffNames(manager: EntityManager, users: UsersService, ids: Iterable<string>): Promise<Map<string, string>> {
  return users.displayNames(manager, ids);
}

/** The user account of a worker, for notifications (null when the worker has no account). */
export async function recipientOf(manager: EntityManager, users: UsersService, workerId: string): Promise<{ userId: string; email: string | null } | null> {
  const user = await users.findByWorker(manager, workerId);
  return user && user.active ? { userId: user.id, email: user.email } : null;
}

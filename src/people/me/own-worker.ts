import type { Actor } from '../../platform/auth/actor.js';
import { notFound } from '../../platform/errors/domain-error.js';

/** The worker profile of a signed-in worker account (404 for staff accounts, which have none). */
export function ownWorkerId(actor: Actor): string {
  if (!actor.workerId) throw notFound('Worker profile', '您的职工档案');
  return actor.workerId;
}

import type { Actor } from '../auth/actor.js';
import { roleHas, type Permission } from '../auth/permissions.js';

/**
 * Who reads a published figure exactly: only a caller who may read the records behind it one by one (desk staff their
 * requests, EAP staff their referrals): exact counts tell them nothing they could not count themselves. Everyone
 * else (officials, administrators) reads it perturbed with cell-key perturbation and withheld under k
 * (platform/reporting/cell-key.ts; docs/insights.md). One rule for every figure that is published to both.
 */
export function readsExactFigures(actor: Actor, recordPermission: Permission): boolean {
  return roleHas(actor.role, recordPermission);
}

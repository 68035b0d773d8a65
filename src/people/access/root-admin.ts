import type { Actor } from '../../platform/auth/actor.js';
import type { Transactions } from '../../platform/database/transactions.js';
import { forbidden } from '../../platform/errors/domain-error.js';
import { OrgUnit } from '../org-units/org-unit.entity.js';

/** What spans every unit (the audit log, the job queue) is for administrators of the root unit only. */
export async function requireRootAdmin(transactions: Transactions, actor: Actor, zhWhat: string, enWhat: string): Promise<void> {
  const unit = await transactions.read((m) => m.findOne(OrgUnit, { where: { id: actor.orgUnitId } }));
  if (!unit || unit.parentId !== null) {
    throw forbidden('ROOT_ADMIN_ONLY', `只有根单位的管理员可以${zhWhat}`, `Only administrators of the root unit may ${enWhat}`);
  }
}

import { In, type EntityManager } from 'typeorm';
import { num } from '../../../platform/database/sql-helpers.js';
import type { GroupCounts } from '../groups.mapper.js';
import { Membership } from '../entities/membership.entity.js';

/** Active members and open requests per group, in one GROUP BY. */
export async function groupCounts(manager: EntityManager, groupIds: string[]): Promise<Map<string, GroupCounts>> {
  const counts = new Map<string, GroupCounts>(groupIds.map((id) => [id, { active: 0, requested: 0 }]));
  if (groupIds.length === 0) return counts;
  const rows = await manager
    .getRepository(Membership)
    .createQueryBuilder('m')
    .select('m.group_id', 'groupId')
    .addSelect(`SUM(CASE WHEN m.status = 'active' THEN 1 ELSE 0 END)`, 'active')
    .addSelect(`SUM(CASE WHEN m.status = 'requested' THEN 1 ELSE 0 END)`, 'requested')
    .where({ groupId: In(groupIds) })
    .groupBy('m.group_id')
    .getRawMany<{ groupId: string; active: unknown; requested: unknown }>();
  for (const row of rows) counts.set(row.groupId, { active: num(row.active), requested: num(row.requested) });
  return counts;
}

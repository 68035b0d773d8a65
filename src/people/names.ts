import type { EntityManager } from 'typeorm';

/**
 * Display names for ids the caller has already been allowed to see (they come from a scoped query): workers by
 * their name, staff by their display name. One read-only query per page of rows; an unknown id is left out.
 */
export async function workerNamesOf(manager: EntityManager, workerIds: readonly string[]): Promise<Map<string, string>> {
  return namesOf(manager, 'workers', 'name', workerIds);
}

export async function userNamesOf(manager: EntityManager, userIds: readonly string[]): Promise<Map<string, string>> {
  return namesOf(manager, 'users', 'display_name', userIds);
}

async function namesOf(manager: EntityManager, table: 'workers' | 'users', column: string, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.length === 0) return new Map();
  const rows = await manager
    .createQueryBuilder()
    .select('n.id', 'id')
    .addSelect(`n.${column}`, 'name')
    .from(table, 'n')
    .where('n.id IN (:...ids)', { ids: unique })
    .getRawMany<{ id: string; name: string }>();
  return new Map(rows.map((r) => [r.id, r.name]));
}

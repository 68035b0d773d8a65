import type { EntityManager } from 'typeorm';

/**
 * Display names of workers the caller has already been allowed to see (ids come from a scoped query). Reads the
 * people table `workers` by name, read-only, in one query per page.
 */
export async function workerNames(manager: EntityManager, workerIds: string[]): Promise<Map<string, string>> {
  if (workerIds.length === 0) return new Map();
  const rows = await manager
    .createQueryBuilder()
    .select('wn.id', 'id')
    .addSelect('wn.name', 'name')
    .from('workers', 'wn')
    .where('wn.id IN (:...workerIds)', { workerIds: [...new Set(workerIds)] })
    .getRawMany<{ id: string; name: string }>();
  return new Map(rows.map((r) => [r.id, r.name]));
}

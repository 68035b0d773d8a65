import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DIALECT } from '../../platform/database/dialect.js';
import { queryNamed } from '../../platform/database/named-query.js';
import { applyDeltas, moveSubtree, rollupSql, type CountDelta, type RollupTable } from '../org-units/unit-rollup.js';

/** What the dashboards count a worker by, and their record key. */
export interface CountedProfile {
  workerId: string;
  orgUnitId: string;
  gender: string;
  birthYear: number | null;
  recordKey: number;
}

/** Counts kept by another module over workers' profiles (the assessments module's screening counts). */
export interface ProfileCounts {
  table: RollupTable;
  /** Moves the worker's counts from `before` to `after`, in the caller's transaction. */
  profileChanged(manager: EntityManager, before: CountedProfile, after: CountedProfile): Promise<void>;
  /** Uncounts everything counted of these workers, before their rows are rewritten wholesale (`recounting`). */
  withdraw(manager: EntityManager, profiles: CountedProfile[]): Promise<void>;
  /** Counts them again from their facts as the rewrite left them. */
  recount(manager: EntityManager, profiles: CountedProfile[]): Promise<void>;
}

export const POPULATION_TABLE: RollupTable = { name: 'population_counts', key: ['unit_id', 'scope', 'gender', 'birth_year'] };

const PROFILE_COLUMNS = 'id, org_unit_id, gender, birth_year, record_key';

function toProfile(row: Record<string, unknown>): CountedProfile {
  return {
    workerId: String(row.id),
    orgUnitId: String(row.org_unit_id),
    gender: String(row.gender),
    birthYear: row.birth_year === null || row.birth_year === undefined ? null : Number(row.birth_year),
    recordKey: Number(row.record_key),
  };
}

/**
 * A worker's counted profile, locked for the rest of the transaction on PostgreSQL (`FOR NO KEY UPDATE`): a
 * submission and a profile change of one worker then run one after the other, so each moves the counts from the
 * state the other left. SQLite has one writer at a time.
 */
export async function lockProfile(manager: EntityManager, workerId: string): Promise<CountedProfile> {
  const lock = DIALECT === 'postgres' ? ' FOR NO KEY UPDATE' : '';
  const [row] = await queryNamed<Record<string, unknown>>(manager, `SELECT ${PROFILE_COLUMNS} FROM workers WHERE id = :pc_worker${lock}`, { pc_worker: workerId });
  if (!row) throw new Error(`worker ${workerId} not found`);
  return toProfile(row);
}

const delta = (p: CountedProfile, sign: 1 | -1): CountDelta => ({
  unitId: p.orgUnitId,
  at: { gender: p.gender, birth_year: p.birthYear ?? 0 },
  n: sign,
  key: sign * p.recordKey,
});

/** Rebuild from the facts, set-based: the direct rows from `workers`, then the subtree rows from them. */
export function rebuildPopulationSql(): string[] {
  return [
    'DELETE FROM population_counts',
    `INSERT INTO population_counts (unit_id, scope, gender, birth_year, n, key_sum)
     SELECT w.org_unit_id, 'direct', w.gender, COALESCE(w.birth_year, 0), COUNT(*), SUM(w.record_key) FROM workers w
     GROUP BY w.org_unit_id, w.gender, COALESCE(w.birth_year, 0)`,
    rollupSql(POPULATION_TABLE),
  ];
}

/**
 * The dashboards' pre-aggregated population (population_counts), kept by every write that adds a worker or changes
 * what they are counted by, in its transaction; and the registry of other modules' counts over profiles, moved in
 * the same transaction when a worker's unit, gender or birth year changes, or a unit moves.
 */
@Injectable()
export class PopulationCounts {
  private readonly dependents: ProfileCounts[] = [];

  register(counts: ProfileCounts): void {
    this.dependents.push(counts);
  }

  /** New profiles (by hand, a roster import, a join request): counted once each. */
  async created(manager: EntityManager, workerIds: readonly string[]): Promise<void> {
    for (let i = 0; i < workerIds.length; i += 500) {
      const rows = await queryNamed<Record<string, unknown>>(manager, `SELECT ${PROFILE_COLUMNS} FROM workers WHERE id IN (:...pc_ids)`, {
        pc_ids: workerIds.slice(i, i + 500),
      });
      await applyDeltas(manager, POPULATION_TABLE, rows.map((row) => delta(toProfile(row), 1)));
    }
  }

  /** After the profile's update in this transaction: `before` from `lockProfile`, taken before it. */
  async changed(manager: EntityManager, before: CountedProfile): Promise<void> {
    const [after] = await queryNamed<Record<string, unknown>>(manager, `SELECT ${PROFILE_COLUMNS} FROM workers WHERE id = :pc_worker`, { pc_worker: before.workerId });
    const now = toProfile(after);
    if (now.orgUnitId === before.orgUnitId && now.gender === before.gender && now.birthYear === before.birthYear) return;
    await applyDeltas(manager, POPULATION_TABLE, [delta(before, -1), delta(now, 1)]);
    for (const dependent of this.dependents) await dependent.profileChanged(manager, before, now);
  }

  /**
   * A rewrite of whole profiles (a merge of duplicate profiles, its undo: results and profile fields move between
   * workers): the workers leave every count, the rewrite runs, and they are counted again from their facts as it left
   * them, all in the caller's transaction, so the counts stay equal to a rebuild.
   */
  async recounting<T>(manager: EntityManager, workerIds: readonly string[], rewrite: () => Promise<T>): Promise<T> {
    const ids = [...new Set(workerIds)].sort(); // one lock order for every rewrite
    const profiles = async () => {
      const locked: CountedProfile[] = [];
      for (const id of ids) locked.push(await lockProfile(manager, id));
      return locked;
    };
    const before = await profiles();
    await applyDeltas(manager, POPULATION_TABLE, before.map((p) => delta(p, -1)));
    for (const dependent of this.dependents) await dependent.withdraw(manager, before);
    const result = await rewrite();
    const after = await profiles();
    await applyDeltas(manager, POPULATION_TABLE, after.map((p) => delta(p, 1)));
    for (const dependent of this.dependents) await dependent.recount(manager, after);
    return result;
  }

  /** After a unit's subtree was re-rooted in this transaction (OrgUnitsService.move). */
  async unitMoved(manager: EntityManager, unitId: string, oldPath: string, newPath: string): Promise<void> {
    for (const table of [POPULATION_TABLE, ...this.dependents.map((d) => d.table)]) await moveSubtree(manager, table, unitId, oldPath, newPath);
  }
}

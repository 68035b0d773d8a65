import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { In, type EntityManager } from 'typeorm';
import { AccessScope } from '../../people/access/access-scope.service.js';
import { Consent } from '../../people/consents/consent.entity.js';
import { ConsentsService } from '../../people/consents/consents.service.js';
import { User } from '../../people/users/user.entity.js';
import { PopulationCounts } from '../../people/workers/population-counts.js';
import type { MembershipState } from '../../people/workers/worker-facts.js';
import { Worker } from '../../people/workers/worker.entity.js';
import { AccountStates } from '../../platform/auth/account-states.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Clock } from '../../platform/clock/clock.js';
import type { AppConfig } from '../../platform/config/app-config.js';
import { forUpdate } from '../../platform/database/sql-helpers.js';
import { Transactions } from '../../platform/database/transactions.js';
import { conflict, notFound } from '../../platform/errors/domain-error.js';
import { DuplicatesService, sameWorker } from './duplicates.service.js';
import { mergeWorkers } from './merge-workers.js';
import { moveRows, restoreRows } from './row-mover.js';
import { WorkerMerge } from './worker-merge.entity.js';
import type { CreateWorkerMergeDto, MergeConsentDto, WorkerMergeDto, WorkerMergeQueryDto } from './worker-merge.dto.js';

/** Profile fields a merge fills on the kept profile when it has none and the duplicate has one. */
const FILLED = ['employeeNo', 'phone', 'phone2', 'email', 'employer', 'jobTitle', 'birthYear', 'emergencyName', 'emergencyRelation', 'emergencyPhone'] as const;
const MEMBERSHIP_RANK: Record<MembershipState, number> = { declined: 0, pending: 1, member: 2 };

/** Each changed field: [before, after], so an undo puts back only what nobody has edited since. */
type FieldChanges = Record<string, [unknown, unknown]>;
interface ProfileBefore {
  keep: FieldChanges;
  merge: FieldChanges;
}

/**
 * Merging a duplicate 职工档案 into the kept one, in one transaction: every row of every table that points at a worker
 * (found from the entity metadata, worker-references.ts) moves, journalled by primary key; consents only narrow; the
 * duplicate's account moves, or is disabled when the kept profile has its own; the duplicate stays as a tombstone
 * (`erased`, `merged_into_id`). An undo within WORKER_MERGE_UNDO_DAYS puts back exactly what moved.
 */
@Injectable()
export class WorkerMergeService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly audit: AuditService,
    private readonly consents: ConsentsService,
    private readonly duplicates: DuplicatesService,
    private readonly accounts: AccountStates,
    private readonly counts: PopulationCounts,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  merge(actor: Actor, input: CreateWorkerMergeDto): Promise<WorkerMergeDto> {
    if (input.keepId === input.mergeId) throw sameWorker();
    return this.transactions.run(async (manager) => {
      await this.scope.requireWorker(manager, actor, input.keepId);
      await this.scope.requireWorker(manager, actor, input.mergeId);
      // Two merges of the same profiles at once: the second waits here, then finds a tombstone (404).
      const [keep, merge] = await this.lockBoth(manager, input.keepId, input.mergeId);
      if (merge.mergedIntoId || keep.mergedIntoId) throw notFound('Worker', '该职工');

      const consentsAfter = await this.duplicates.consentOutcome(manager, keep.id, merge.id);
      const accountsBefore = await manager.find(User, { where: { workerId: merge.id }, select: { id: true, active: true } });
      // The dashboards' counts follow: results and profile fields move, so both are counted again from their facts.
      const { moves, profileBefore } = await this.counts.recounting(manager, [keep.id, merge.id], async () => {
        const moved = [];
        for (const ref of this.duplicates.references) {
          if (ref.action === 'move' || ref.action === 'account') moved.push(await moveRows(manager, ref, merge.id, keep.id));
        }
        return { moves: moved, profileBefore: await this.updateProfiles(manager, keep, merge) };
      });
      const disabledUsers = await this.disableStranded(manager, merge.id, accountsBefore);
      this.accounts.changed(manager, accountsBefore.map((a) => a.id));
      const addedConsents = await this.narrowConsents(manager, actor, keep.id, consentsAfter);

      const record = await manager.save(
        manager.create(WorkerMerge, {
          workerId: keep.id,
          duplicateWorkerId: merge.id,
          state: 'merged',
          mergedBy: actor.userId,
          reason: input.reason?.trim() || null,
          moves: moves.filter((m) => m.keys.length > 0),
          profileBefore: JSON.stringify(profileBefore),
          addedConsents,
          disabledUsers,
          undoUntil: new Date(this.clock.now().getTime() + this.config.get('WORKER_MERGE_UNDO_DAYS', { infer: true }) * 86_400_000),
          undoneAt: null,
          undoneBy: null,
          createdAt: this.clock.now(),
        }),
      );
      const moved = record.moves.map((m) => ({ table: m.table, column: m.column, rows: m.keys.length || 1 }));
      for (const workerId of [keep.id, merge.id]) {
        await this.audit.record(manager, actor, {
          action: 'worker.merge',
          resourceType: 'worker_merge',
          resourceId: record.id,
          workerId,
          detail: { keepId: keep.id, mergeId: merge.id, moved, narrowedConsents: addedConsents.length, disabledAccounts: disabledUsers.length },
        });
      }
      return this.toDto(manager, record);
    });
  }

  undo(actor: Actor, id: string): Promise<WorkerMergeDto> {
    return this.transactions.run(async (manager) => {
      const record = await this.requireMerge(manager, actor, id, true);
      if (record.state === 'undone') throw conflict('MERGE_ALREADY_UNDONE', '该合并已撤销', 'This merge was already undone');
      if (this.clock.now() > record.undoUntil) {
        throw conflict('MERGE_UNDO_EXPIRED', '合并已超过可撤销期限', 'The period in which this merge could be undone has ended', { undoUntil: record.undoUntil.toISOString() });
      }
      const [keep, merge] = await this.lockBoth(manager, record.workerId, record.duplicateWorkerId);
      if (keep.mergedIntoId) {
        throw conflict('MERGE_SURVIVOR_MERGED', '保留的档案已再次合并，请先撤销后一次合并', 'The kept profile was merged again; undo that merge first', { mergedIntoId: keep.mergedIntoId });
      }
      await this.counts.recounting(manager, [keep.id, merge.id], async () => {
        for (const move of [...record.moves].reverse()) await restoreRows(manager, move, move, merge.id, keep.id);
        const before = JSON.parse(record.profileBefore) as ProfileBefore;
        await this.restoreProfile(manager, keep, before.keep);
        await this.restoreProfile(manager, merge, before.merge);
      });
      if (record.addedConsents.length > 0) await manager.delete(Consent, { id: In(record.addedConsents), workerId: keep.id });
      if (record.disabledUsers.length > 0) await manager.update(User, { id: In(record.disabledUsers) }, { active: true });
      const users = await manager.find(User, { where: { workerId: In([keep.id, merge.id]) }, select: { id: true } });
      this.accounts.changed(manager, [...users.map((u) => u.id), ...record.disabledUsers]);
      record.state = 'undone';
      record.undoneAt = this.clock.now();
      record.undoneBy = actor.userId;
      await manager.save(record);
      for (const workerId of [keep.id, merge.id]) {
        await this.audit.record(manager, actor, { action: 'worker.merge_undone', resourceType: 'worker_merge', resourceId: record.id, workerId, detail: { keepId: keep.id, mergeId: merge.id } });
      }
      return this.toDto(manager, record);
    });
  }

  async list(actor: Actor, query: WorkerMergeQueryDto): Promise<WorkerMergeDto[]> {
    const dtos = await this.transactions.read(async (manager) => {
      const qb = this.scope.query(manager, actor, WorkerMerge, 'm').orderBy('m.created_at', 'DESC').addOrderBy('m.id', 'DESC').limit(100);
      if (query.workerId) qb.andWhere('(m.worker_id = :workerId OR m.duplicate_worker_id = :workerId)', { workerId: query.workerId });
      const records = await qb.getMany();
      const names = await mergeWorkers(manager, records.flatMap((r) => [r.workerId, r.duplicateWorkerId]));
      return records.map((r) => this.dto(r, names.get(r.workerId)?.name ?? '', names.get(r.duplicateWorkerId)?.name ?? ''));
    });
    await this.audit.recordRead(actor, { action: 'worker.merge_list', resourceType: 'worker_merge', workerId: query.workerId, detail: { count: dtos.length } });
    return dtos;
  }

  /** The merge, if both of its profiles are in the actor's subtree (a tombstone stays where it was); else 404. */
  private async requireMerge(manager: EntityManager, actor: Actor, id: string, lock: boolean): Promise<WorkerMerge> {
    const qb = manager.createQueryBuilder(WorkerMerge, 'm').where('m.id = :id', { id });
    this.scope.whereWorkerInScope(qb, actor, 'm.worker_id');
    this.scope.whereWorkerInScope(qb, actor, 'm.duplicate_worker_id', 'row');
    const record = await (lock ? forUpdate(qb) : qb).getOne();
    if (!record) throw notFound('Worker merge', '该合并记录');
    return record;
  }

  private async lockBoth(manager: EntityManager, keepId: string, mergeId: string): Promise<[Worker, Worker]> {
    const rows = await forUpdate(manager.createQueryBuilder(Worker, 'w').where('w.id IN (:...ids)', { ids: [keepId, mergeId] }).orderBy('w.id')).getMany();
    const keep = rows.find((w) => w.id === keepId);
    const merge = rows.find((w) => w.id === mergeId);
    if (!keep || !merge) throw notFound('Worker', '该职工');
    return [keep, merge];
  }

  /** The duplicate's accounts that could not move (the kept profile has its own) can no longer sign in. */
  private async disableStranded(manager: EntityManager, mergeId: string, before: Pick<User, 'id' | 'active'>[]): Promise<string[]> {
    const stranded = await manager.find(User, { where: { workerId: mergeId, active: true }, select: { id: true } });
    const ids = stranded.map((u) => u.id).filter((id) => before.some((b) => b.id === id));
    if (ids.length > 0) await manager.update(User, { id: In(ids) }, { active: false });
    return ids;
  }

  /** Adds the duplicate's withdrawals where the kept profile had granted: the narrower consent wins. */
  private async narrowConsents(manager: EntityManager, actor: Actor, keepId: string, outcome: MergeConsentDto[]): Promise<string[]> {
    const added: string[] = [];
    for (const c of outcome.filter((o) => o.keep === true && o.result === false)) {
      const event = await this.consents.recordWithin(manager, actor, keepId, {
        purpose: c.purpose as Consent['purpose'],
        granted: false,
        ...(c.recipientId ? { recipientId: c.recipientId } : {}),
        note: '档案合并：另一份档案已撤回此项同意 / merged profile had withdrawn this consent',
      });
      added.push(event.id);
    }
    return added;
  }

  /** Fills the kept profile's blanks from the duplicate, takes the stronger membership, and makes the tombstone. */
  private async updateProfiles(manager: EntityManager, keep: Worker, merge: Worker): Promise<ProfileBefore> {
    const changes: ProfileBefore = { keep: {}, merge: {} };
    const set = (worker: Worker, side: FieldChanges, field: keyof Worker, value: unknown) => (side[field] = [(worker as unknown as Record<string, unknown>)[field], value]);
    for (const field of FILLED) {
      if ((keep[field] === null || keep[field] === '') && merge[field] !== null && merge[field] !== '') set(keep, changes.keep, field, merge[field]);
    }
    // The blind index follows the number (sign-in by phone finds the kept profile).
    if (changes.keep.phone) set(keep, changes.keep, 'phoneHash', merge.phoneHash);
    // An employee number is unique in its unit: it moves rather than being copied.
    if (changes.keep.employeeNo) set(merge, changes.merge, 'employeeNo', null);
    if (MEMBERSHIP_RANK[merge.membership] > MEMBERSHIP_RANK[keep.membership]) set(keep, changes.keep, 'membership', merge.membership);
    set(merge, changes.merge, 'erased', true);
    set(merge, changes.merge, 'mergedIntoId', keep.id);
    await this.apply(manager, merge.id, changes.merge, 1);
    await this.apply(manager, keep.id, changes.keep, 1);
    return changes;
  }

  /** Puts back the fields the merge changed, each only if it still holds what the merge wrote (later edits stay). */
  private async restoreProfile(manager: EntityManager, worker: Worker, changes: FieldChanges): Promise<void> {
    const row = worker as unknown as Record<string, unknown>;
    const unchanged = Object.fromEntries(Object.entries(changes).filter(([field, [, after]]) => row[field] === after));
    await this.apply(manager, worker.id, unchanged, 0);
  }

  /** Writes only the named columns (a save would re-encrypt every field and touch what the merge did not change). */
  private async apply(manager: EntityManager, workerId: string, changes: FieldChanges, side: 0 | 1): Promise<void> {
    if (Object.keys(changes).length === 0) return;
    await manager.update(Worker, { id: workerId }, Object.fromEntries(Object.entries(changes).map(([field, pair]) => [field, pair[side]])));
  }

  private async toDto(manager: EntityManager, record: WorkerMerge): Promise<WorkerMergeDto> {
    const names = await mergeWorkers(manager, [record.workerId, record.duplicateWorkerId]);
    return this.dto(record, names.get(record.workerId)?.name ?? '', names.get(record.duplicateWorkerId)?.name ?? '');
  }

  private dto(r: WorkerMerge, keepName: string, mergeName: string): WorkerMergeDto {
    return {
      id: r.id,
      keepId: r.workerId,
      mergeId: r.duplicateWorkerId,
      keepName,
      mergeName,
      state: r.state,
      mergedBy: r.mergedBy,
      reason: r.reason,
      moved: r.moves.map((m) => ({ table: m.table, column: m.column, rows: m.keys.length })),
      narrowedConsents: r.addedConsents.length,
      disabledAccounts: r.disabledUsers.length,
      createdAt: r.createdAt.toISOString(),
      undoUntil: r.undoUntil.toISOString(),
      undoneAt: r.undoneAt?.toISOString() ?? null,
      canUndo: r.state === 'merged' && this.clock.now() <= r.undoUntil,
    };
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessScope } from '../../people/access/access-scope.service.js';
import { unitUnderUnit } from '../../people/access/org-subtree.js';
import { ConsentsService } from '../../people/consents/consents.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { DataSubjectRegistry } from '../../platform/data-subject/data-subject.registry.js';
import { Transactions } from '../../platform/database/transactions.js';
import { badRequest } from '../../platform/errors/domain-error.js';
import { mergeWorkers } from './merge-workers.js';
import { countRows } from './row-mover.js';
import type { DuplicatePairDto, DuplicateQueryDto, MergeConsentDto, MergePreviewDto } from './worker-merge.dto.js';
import { workerReferences, type WorkerReference } from './worker-references.js';

export const sameWorker = () => badRequest('MERGE_SAME_WORKER', '不能把一份档案合并到它自己', 'A profile cannot be merged into itself');

/**
 * Finding likely duplicate profiles and showing what a merge would do. The search is two set-based self-joins over
 * the caller's subtree (both profiles in scope): the same mobile number (its blind index), or the same name and
 * birth year (the profile keeps a year, not a date). Neither is proof: staff review the pair side by side.
 */
@Injectable()
export class DuplicatesService {
  readonly references: WorkerReference[];

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly audit: AuditService,
    private readonly consents: ConsentsService,
    private readonly registry: DataSubjectRegistry,
  ) {
    this.references = workerReferences(dataSource);
  }

  async search(actor: Actor, query: DuplicateQueryDto): Promise<DuplicatePairDto[]> {
    const limit = query.limit ?? 100;
    const pairs = await this.transactions.read(async (manager) => {
      if (query.orgUnitId) await this.scope.requireUnit(manager, actor, query.orgUnitId);
      const found = new Map<string, { a: string; b: string; reasons: Set<'phone' | 'name_birth_year'> }>();
      for (const [reason, match] of [
        ['phone', "b.phone_hash = a.phone_hash AND a.phone_hash <> ''"],
        ['name_birth_year', 'b.name = a.name AND b.birth_year = a.birth_year'],
      ] as const) {
        const qb = manager
          .createQueryBuilder()
          .select(['a.id AS a', 'b.id AS b'])
          .from('workers', 'a')
          .innerJoin('workers', 'b', `${match} AND b.id <> a.id AND NOT b.erased`)
          .where('NOT a.erased');
        this.scope.whereUnitInScope(qb, actor, 'a.org_unit_id');
        const other = this.scope.unitScope(actor, 'b.org_unit_id', 'otherPath');
        qb.andWhere(other.sql, other.params);
        if (query.orgUnitId) {
          const unit = unitUnderUnit('a.org_unit_id', query.orgUnitId, 'filterPath');
          const unitB = unitUnderUnit('b.org_unit_id', query.orgUnitId, 'filterPathB');
          qb.andWhere(`(${unit.sql} OR ${unitB.sql})`, { ...unit.params, ...unitB.params });
        }
        // Each pair once: the one the kept profile would likely be (the older id order is arbitrary but stable).
        qb.andWhere('a.id < b.id').orderBy('a.name').addOrderBy('a.id').addOrderBy('b.id').limit(limit);
        for (const row of await qb.getRawMany<{ a: string; b: string }>()) {
          const key = `${row.a}|${row.b}`;
          const pair = found.get(key) ?? { a: row.a, b: row.b, reasons: new Set() };
          pair.reasons.add(reason);
          found.set(key, pair);
        }
      }
      const list = [...found.values()].slice(0, limit);
      const workers = await mergeWorkers(manager, list.flatMap((p) => [p.a, p.b]));
      return list
        .map((p) => ({ a: workers.get(p.a)!, b: workers.get(p.b)!, reasons: [...p.reasons].sort() }))
        .sort((x, y) => x.a.name.localeCompare(y.a.name, 'zh-CN') || x.a.id.localeCompare(y.a.id) || x.b.id.localeCompare(y.b.id));
    });
    await this.audit.recordRead(actor, { action: 'worker.duplicates_search', resourceType: 'worker', detail: { orgUnitId: query.orgUnitId ?? null, pairs: pairs.length } });
    return pairs;
  }

  async preview(actor: Actor, keepId: string, mergeId: string): Promise<MergePreviewDto> {
    if (keepId === mergeId) throw sameWorker();
    const preview = await this.transactions.read(async (manager) => {
      await this.scope.requireWorker(manager, actor, keepId);
      await this.scope.requireWorker(manager, actor, mergeId);
      const records = [];
      for (const ref of this.references) {
        const counts = ref.action === 'keep' || ref.action === 'consents' ? { moves: 0, stays: 0 } : await countRows(manager, ref, mergeId, keepId);
        records.push({ table: ref.table, column: ref.column, action: ref.action, ...counts });
      }
      const workers = await mergeWorkers(manager, [keepId, mergeId]);
      return {
        keep: workers.get(keepId)!,
        merge: workers.get(mergeId)!,
        records,
        consents: await this.consentOutcome(manager, keepId, mergeId),
        warnings: await this.warnings(manager, keepId, mergeId),
      };
    });
    await this.audit.recordRead(actor, { action: 'worker.merge_preview', resourceType: 'worker', resourceId: keepId, workerId: keepId, detail: { mergeId } });
    return preview;
  }

  /**
   * Per purpose (and recipient): the kept profile's consent after a merge. A merge never widens consent: the kept
   * profile keeps its own grants unless the duplicate withdrew or refused the same purpose; the duplicate's grants do
   * not carry over (the worker gives them again, in their own words).
   */
  async consentOutcome(manager: EntityManager, keepId: string, mergeId: string): Promise<MergeConsentDto[]> {
    const [keep, merge] = await Promise.all([this.consents.history(manager, keepId), this.consents.history(manager, mergeId)]);
    const rows = new Map<string, MergeConsentDto>();
    const row = (purpose: string, recipientId: string | null) => {
      const key = `${purpose}|${recipientId ?? ''}`;
      if (!rows.has(key)) rows.set(key, { purpose, recipientId, keep: null, merge: null, result: null });
      return rows.get(key)!;
    };
    for (const c of keep.current) row(c.purpose, c.recipientId).keep = c.granted;
    for (const c of merge.current) row(c.purpose, c.recipientId).merge = c.granted;
    for (const r of rows.values()) r.result = r.merge === false && r.keep !== null ? false : r.keep;
    return [...rows.values()].sort((a, b) => a.purpose.localeCompare(b.purpose) || (a.recipientId ?? '').localeCompare(b.recipientId ?? ''));
  }

  /** What staff should know before merging: reasons to keep records (an open crisis case) on both profiles. */
  private async warnings(manager: EntityManager, keepId: string, mergeId: string): Promise<string[]> {
    const holds = async (workerId: string) => {
      const codes = new Set<string>();
      for (const contributor of this.registry.all()) for (const hold of (await contributor.holds?.(manager, workerId)) ?? []) codes.add(hold.code);
      return codes;
    };
    const [keep, merge] = [await holds(keepId), await holds(mergeId)];
    return keep.has('ACTIVE_CRISIS_CASE') && merge.has('ACTIVE_CRISIS_CASE') ? ['BOTH_OPEN_CRISIS_CASES'] : [];
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessScope } from '../../people/access/access-scope.service.js';
import { OrgUnit } from '../../people/org-units/org-unit.entity.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Clock, DAY } from '../../platform/clock/clock.js';
import { dbTime, param } from '../../platform/database/db-time.js';
import { Transactions } from '../../platform/database/transactions.js';
import { num, numOrNull } from '../../platform/database/sql-helpers.js';
import { invalidPeriod } from '../desk-errors.js';
import type { FiguresDto, FiguresQueryDto, FiguresRowDto, PublishedCountDto } from '../dto/figures.dto.js';
import { DeskSettings } from '../shared/desk-settings.js';
import { Permission } from '../../platform/auth/permissions.js';
import { disclosureOf, publishCount, publishMean, type PublishedCell } from '../../platform/reporting/cell-key.js';
import { pathUnder, pathWithin } from '../../people/access/org-subtree.js';
import { readsExactFigures } from '../../platform/reporting/exact-figures.js';

const COUNTS = ['requests', 'answered', 'resolved', 'overdue', 'forwarded', 'reopened', 'rated'] as const;
type CountName = (typeof COUNTS)[number];

interface RawGroup {
  counts: Record<CountName, number>;
  /** Sum of the requests' record keys per count: the cell keys of cell-key perturbation. */
  keys: Record<CountName, number>;
  answerSecondsSum: number;
  resolveSecondsSum: number;
  satisfactionSum: number;
  medianAnswerSeconds: number | null;
  medianResolveSeconds: number | null;
}

const MAX_PERIOD_MS = 366 * DAY;
const round1 = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10);

/**
 * Desk figures per unit and period (有求必应 in numbers): requests, answered, resolved, overdue, forwarded, reopened,
 * rated; time to answer and to resolve (median and mean) and mean satisfaction. Set-based SQL: one GROUP BY for the
 * counts and sums, window functions for the medians, over idx_desk_requests_subject_created. Rows are the unit
 * itself and each unit directly under it (with its subtree); the total covers them all. Officials get every figure
 * perturbed (cell-key perturbation over the requests' record keys) and cells under DESK_FIGURES_MIN_CELL withheld.
 */
@Injectable()
export class FiguresService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly audit: AuditService,
    private readonly settings: DeskSettings,
    private readonly clock: Clock,
  ) {}

  async figures(actor: Actor, query: FiguresQueryDto): Promise<FiguresDto> {
    const to = query.to ? new Date(query.to) : this.clock.now();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY);
    if (!(to > from) || to.getTime() - from.getTime() > MAX_PERIOD_MS) throw invalidPeriod();
    const unitId = query.unitId ?? actor.orgUnitId;
    const result = await this.transactions.read(async (manager) => {
      await this.scope.requireUnit(manager, actor, unitId);
      const unit = await manager.findOneOrFail(OrgUnit, { where: { id: unitId } });
      const children = await manager.find(OrgUnit, { where: { parentId: unitId }, order: { name: 'ASC', id: 'ASC' } });
      const groups = await this.grouped(manager, unit, from, to);
      const total = await this.grouped(manager, unit, from, to, true);
      return { unit, children, groups, total: total.get(unit.id) ?? empty() };
    });
    const k = readsExactFigures(actor, Permission.DeskRead) ? null : this.settings.minCell;
    const lines: Array<{ unit: OrgUnit; scope: FiguresRowDto['scope']; raw: RawGroup }> = [
      { unit: result.unit, scope: 'unit_itself', raw: result.groups.get(result.unit.id) ?? empty() },
      ...result.children.map((child) => ({ unit: child, scope: 'subtree' as const, raw: result.groups.get(child.id) ?? empty() })),
    ];
    const dto: FiguresDto = {
      unitId,
      from: from.toISOString(),
      to: to.toISOString(),
      minCell: k,
      disclosure: k === null ? null : disclosureOf(k),
      rows: lines.map((l) => toRow(l.unit, l.scope, l.raw, k)),
      total: toRow(result.unit, 'subtree', result.total, k),
    };
    await this.audit.recordRead(actor, { action: 'desk_figures.read', resourceType: 'org_unit', resourceId: unitId, detail: { from: dto.from, to: dto.to, suppressed: k !== null } });
    return dto;
  }

  /**
   * Aggregates by group: the unit itself (its own id) and each child's subtree (the child's id); with `asTotal`, one
   * group (the unit's id) for the whole subtree.
   */
  private async grouped(manager: EntityManager, unit: OrgUnit, from: Date, to: Date, asTotal = false): Promise<Map<string, RawGroup>> {
    const subtree = pathUnder('u.path', unit.path, 'prefix');
    const groupOf = asTotal
      ? `SELECT u.id AS unit_id, CAST(:unit AS varchar(64)) AS group_id FROM org_units u WHERE ${subtree.sql}`
      : `SELECT u.id AS unit_id, COALESCE(c.id, :unit) AS group_id FROM org_units u
           LEFT JOIN org_units c ON c.parent_id = :unit AND ${pathWithin('u.path', 'c.path')}
         WHERE ${subtree.sql}`;
    const inPeriod = `r.created_at >= :from AND r.created_at < :to`;
    const named = { unit: unit.id, ...subtree.params, from: dbTime(from), to: dbTime(to) };
    const sums = await query<Array<Record<string, unknown>>>(
      manager,
      `WITH grp AS (${groupOf})
       SELECT g.group_id AS group_id, COUNT(*) AS requests,
         SUM(CASE WHEN r.answered_at IS NOT NULL THEN 1 ELSE 0 END) AS answered,
         SUM(CASE WHEN r.resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS resolved,
         SUM(CASE WHEN r.overdue_at IS NOT NULL THEN 1 ELSE 0 END) AS overdue,
         SUM(CASE WHEN r.forward_count > 0 THEN 1 ELSE 0 END) AS forwarded,
         SUM(CASE WHEN r.reopen_count > 0 THEN 1 ELSE 0 END) AS reopened,
         COUNT(r.satisfaction) AS rated,
         SUM(r.answer_seconds) AS answer_sum, SUM(r.resolve_seconds) AS resolve_sum, SUM(r.satisfaction) AS satisfaction_sum,
         SUM(r.record_key) AS k_requests,
         SUM(CASE WHEN r.answered_at IS NOT NULL THEN r.record_key ELSE 0 END) AS k_answered,
         SUM(CASE WHEN r.resolved_at IS NOT NULL THEN r.record_key ELSE 0 END) AS k_resolved,
         SUM(CASE WHEN r.overdue_at IS NOT NULL THEN r.record_key ELSE 0 END) AS k_overdue,
         SUM(CASE WHEN r.forward_count > 0 THEN r.record_key ELSE 0 END) AS k_forwarded,
         SUM(CASE WHEN r.reopen_count > 0 THEN r.record_key ELSE 0 END) AS k_reopened,
         SUM(CASE WHEN r.satisfaction IS NOT NULL THEN r.record_key ELSE 0 END) AS k_rated
       FROM desk_requests r JOIN grp g ON g.unit_id = r.subject_unit_id
       WHERE ${inPeriod}
       GROUP BY g.group_id`,
      named,
    );
    const medians = await query<Array<{ metric: string; group_id: string; median: unknown }>>(
      manager,
      `WITH grp AS (${groupOf}),
       ranked AS (
         SELECT metric, group_id, v, ROW_NUMBER() OVER (PARTITION BY metric, group_id ORDER BY v) AS rn, COUNT(*) OVER (PARTITION BY metric, group_id) AS n
         FROM (
           SELECT 'answer' AS metric, g.group_id AS group_id, r.answer_seconds AS v
             FROM desk_requests r JOIN grp g ON g.unit_id = r.subject_unit_id WHERE ${inPeriod} AND r.answer_seconds IS NOT NULL
           UNION ALL
           SELECT 'resolve' AS metric, g.group_id AS group_id, r.resolve_seconds AS v
             FROM desk_requests r JOIN grp g ON g.unit_id = r.subject_unit_id WHERE ${inPeriod} AND r.resolve_seconds IS NOT NULL
         ) x
       )
       SELECT metric, group_id, AVG(v) AS median FROM ranked WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY metric, group_id`,
      named,
    );
    const groups = new Map<string, RawGroup>();
    for (const s of sums) {
      groups.set(String(s.group_id), {
        counts: Object.fromEntries(COUNTS.map((name) => [name, num(s[name])])) as Record<CountName, number>,
        keys: Object.fromEntries(COUNTS.map((name) => [name, num(s[`k_${name}`])])) as Record<CountName, number>,
        answerSecondsSum: num(s.answer_sum),
        resolveSecondsSum: num(s.resolve_sum),
        satisfactionSum: num(s.satisfaction_sum),
        medianAnswerSeconds: null,
        medianResolveSeconds: null,
      });
    }
    for (const m of medians) {
      const group = groups.get(String(m.group_id));
      if (!group) continue;
      if (m.metric === 'answer') group.medianAnswerSeconds = numOrNull(m.median);
      else group.medianResolveSeconds = numOrNull(m.median);
    }
    return groups;
  }
}

/**
 * One row as published. Desk staff (k null) read exact figures. Officials read every count perturbed by its
 * requests' keys (withheld under k), and every mean and median perturbed too, over k requests or more only: a mean
 * over 10 and one over 11 requests no longer give the eleventh rating away, nor two overlapping periods one day's count.
 */
function toRow(unit: OrgUnit, scope: FiguresRowDto['scope'], raw: RawGroup, k: number | null): FiguresRowDto {
  const count = (name: CountName) => (k === null ? exact(raw.counts[name]) : published(publishCount(raw.counts[name], raw.keys[name], k)));
  const counts = Object.fromEntries(COUNTS.map((name) => [name, count(name)])) as Record<CountName, PublishedCountDto>;
  const stat = (value: number | null, n: CountName, stat: string, range: { min: number; max: number } | null, unitSeconds = 1) => {
    const v = value === null ? null : value / unitSeconds;
    if (k === null) return round1(v);
    if (counts.requests.suppressed || counts[n].suppressed) return null;
    return publishMean(v, raw.counts[n], raw.keys[n], k, stat, range).value;
  };
  const mean = (sum: number, n: CountName) => (raw.counts[n] > 0 ? sum / raw.counts[n] : null);
  return {
    unitId: unit.id,
    unitName: unit.name,
    scope,
    ...counts,
    medianAnswerMinutes: stat(raw.medianAnswerSeconds, 'answered', 'median_answer', null, 60),
    meanAnswerMinutes: stat(mean(raw.answerSecondsSum, 'answered'), 'answered', 'mean_answer', null, 60),
    medianResolveHours: stat(raw.medianResolveSeconds, 'resolved', 'median_resolve', null, 3600),
    meanResolveHours: stat(mean(raw.resolveSecondsSum, 'resolved'), 'resolved', 'mean_resolve', null, 3600),
    meanSatisfaction: stat(mean(raw.satisfactionSum, 'rated'), 'rated', 'satisfaction', { min: 1, max: 5 }),
  };
}

const exact = (value: number): PublishedCountDto => ({ value, suppressed: false, exact: true, reason: null });
const published = (cell: PublishedCell): PublishedCountDto => ({ value: cell.count, suppressed: cell.suppressed, exact: cell.exact, reason: cell.reason });

/** Runs SQL with `:name` placeholders, bound positionally in the dialect's style (SQLite's `?` cannot repeat a value). */
function query<T>(manager: EntityManager, sql: string, named: Record<string, unknown>): Promise<T> {
  const params: unknown[] = [];
  const text = sql.replace(/:(\w+)/g, (_, name: string) => {
    if (!(name in named)) throw new Error(`no value for :${name}`);
    params.push(named[name]);
    return param(params.length);
  });
  return manager.query<T>(text, params);
}

function empty(): RawGroup {
  return {
    counts: Object.fromEntries(COUNTS.map((name) => [name, 0])) as Record<CountName, number>,
    keys: Object.fromEntries(COUNTS.map((name) => [name, 0])) as Record<CountName, number>,
    answerSecondsSum: 0,
    resolveSecondsSum: 0,
    satisfactionSum: 0,
    medianAnswerSeconds: null,
    medianResolveSeconds: null,
  };
}

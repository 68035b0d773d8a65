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
import type { FiguresDto, FiguresQueryDto, FiguresRowDto } from '../dto/figures.dto.js';
import { DeskSettings } from '../shared/desk-settings.js';
import { publish, publishStatistic, suppressLine } from './suppression.js';

const COUNTS = ['requests', 'answered', 'resolved', 'overdue', 'forwarded', 'reopened', 'rated'] as const;
type CountName = (typeof COUNTS)[number];

interface RawGroup {
  counts: Record<CountName, number>;
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
 * itself and each unit directly under it (with its subtree); the total covers them all. Officials get small cells
 * (fewer than DESK_FIGURES_MIN_CELL requests) withheld, with complementary suppression per column.
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
    const k = actor.role === 'official' ? this.settings.minCell : null;
    const lines: Array<{ unit: OrgUnit; scope: FiguresRowDto['scope']; raw: RawGroup }> = [
      { unit: result.unit, scope: 'unit_itself', raw: result.groups.get(result.unit.id) ?? empty() },
      ...result.children.map((child) => ({ unit: child, scope: 'subtree' as const, raw: result.groups.get(child.id) ?? empty() })),
    ];
    const masks = Object.fromEntries(
      COUNTS.map((name) => [name, k === null ? { rows: lines.map(() => false), total: false } : suppressLine(lines.map((l) => l.raw.counts[name]), result.total.counts[name], k)]),
    ) as Record<CountName, { rows: boolean[]; total: boolean }>;
    const row = (unit: OrgUnit, scope: FiguresRowDto['scope'], raw: RawGroup, hidden: (name: CountName) => boolean): FiguresRowDto => {
      const requestsHidden = hidden('requests');
      const stat = (value: number | null, n: CountName, unit = 1) =>
        publishStatistic(value === null ? null : value / unit, raw.counts[n], k ?? 0, requestsHidden || hidden(n));
      const mean = (sum: number, n: CountName) => (raw.counts[n] > 0 ? sum / raw.counts[n] : null);
      return {
        unitId: unit.id,
        unitName: unit.name,
        scope,
        ...(Object.fromEntries(COUNTS.map((name) => [name, publish(raw.counts[name], hidden(name))])) as Record<CountName, ReturnType<typeof publish>>),
        medianAnswerMinutes: round1(stat(raw.medianAnswerSeconds, 'answered', 60)),
        meanAnswerMinutes: round1(stat(mean(raw.answerSecondsSum, 'answered'), 'answered', 60)),
        medianResolveHours: round1(stat(raw.medianResolveSeconds, 'resolved', 3600)),
        meanResolveHours: round1(stat(mean(raw.resolveSecondsSum, 'resolved'), 'resolved', 3600)),
        meanSatisfaction: round1(stat(mean(raw.satisfactionSum, 'rated'), 'rated')),
      };
    };
    const dto: FiguresDto = {
      unitId,
      from: from.toISOString(),
      to: to.toISOString(),
      minCell: k,
      rows: lines.map((l, i) => row(l.unit, l.scope, l.raw, (name) => masks[name].rows[i])),
      total: row(result.unit, 'subtree', result.total, (name) => masks[name].total),
    };
    await this.audit.recordRead(actor, { action: 'desk_figures.read', resourceType: 'org_unit', resourceId: unitId, detail: { from: dto.from, to: dto.to, suppressed: k !== null } });
    return dto;
  }

  /**
   * Aggregates by group: the unit itself (its own id) and each child's subtree (the child's id); with `asTotal`, one
   * group (the unit's id) for the whole subtree.
   */
  private async grouped(manager: EntityManager, unit: OrgUnit, from: Date, to: Date, asTotal = false): Promise<Map<string, RawGroup>> {
    const groupOf = asTotal
      ? `SELECT u.id AS unit_id, CAST(:unit AS varchar(64)) AS group_id FROM org_units u WHERE u.path LIKE :prefix`
      : `SELECT u.id AS unit_id, COALESCE(c.id, :unit) AS group_id FROM org_units u
           LEFT JOIN org_units c ON c.parent_id = :unit AND u.path LIKE c.path || '%'
         WHERE u.path LIKE :prefix`;
    const inPeriod = `r.created_at >= :from AND r.created_at < :to`;
    const named = { unit: unit.id, prefix: `${unit.path}%`, from: dbTime(from), to: dbTime(to) };
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
         SUM(r.answer_seconds) AS answer_sum, SUM(r.resolve_seconds) AS resolve_sum, SUM(r.satisfaction) AS satisfaction_sum
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
    answerSecondsSum: 0,
    resolveSecondsSum: 0,
    satisfactionSum: 0,
    medianAnswerSeconds: null,
    medianResolveSeconds: null,
  };
}

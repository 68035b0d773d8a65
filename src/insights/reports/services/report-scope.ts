import type { EntityManager } from 'typeorm';
import type { Actor } from '../../../platform/auth/actor.js';
import { param } from '../../../platform/database/db-time.js';
import { notFound } from '../../../platform/errors/domain-error.js';
import type { Dimension } from '../domain/cube.js';

interface UnitRow {
  id: string;
  name: string;
  parent_id: string | null;
  path: string;
}

/**
 * The unit dimension of a dashboard: the path from the actor's own unit (the scope root) down to the requested unit,
 * with the children of every unit on it. Leaves partition the scope: each child subtree off the path, and each path
 * unit's own workers; a path unit's subtree is the sum of its children's subtrees and its own workers. So a parent's
 * dashboard and a child's share their lines, and a sibling cannot be recovered by subtracting one from the other.
 */
export class UnitTree {
  constructor(
    readonly root: UnitRow,
    readonly target: UnitRow,
    readonly path: UnitRow[],
    readonly children: Map<string, UnitRow[]>,
  ) {}

  static async load(manager: EntityManager, actor: Actor, unitId: string | undefined): Promise<UnitTree> {
    const [root] = await manager.query<UnitRow[]>(select(`id = ${param(1)}`), [actor.orgUnitId]);
    if (!root) throw notFound('Org unit', '该组织单位');
    const targetId = unitId ?? root.id;
    const [target] = await manager.query<UnitRow[]>(select(`id = ${param(1)}`), [targetId]);
    // 404 outside the scope, so the existence of other units is not revealed.
    if (!target || !target.path.startsWith(root.path)) throw notFound('Org unit', '该组织单位');
    const pathIds = target.path.slice(root.path.length - root.id.length - 1).split('/').filter(Boolean);
    const placeholders = (offset: number) => pathIds.map((_, i) => param(offset + i + 1)).join(', ');
    const rows = await manager.query<UnitRow[]>(select(`id IN (${placeholders(0)}) OR parent_id IN (${placeholders(pathIds.length)})`), [...pathIds, ...pathIds]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const children = new Map<string, UnitRow[]>();
    for (const row of rows) {
      if (row.parent_id && pathIds.includes(row.parent_id)) children.set(row.parent_id, [...(children.get(row.parent_id) ?? []), row]);
    }
    for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'zh') || a.id.localeCompare(b.id));
    return new UnitTree(root, target, pathIds.map((id) => byId.get(id) as UnitRow), children);
  }

  /** Leaf buckets, in the order a CASE must test them: a path unit's own workers first, then child subtrees. */
  buckets(): { code: string; kind: 'direct' | 'subtree'; unit: UnitRow }[] {
    const onPath = new Set(this.path.map((u) => u.id));
    const direct = this.path.map((unit) => ({ code: `unit-direct:${unit.id}`, kind: 'direct' as const, unit }));
    const subtrees = this.path.flatMap((u) =>
      (this.children.get(u.id) ?? []).filter((c) => !onPath.has(c.id)).map((unit) => ({ code: `unit:${unit.id}`, kind: 'subtree' as const, unit })),
    );
    return [...direct, ...subtrees];
  }

  /** The dimension: every bucket, a unit's own workers too when it has none (a fixed grid: absence is not published). */
  dimension(): Dimension {
    const values: { code: string; members?: string[] }[] = this.buckets().map((b) => ({ code: b.code }));
    const codes = new Set(values.map((v) => v.code));
    for (let i = this.path.length - 1; i >= 0; i--) {
      const unit = this.path[i];
      const members = [`unit-direct:${unit.id}`, ...(this.children.get(unit.id) ?? []).map((c) => `unit:${c.id}`)].filter((code) => codes.has(code));
      const code = i === 0 ? 'all' : `unit:${unit.id}`;
      values.push({ code, members });
      codes.add(code);
    }
    return { name: 'unit', values };
  }

  /** The code of the requested unit's subtree in the dimension. */
  targetCode(): string {
    return this.target.id === this.root.id ? 'all' : `unit:${this.target.id}`;
  }

  /** Rows of a unit breakdown: the requested unit's children, then its own workers. */
  breakdownRows(): { code: string; unit: UnitRow; direct: boolean }[] {
    return [
      ...(this.children.get(this.target.id) ?? []).map((unit) => ({ code: `unit:${unit.id}`, unit, direct: false })),
      { code: `unit-direct:${this.target.id}`, unit: this.target, direct: true },
    ];
  }
}

const select = (where: string) => `SELECT id, name, parent_id, path FROM org_units WHERE ${where}`;

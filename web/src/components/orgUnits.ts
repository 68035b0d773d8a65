import { useMemo } from 'react';
import { api, call } from '../api/client';
import { useLoad } from '../api/hooks';
import type { OrgUnit } from '../api/types';

export interface UnitNode {
  key: string;
  value: string;
  title: string;
  children: UnitNode[];
}

/** Org units as a tree (roots are units whose parent is not in the list: the top of the caller's scope). */
export function unitTree(units: readonly OrgUnit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>(
    units.map((u) => [u.id, { key: u.id, value: u.id, title: u.name, children: [] }]),
  );
  const roots: UnitNode[] = [];
  for (const unit of [...units].sort((a, b) => a.depth - b.depth || a.name.localeCompare(b.name, 'zh-CN'))) {
    const node = nodes.get(unit.id)!;
    const parent = unit.parentId ? nodes.get(unit.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** The org units the caller may see, with a name lookup. */
export function useOrgUnits() {
  const state = useLoad(() => call(api.GET('/api/v1/org-units')), []);
  const names = useMemo(() => new Map((state.data ?? []).map((u) => [u.id, u.name])), [state.data]);
  const tree = useMemo(() => unitTree(state.data ?? []), [state.data]);
  return { ...state, names, tree };
}

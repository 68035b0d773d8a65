import { hasRoute } from '../api/client';
import type { Role } from '../api/types';
import { accountPages } from './account/pages';
import { adminPages } from './admin/pages';
import { counsellorPages } from './counsellor/pages';
import { deskPages } from './desk/pages';
import { officialPages } from './official/pages';
import { trainingPages } from './training/pages';
import type { PageEntry } from './types';
import { workerPages } from './worker/pages';

const ALL_PAGES: readonly PageEntry[] = [
  ...workerPages,
  ...counsellorPages,
  ...officialPages,
  ...adminPages,
  // After the areas' own pages: no role lands on a desk administration page after signing in.
  ...deskPages,
  ...trainingPages,
  ...accountPages,
];

/** The pages a role has, in menu order; pages whose routes are not in this build's API are left out. */
export function pagesFor(role: Role): PageEntry[] {
  return ALL_PAGES.filter((page) => page.roles.includes(role) && (page.needs ?? []).every(hasRoute));
}

/** Where a role lands after signing in: its first menu page. */
export function homeFor(role: Role): string {
  return pagesFor(role).find((page) => page.menu !== false)?.path ?? '/';
}

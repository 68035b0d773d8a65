import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { Role } from '../api/types';

/**
 * One page of the app. Each area (worker, counsellor, official, admin) lists its pages in its own `pages.tsx`;
 * `registry.ts` gathers them per role. A page that needs routes another issue is still building names them in
 * `needs`: it is left out until they are in openapi.json (regenerate with `npm run web:api`).
 */
export interface PageEntry {
  /** The route, e.g. `/me/consents` or `/staff/workers/:id`. */
  path: string;
  /** i18n key of the menu label and page title. */
  title: string;
  icon?: ReactNode;
  roles: readonly Role[];
  component: LazyExoticComponent<ComponentType>;
  /** Shown in the menu (pages reached from another page, like a worker's record, are not). */
  menu?: boolean;
  /** `METHOD /path` routes the page needs. */
  needs?: readonly string[];
}

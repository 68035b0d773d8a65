import { DashboardOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageEntry } from '../types';

/** The official's dashboard: aggregates only, never an individual. */
export const officialPages: PageEntry[] = [
  {
    path: '/official/dashboard',
    title: 'nav.official.dashboard',
    icon: <DashboardOutlined />,
    roles: ['official'],
    component: lazy(() => import('./DashboardPage')),
  },
];

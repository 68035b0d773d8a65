import {
  AlertOutlined,
  CalendarOutlined,
  FundProjectionScreenOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { PageEntry } from '../types';

const staff = ['counsellor', 'supervisor'] as const;

/**
 * The counsellor's (and supervisor's) workbench. The crisis queue shows risk alerts until the crisis-case routes of
 * issue #4 exist; its case pages will be added here with `needs: ['GET /api/v1/crisis-cases']`.
 */
export const counsellorPages: PageEntry[] = [
  {
    path: '/staff/crisis',
    title: 'nav.staff.crisis',
    icon: <AlertOutlined />,
    roles: staff,
    component: lazy(() => import('./CrisisQueuePage')),
  },
  {
    path: '/staff/workers',
    title: 'nav.staff.workers',
    icon: <SolutionOutlined />,
    roles: staff,
    component: lazy(() => import('./WorkersPage')),
  },
  {
    path: '/staff/workers/:id',
    title: 'nav.staff.workers',
    roles: staff,
    menu: false,
    component: lazy(() => import('./WorkerRecordPage')),
  },
  {
    path: '/staff/campaigns',
    title: 'nav.staff.campaigns',
    icon: <FundProjectionScreenOutlined />,
    roles: staff,
    component: lazy(() => import('./CampaignsPage')),
  },
  {
    path: '/staff/calendar',
    title: 'nav.staff.calendar',
    icon: <CalendarOutlined />,
    roles: staff,
    component: lazy(() => import('./CalendarPage')),
  },
];

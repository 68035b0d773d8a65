import { BarChartOutlined, BranchesOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageEntry } from '../types';

/** Service-desk administration: routing rules (structure: supervisors and admins) and figures (supervisors, officials). */
export const deskPages: PageEntry[] = [
  {
    path: '/desk/routing-rules',
    title: 'deskAdmin.nav.routing',
    icon: <BranchesOutlined />,
    roles: ['supervisor', 'admin'],
    component: lazy(() => import('./RoutingRulesPage')),
    needs: ['GET /api/v1/desk/routing-rules', 'POST /api/v1/desk/routing-rules'],
  },
  {
    path: '/desk/figures',
    title: 'deskAdmin.nav.figures',
    icon: <BarChartOutlined />,
    roles: ['supervisor', 'official'],
    component: lazy(() => import('./DeskFiguresPage')),
    needs: ['GET /api/v1/desk/figures'],
  },
];

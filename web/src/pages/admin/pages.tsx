import { ApartmentOutlined, ExperimentOutlined, UserOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageEntry } from '../types';

const admin = ['admin'] as const;

/** Administration: org units, users and roles, instruments. No clinical content. */
export const adminPages: PageEntry[] = [
  {
    path: '/admin/units',
    title: 'nav.admin.units',
    icon: <ApartmentOutlined />,
    roles: admin,
    component: lazy(() => import('./OrgUnitsPage')),
  },
  {
    path: '/admin/users',
    title: 'nav.admin.users',
    icon: <UserOutlined />,
    roles: admin,
    component: lazy(() => import('./UsersPage')),
  },
  {
    path: '/admin/instruments',
    title: 'nav.admin.instruments',
    icon: <ExperimentOutlined />,
    roles: admin,
    component: lazy(() => import('./InstrumentsPage')),
  },
];

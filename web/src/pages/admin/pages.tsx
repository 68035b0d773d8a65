import {
  ApartmentOutlined,
  AuditOutlined,
  ExperimentOutlined,
  FileSearchOutlined,
  IdcardOutlined,
  ScheduleOutlined,
  ShopOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { PageEntry } from '../types';

const admin = ['admin'] as const;

/** Administration: org units, users and roles, instruments, EAP vendors and contracts, the duty roster. No clinical content. */
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
  {
    path: '/admin/vendors',
    title: 'nav.admin.vendors',
    icon: <ShopOutlined />,
    roles: admin,
    component: lazy(() => import('./VendorsPage')),
    needs: ['GET /api/v1/eap/vendors'],
  },
  {
    path: '/admin/contracts',
    title: 'nav.admin.contracts',
    icon: <AuditOutlined />,
    roles: admin,
    component: lazy(() => import('./ContractsPage')),
    needs: ['GET /api/v1/eap/contracts', 'POST /api/v1/eap/contracts'],
  },
  {
    path: '/admin/duty',
    title: 'nav.admin.duty',
    icon: <ScheduleOutlined />,
    roles: admin,
    component: lazy(() => import('./DutyRosterPage')),
    needs: ['GET /api/v1/duty-shifts', 'POST /api/v1/duty-shifts'],
  },
  {
    path: '/admin/workers',
    title: 'people.nav.workers',
    icon: <IdcardOutlined />,
    roles: admin,
    component: lazy(() => import('./workers/WorkersAdminPage')),
    needs: ['GET /api/v1/workers', 'POST /api/v1/workers', 'PATCH /api/v1/workers/{id}'],
  },
  {
    path: '/admin/workers/import',
    title: 'people.nav.import',
    roles: admin,
    menu: false,
    component: lazy(() => import('./workers/RosterImportPage')),
    needs: ['POST /api/v1/workers/import'],
  },
  {
    path: '/admin/audit',
    title: 'people.nav.audit',
    icon: <FileSearchOutlined />,
    roles: admin,
    component: lazy(() => import('./audit/AuditLogPage')),
    needs: ['GET /api/v1/audit/events', 'POST /api/v1/audit/verify'],
  },
];

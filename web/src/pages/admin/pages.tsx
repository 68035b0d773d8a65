import {
  ApartmentOutlined,
  AlertOutlined,
  MessageOutlined,
  QrcodeOutlined,
  UserAddOutlined,
  AuditOutlined,
  ExperimentOutlined,
  KeyOutlined,
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
    path: '/admin/key-rotation',
    title: 'nav.admin.keys',
    icon: <KeyOutlined />,
    roles: admin,
    component: lazy(() => import('./KeyRotationPage')),
    needs: ['GET /api/v1/admin/key-rotation', 'POST /api/v1/admin/key-rotation'],
  },
  {
    path: '/admin/join-links',
    title: 'mobile.nav.joinLinks',
    icon: <QrcodeOutlined />,
    roles: admin,
    component: lazy(() => import('./JoinLinksPage')),
    needs: ['GET /api/v1/join-links'],
  },
  {
    path: '/admin/join-requests',
    title: 'mobile.nav.joinRequests',
    icon: <UserAddOutlined />,
    roles: admin,
    component: lazy(() => import('./JoinRequestsPage')),
    needs: ['GET /api/v1/join-requests'],
  },
  {
    path: '/admin/sms',
    title: 'mobile.nav.sms',
    icon: <MessageOutlined />,
    roles: admin,
    component: lazy(() => import('./SmsLogPage')),
    needs: ['GET /api/v1/sms/messages'],
  },
  {
    path: '/admin/jobs',
    title: 'jobsAdmin.nav',
    icon: <AlertOutlined />,
    roles: admin,
    component: lazy(() => import('./DeadJobsPage')),
    needs: ['GET /api/v1/jobs/dead', 'POST /api/v1/jobs/{id}/retry'],
  },
];

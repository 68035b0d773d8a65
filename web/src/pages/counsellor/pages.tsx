import {
  AlertOutlined,
  CalendarOutlined,
  FundProjectionScreenOutlined,
  CustomerServiceOutlined,
  HeartOutlined,
  ShareAltOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { PageEntry } from '../types';

const staff = ['counsellor', 'supervisor'] as const;

/** The counsellor's (and supervisor's) workbench: 点 (crisis cases, referrals), the service desk, 面 and 线. */
export const counsellorPages: PageEntry[] = [
  {
    path: '/staff/crisis',
    title: 'nav.staff.crisis',
    icon: <AlertOutlined />,
    roles: staff,
    component: lazy(() => import('./CrisisQueuePage')),
    needs: ['GET /api/v1/crisis-cases'],
  },
  {
    path: '/staff/cases/:id',
    title: 'nav.staff.crisis',
    roles: staff,
    menu: false,
    component: lazy(() => import('./cases/CasePage')),
    needs: ['GET /api/v1/crisis-cases/{id}'],
  },
  {
    path: '/staff/referrals/:id',
    title: 'nav.staff.crisis',
    roles: staff,
    menu: false,
    component: lazy(() => import('./cases/ReferralPage')),
    needs: ['GET /api/v1/referrals/{id}'],
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
  {
    path: '/staff/desk',
    title: 'nav.staff.desk',
    icon: <CustomerServiceOutlined />,
    roles: staff,
    component: lazy(() => import('./desk/DeskQueuePage')),
    needs: ['GET /api/v1/desk/requests'],
  },
  {
    path: '/staff/desk/:id',
    title: 'nav.staff.desk',
    roles: staff,
    menu: false,
    component: lazy(() => import('./desk/DeskRequestPage')),
    needs: ['GET /api/v1/desk/requests/{id}'],
  },
  {
    path: '/staff/eap',
    title: 'nav.staff.eap',
    icon: <ShareAltOutlined />,
    roles: staff,
    component: lazy(() => import('./eap/EapReferralsPage')),
    needs: ['GET /api/v1/eap/referrals'],
  },
  {
    path: '/staff/eap/new',
    title: 'nav.staff.eap',
    roles: staff,
    menu: false,
    component: lazy(() => import('./eap/EapDraftPage')),
    needs: ['POST /api/v1/eap/referrals', 'GET /api/v1/eap/vendors'],
  },
  {
    path: '/staff/eap/:id',
    title: 'nav.staff.eap',
    roles: staff,
    menu: false,
    component: lazy(() => import('./eap/EapReferralPage')),
    needs: ['GET /api/v1/eap/referrals/{id}', 'GET /api/v1/eap/referrals/{id}/preview'],
  },
  {
    path: '/staff/programmes',
    title: 'nav.staff.programmes',
    icon: <HeartOutlined />,
    roles: staff,
    component: lazy(() => import('./ProgrammesPage')),
    needs: ['GET /api/v1/programmes/overview'],
  },
];

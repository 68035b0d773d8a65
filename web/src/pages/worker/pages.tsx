import {
  BookOutlined,
  CalendarOutlined,
  CloudDownloadOutlined,
  FileDoneOutlined,
  FormOutlined,
  HeartOutlined,
  HomeOutlined,
  LineChartOutlined,
  MessageOutlined,
  TeamOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { PageEntry } from '../types';

const worker = ['worker'] as const;

/** The worker's phone: 面 services for themselves. */
export const workerPages: PageEntry[] = [
  {
    path: '/me',
    title: 'nav.worker.home',
    icon: <HomeOutlined />,
    roles: worker,
    component: lazy(() => import('./HomePage')),
  },
  {
    path: '/me/assessments',
    title: 'nav.worker.assessments',
    icon: <FormOutlined />,
    roles: worker,
    component: lazy(() => import('./AssessmentsPage')),
  },
  {
    path: '/me/assessments/:code',
    title: 'nav.worker.assessments',
    roles: worker,
    menu: false,
    component: lazy(() => import('./TakeAssessmentPage')),
  },
  {
    path: '/me/record',
    title: 'nav.worker.record',
    icon: <LineChartOutlined />,
    roles: worker,
    component: lazy(() => import('./RecordPage')),
  },
  {
    path: '/me/counselling',
    title: 'nav.worker.counselling',
    icon: <CalendarOutlined />,
    roles: worker,
    component: lazy(() => import('./CounsellingPage')),
  },
  {
    path: '/me/learning',
    title: 'nav.worker.learning',
    icon: <BookOutlined />,
    roles: worker,
    component: lazy(() => import('./LearningPage')),
  },
  {
    path: '/me/learning/courses/:id',
    title: 'nav.worker.learning',
    roles: worker,
    menu: false,
    component: lazy(() => import('./CoursePage')),
  },
  {
    path: '/me/groups',
    title: 'nav.worker.groups',
    icon: <TeamOutlined />,
    roles: worker,
    component: lazy(() => import('./GroupsPage')),
  },
  {
    path: '/me/groups/:id',
    title: 'nav.worker.groups',
    roles: worker,
    menu: false,
    component: lazy(() => import('./MyGroupPage')),
    needs: ['GET /api/v1/me/groups', 'GET /api/v1/me/groups/{id}/meetings'],
  },
  {
    path: '/me/requests',
    title: 'nav.worker.requests',
    icon: <MessageOutlined />,
    roles: worker,
    component: lazy(() => import('./requests/RequestsPage')),
    needs: ['GET /api/v1/me/requests', 'POST /api/v1/me/requests'],
  },
  {
    path: '/me/requests/:id',
    title: 'nav.worker.requests',
    roles: worker,
    menu: false,
    component: lazy(() => import('./requests/RequestPage')),
    needs: ['GET /api/v1/me/requests/{id}'],
  },
  {
    path: '/me/programmes',
    title: 'nav.worker.programmes',
    icon: <HeartOutlined />,
    roles: worker,
    component: lazy(() => import('./ProgrammesPage')),
    needs: ['GET /api/v1/me/programmes'],
  },
  {
    path: '/me/consents',
    title: 'nav.worker.consents',
    icon: <FileDoneOutlined />,
    roles: worker,
    component: lazy(() => import('./ConsentsPage')),
  },
  {
    path: '/me/data',
    title: 'nav.worker.data',
    icon: <CloudDownloadOutlined />,
    roles: worker,
    component: lazy(() => import('./MyDataPage')),
  },

  {
    path: '/me/rights-requests',
    title: 'rights.nav.mine',
    icon: <SafetyCertificateOutlined />,
    roles: worker,
    component: lazy(() => import('./rights/RightsPage')),
    needs: ['GET /api/v1/me/rights-requests'],
  },
];

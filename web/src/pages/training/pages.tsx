import { IdcardOutlined, TrophyOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageEntry } from '../types';

const organisers = ['supervisor', 'admin'] as const;

/** 干部培养 (线): organisers run courses and certifications; all staff see their own training. */
export const trainingPages: PageEntry[] = [
  {
    path: '/staff/training',
    title: 'training.nav.manage',
    icon: <TrophyOutlined />,
    roles: organisers,
    component: lazy(() => import('./TrainingPage')),
    needs: ['GET /api/v1/training/courses', 'GET /api/v1/certifications'],
  },
  {
    path: '/staff/training/:id',
    title: 'training.nav.manage',
    roles: organisers,
    menu: false,
    component: lazy(() => import('./TrainingCoursePage')),
    needs: ['GET /api/v1/training/courses/{id}'],
  },
  {
    path: '/staff/my-training',
    title: 'training.nav.mine',
    icon: <IdcardOutlined />,
    roles: ['counsellor', 'supervisor', 'official', 'admin'],
    component: lazy(() => import('./MyTrainingPage')),
    needs: ['GET /api/v1/me/training'],
  },
];

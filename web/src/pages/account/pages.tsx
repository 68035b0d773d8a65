import { SettingOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageEntry } from '../types';

/** Every signed-in person's own account: how they are told, and (staff) two-factor sign-in. */
export const accountPages: PageEntry[] = [
  {
    path: '/settings',
    title: 'mobile.nav.settings',
    icon: <SettingOutlined />,
    roles: ['worker', 'counsellor', 'supervisor', 'official', 'admin'],
    component: lazy(() => import('./SettingsPage')),
    needs: ['GET /api/v1/me/notification-preferences'],
  },
];

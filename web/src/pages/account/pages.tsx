import { BellOutlined, SettingOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageEntry } from '../types';

/** Every signed-in person's own account: how they are told, and (staff) two-factor sign-in. */
export const accountPages: PageEntry[] = [
  {
    path: '/notifications',
    title: 'inbox.title',
    icon: <BellOutlined />,
    roles: ['worker', 'counsellor', 'supervisor', 'official', 'admin'],
    component: lazy(() => import('./InboxPage')),
    menu: false,
    needs: ['GET /api/v1/me/notifications', 'POST /api/v1/me/notifications/read-all'],
  },
  {
    path: '/settings',
    title: 'mobile.nav.settings',
    icon: <SettingOutlined />,
    roles: ['worker', 'counsellor', 'supervisor', 'official', 'admin'],
    component: lazy(() => import('./SettingsPage')),
    needs: ['GET /api/v1/me/notification-preferences'],
  },
];

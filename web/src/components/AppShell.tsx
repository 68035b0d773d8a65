import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Menu, Typography } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useAuth, useMe } from '../auth';
import type { PageEntry } from '../pages/types';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationInbox } from './NotificationInbox';
import { useScrollableRegions } from './useScrollableRegions';
import { HotlinePrompt } from './HotlinePrompt';

/** The menu entry for where we are: the longest page path that the current location starts with. */
function selectedKey(pages: readonly PageEntry[], pathname: string): string {
  const matches = pages.filter(
    (p) => p.menu !== false && (pathname === p.path || pathname.startsWith(`${p.path}/`)),
  );
  return matches.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? '';
}

function Brand({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex vertical style={{ lineHeight: 1.2 }}>
      <span style={{ fontSize: 20, fontWeight: 700, letterSpacing: 2 }}>{t('app.name')}</span>
      {compact ? null : <span style={{ fontSize: 12 }}>{t('app.tagline')}</span>}
    </Flex>
  );
}

/** 12351 always in reach of a worker. */
function HotlineFooter() {
  return (
    <Layout.Footer style={{ textAlign: 'center', padding: '12px 16px' }}>
      <Typography.Text>
        <HotlinePrompt />
      </Typography.Text>
    </Layout.Footer>
  );
}

/**
 * The frame around every signed-in page: a side menu on wide screens (the counsellor's desk), a drawer behind a
 * menu button on phones (375 px), the language switch and sign-out in the header.
 */
export function AppShell({ pages, children }: { pages: readonly PageEntry[]; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const wide = Grid.useBreakpoint().lg ?? false;
  const [open, setOpen] = useState(false);
  const content = useRef<HTMLDivElement>(null);
  useScrollableRegions(content, t('shell.scrollableTable'));

  const menu = (
    <nav aria-label={t('shell.navigation')}>
      <Menu
        mode="inline"
        selectedKeys={[selectedKey(pages, location.pathname)]}
        items={pages
          .filter((p) => p.menu !== false)
          .map((p) => ({ key: p.path, icon: p.icon, label: t(p.title) }))}
        onClick={({ key }) => {
          setOpen(false);
          void navigate(key);
        }}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {wide ? (
        <Layout.Sider width={232} style={{ borderInlineEnd: '1px solid #e5e7eb' }}>
          <div style={{ padding: '16px 24px', color: '#0b5f5a' }}>
            <Brand compact={false} />
          </div>
          {menu}
        </Layout.Sider>
      ) : null}
      <Layout>
        <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 8, color: '#fff' }}>
          {wide ? null : (
            <Button
              type="text"
              icon={<MenuOutlined aria-hidden />}
              aria-label={t('shell.openMenu')}
              aria-expanded={open}
              onClick={() => setOpen(true)}
              style={{ color: '#fff' }}
            />
          )}
          {wide ? null : <Brand compact />}
          <div style={{ flex: 1 }} />
          <NotificationInbox onDark />
          <LanguageSwitch onDark />
          {wide ? <span style={{ whiteSpace: 'nowrap' }}>{me.displayName}</span> : null}
          <Button
            type="text"
            icon={<LogoutOutlined aria-hidden />}
            aria-label={t('shell.logout')}
            onClick={() => void logout().then(() => navigate('/login'))}
            style={{ color: '#fff' }}
          >
            {wide ? t('shell.logout') : null}
          </Button>
        </Layout.Header>
        <Layout.Content style={{ padding: wide ? 24 : 12 }}>
          <div ref={content} style={{ maxWidth: me.role === 'worker' ? 720 : 1280, margin: '0 auto' }}>
            {children}
          </div>
        </Layout.Content>
        {me.role === 'worker' ? <HotlineFooter /> : null}
      </Layout>
      <Drawer open={open} onClose={() => setOpen(false)} placement="left" size={280} title={t('app.name')}>
        {menu}
      </Drawer>
    </Layout>
  );
}

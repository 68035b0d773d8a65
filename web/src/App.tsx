import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AuthProvider, useAuth } from './auth';
import { AppShell } from './components/AppShell';
import { Loading } from './components/Loading';
import { homeFor, pagesFor } from './pages/registry';
import { theme } from './theme';

const LoginPage = lazy(() => import('./pages/LoginPage'));
const JoinPage = lazy(() => import('./pages/JoinPage'));

function SignedOut() {
  const location = useLocation();
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/join/:token" element={<JoinPage />} />
        <Route
          path="*"
          element={<Navigate to="/login" replace state={{ from: location.pathname + location.search }} />}
        />
      </Routes>
    </Suspense>
  );
}

function SignedIn() {
  const { me } = useAuth();
  if (!me) return null;
  const pages = pagesFor(me.role);
  return (
    <AppShell pages={pages}>
      <Suspense fallback={<Loading />}>
        <Routes>
          {pages.map((page) => (
            <Route key={page.path} path={page.path} element={<page.component />} />
          ))}
          <Route path="*" element={<Navigate to={homeFor(me.role)} replace />} />
        </Routes>
      </Suspense>
    </AppShell>
  );
}

function Screens() {
  const { status } = useAuth();
  if (status === 'resuming') return <Loading />;
  return status === 'signedIn' ? <SignedIn /> : <SignedOut />;
}

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      theme={theme}
      locale={i18n.language.startsWith('zh') ? zhCN : enUS}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <Screens />
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

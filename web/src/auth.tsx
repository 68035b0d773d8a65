import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, call } from './api/client';
import { session } from './api/session';
import type { Me, Tokens } from './api/types';

type Status = 'resuming' | 'signedOut' | 'signedIn';

interface AuthState {
  status: Status;
  me: Me | null;
  login: (username: string, password: string, totpCode?: string) => Promise<Me>;
  /** Signs in with tokens another flow obtained (a code by SMS, self-join). */
  adopt: (tokens: Tokens) => Promise<Me>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/** Who is signed in. A reload resumes the session from the refresh token kept for this tab. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [status, setStatus] = useState<Status>(session.canResume ? 'resuming' : 'signedOut');

  useEffect(() => {
    if (status !== 'resuming') return;
    session
      .refresh()
      .then((ok) => (ok ? call(api.GET('/api/v1/auth/me')) : null))
      .then((who) => {
        setMe(who);
        setStatus(who ? 'signedIn' : 'signedOut');
      })
      .catch(() => setStatus('signedOut'));
  }, [status]);

  useEffect(
    () =>
      session.onExpired(() => {
        setMe(null);
        setStatus('signedOut');
      }),
    [],
  );

  const adopt = useCallback(async (tokens: Tokens) => {
    session.store(tokens);
    const who = await call(api.GET('/api/v1/auth/me'));
    setMe(who);
    setStatus('signedIn');
    return who;
  }, []);

  const login = useCallback(
    async (username: string, password: string, totpCode?: string) =>
      adopt(await call(api.POST('/api/v1/auth/login', { body: { username, password, ...(totpCode ? { totpCode } : {}) } }))),
    [adopt],
  );

  const logout = useCallback(async () => {
    await session.logout();
    setMe(null);
    setStatus('signedOut');
  }, []);

  const value = useMemo(() => ({ status, me, login, adopt, logout }), [status, me, login, adopt, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

/** The signed-in user (inside the signed-in part of the app only). */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe while signed out');
  return me;
}

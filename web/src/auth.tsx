/** Session context: the signed-in user (from /api/auth/me), permissions, login and logout. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Flex, Spin } from 'antd';
import type { Permission } from '@shared/codes';
import { auth, type Me } from '@shared/contracts/auth';
import { ApiError, call, setCsrfToken, setUnauthorizedHandler } from './api';

interface AuthValue {
  /** undefined while the first /auth/me probe runs, null when signed out. */
  me: Me | null | undefined;
  can: (perm: Permission) => boolean;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  const refresh = useCallback(async () => {
    try {
      const res = await call(auth.me, {}, { noAuthRedirect: true });
      setCsrfToken(res.csrfToken);
      setMe(res.user);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setMe(null);
      else throw e;
    }
  }, []);

  useEffect(() => {
    refresh().catch(() => setMe(null));
    // Any 401 from the API drops the session; <RequireAuth> then sends the user to /login.
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setMe(null);
    });
    return () => setUnauthorizedHandler(null);
  }, [refresh]);

  const login = useCallback(async (username: string, password: string) => {
    const res = await call(auth.login, { body: { username, password } }, { noAuthRedirect: true });
    setCsrfToken(res.csrfToken);
    setMe(res.user);
    return res.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await call(auth.logout, {});
    } finally {
      setCsrfToken(null);
      setMe(null);
    }
  }, []);

  const value = useMemo<AuthValue>(
    () => ({
      me,
      can: (perm) => !!me && me.permissions.includes(perm),
      login,
      logout,
      refresh,
    }),
    [me, login, logout, refresh],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside <AuthProvider>');
  return ctx;
}

/** The signed-in user; only use below <RequireAuth>. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a session');
  return me;
}

export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/**
 * Signed in, or sent to the login page (and back here after it). A user whose password an administrator gave
 * (a new account, a reset) is sent to the password page until it is changed — the server refuses everything else
 * meanwhile (403 PASSWORD_CHANGE_REQUIRED).
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const location = useLocation();
  if (me === undefined) return <FullPageSpin />;
  if (me === null) {
    const next = location.pathname + location.search;
    const to = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  if (me.mustChangePassword && location.pathname !== '/password') {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/password' : `/password?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

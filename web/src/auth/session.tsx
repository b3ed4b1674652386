import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { api, request, setUnauthenticatedHandler } from '../api/client';
import { ApiError, SESSION_EXPIRED_MESSAGE } from '../api/errors';
import type { Me } from '../api/types';
import { outcomeOf, type LoginOutcome } from './mfa';
import { fieldStorageSignedIn, fieldStorageSignedOut } from '../offline/session';
import { navigate } from '../router/router';
import { setOrgTimeZone } from '../time';

// Who is signed in lives in memory only: a reload asks the server again
// (GET /auth/me), so nothing about the user is ever written to web storage
// (only what the field app keeps for them while offline: offline/*.ts).

type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; notice: string | null }
  | { status: 'signed-in'; me: Me };

interface SessionApi {
  state: SessionState;
  /** The password step: signed in, or the second step the server asks for. */
  login: (email: string, password: string) => Promise<LoginOutcome>;
  /** After a second step (or a forced enrolment) set the session cookie. */
  finishSignIn: () => Promise<void>;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

/** Asks the server who is signed in (nobody, when it cannot be reached). */
async function whoAmI(): Promise<SessionState> {
  try {
    const me = await request<Me>('GET', '/auth/me', { isLogin: true });
    setOrgTimeZone(me.org.time_zone);
    return { status: 'signed-in', me };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401)
      return { status: 'signed-out', notice: null };
    return { status: 'signed-out', notice: 'Cannot reach the server. Please try again.' };
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  // Read by the 401 handler, which outlives renders.
  const signedIn = useRef(false);
  useEffect(() => {
    signedIn.current = state.status === 'signed-in';
  }, [state.status]);

  const refresh = useCallback(async () => setState(await whoAmI()), []);

  // The field app's offline queue, drafts and timers follow who is signed in.
  const userId = state.status === 'signed-in' ? state.me.user.id : null;
  useEffect(() => {
    if (userId !== null) fieldStorageSignedIn(userId);
  }, [userId]);

  useEffect(() => {
    void whoAmI().then(setState);
  }, []);

  useEffect(() => {
    // Any 401 after sign-in means the server ended the session (idle,
    // revoked, password changed elsewhere): back to the login page.
    setUnauthenticatedHandler(() => {
      if (!signedIn.current) return;
      signedIn.current = false;
      const here = window.location.pathname + window.location.search;
      navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true });
      setState({ status: 'signed-out', notice: SESSION_EXPIRED_MESSAGE });
    });
    return () => setUnauthenticatedHandler(null);
  }, []);

  const finishSignIn = useCallback(async () => {
    const me = await api.get<Me>('/auth/me');
    setOrgTimeZone(me.org.time_zone);
    setState({ status: 'signed-in', me });
  }, []);

  const login = useCallback(
    async (email: string, password: string) => {
      const body = await request<unknown>('POST', '/auth/login', {
        body: { email, password },
        isLogin: true,
      });
      const outcome = outcomeOf(body);
      if (outcome.next === 'done') await finishSignIn();
      return outcome;
    },
    [finishSignIn],
  );

  const logout = useCallback(async () => {
    try {
      await api.post<void>('/auth/logout');
    } finally {
      await fieldStorageSignedOut();
      setState({ status: 'signed-out', notice: 'You have signed out.' });
      navigate('/login', { replace: true });
    }
  }, []);

  const value = useMemo(
    () => ({ state, login, finishSignIn, logout, refresh }),
    [state, login, finishSignIn, logout, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in user; only for pages rendered behind the sign-in gate. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe without a session');
  return state.me;
}

// Who is using the UI: GET /api/session at start, log in and out, and the CSRF token every write sends.
// A 401 from any read (a private deployment, an expired session) asks for the login screen.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { errorMessage, getSession, login, logout, onUnauthenticated, setCsrfToken } from './api/client.js';
import type { Session, SessionUser } from './api/types.js';

export interface SessionState {
  /** null until GET /api/session has answered (or failed). */
  session: Session | null;
  /** Why the session could not be read; the UI then runs as an anonymous reader. */
  error: string | null;
  /** Set when a read answered 401. */
  needsLogin: boolean;
  user: SessionUser | null;
  canReview: boolean;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

const ANONYMOUS: Session = { user: null, csrf: null, publicReads: true };

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [needsLogin, setNeedsLogin] = useState(false);

  const adopt = useCallback((next: Session) => {
    setCsrfToken(next.csrf);
    setSession(next);
  }, []);

  useEffect(() => {
    // a 401 means this browser is not (or no longer) logged in, whatever it thought
    onUnauthenticated(() => {
      setCsrfToken(null);
      setSession((s) => s && { ...s, user: null, csrf: null });
      setNeedsLogin(true);
    });
    getSession().then(
      (s) => adopt(s),
      (err: unknown) => {
        setError(`Could not read the session: ${errorMessage(err)}`);
        adopt(ANONYMOUS);
      },
    );
    return () => onUnauthenticated(null);
  }, [adopt]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const result = await login(username, password);
      adopt({ user: result.user, csrf: result.csrf, publicReads: session?.publicReads ?? true });
      setNeedsLogin(false);
      setError(null);
    },
    [adopt, session?.publicReads],
  );

  const signOut = useCallback(async () => {
    await logout();
    setCsrfToken(null);
    try {
      adopt(await getSession());
    } catch (err) {
      setError(`Could not read the session: ${errorMessage(err)}`);
      adopt({ ...ANONYMOUS, publicReads: session?.publicReads ?? true });
    }
  }, [adopt, session?.publicReads]);

  const value = useMemo<SessionState>(() => {
    const user = session?.user ?? null;
    return {
      session,
      error,
      needsLogin,
      user,
      canReview: user?.role === 'editor' || user?.role === 'admin',
      signIn,
      signOut,
    };
  }, [session, error, needsLogin, signIn, signOut]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

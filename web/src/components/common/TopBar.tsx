import { useState } from 'react';
import { errorMessage } from '../../api/client.js';
import type { Route } from '../../router.js';
import { useSession } from '../../session.js';
import { ErrorNote } from './ErrorNote.js';

export function TopBar({ route, loginOnly }: { route: Route; loginOnly: boolean }) {
  const { user, canReview, signOut } = useSession();
  const [error, setError] = useState<string | null>(null);
  const current = (name: Route['name']) => (route.name === name ? 'page' : undefined);

  const onLogout = () => {
    setError(null);
    signOut().catch((err: unknown) => setError(`Could not log out: ${errorMessage(err)}`));
  };

  return (
    <header className="top-bar">
      <a className="brand" href="#/">
        Docket
      </a>
      {!loginOnly && (
        <nav className="main-nav" aria-label="Main">
          <a href="#/" aria-current={current('explore')}>
            Map &amp; events
          </a>
          {canReview && (
            <a href="#/review" aria-current={current('review')}>
              Review queue
            </a>
          )}
        </nav>
      )}
      <div className="account">
        {user ? (
          <>
            <span data-testid="current-user">
              {user.name} <span className="role">{user.role}</span>
            </span>
            <button type="button" onClick={onLogout}>
              Log out
            </button>
          </>
        ) : (
          !loginOnly && route.name !== 'login' && <a href="#/login">Log in</a>
        )}
      </div>
      {error && <ErrorNote message={error} />}
    </header>
  );
}

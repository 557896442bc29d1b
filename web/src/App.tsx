// The shell: who is logged in, which screen the hash names, and the filters shared by the screens.
import { ErrorNote } from './components/common/ErrorNote.js';
import { TopBar } from './components/common/TopBar.js';
import { EventPage } from './components/event/EventPage.js';
import { ExplorePage } from './components/explore/ExplorePage.js';
import { LoginScreen } from './components/common/LoginScreen.js';
import { ReviewQueue } from './components/review/ReviewQueue.js';
import type { Filters } from './filters.js';
import { useRoute, type Route } from './router.js';
import { SessionProvider, useSession } from './session.js';
import { useFilters } from './useFilters.js';

export function App() {
  return (
    <SessionProvider>
      <Shell />
    </SessionProvider>
  );
}

function Shell() {
  const route = useRoute();
  const auth = useSession();
  const [filters, setFilters] = useFilters();
  if (!auth.session) {
    return (
      <p className="page-status" role="status">
        Loading…
      </p>
    );
  }
  // A private deployment shows nothing but the login screen to someone who is not logged in.
  const loginOnly = !auth.user && (!auth.session.publicReads || auth.needsLogin);
  return (
    <div className="app">
      <TopBar route={route} loginOnly={loginOnly} />
      {auth.error && <ErrorNote message={auth.error} />}
      {loginOnly || route.name === 'login' ? (
        <LoginScreen privateDeployment={!auth.session.publicReads} />
      ) : (
        <Screen route={route} filters={filters} setFilters={setFilters} />
      )}
    </div>
  );
}

function Screen(props: { route: Route; filters: Filters; setFilters: (f: Filters) => void }) {
  const { canReview, user } = useSession();
  const { route } = props;
  switch (route.name) {
    case 'explore':
    case 'login':
      return <ExplorePage filters={props.filters} setFilters={props.setFilters} />;
    case 'event':
      return <EventPage key={route.id} id={route.id} />;
    case 'review':
      return canReview ? (
        <ReviewQueue />
      ) : (
        <main className="page narrow">
          <h1>Review queue</h1>
          <p role="alert">
            {user
              ? `Reviewing needs an editor account; ${user.name} is a ${user.role}.`
              : 'Log in with an editor account to review incidents.'}
          </p>
        </main>
      );
    case 'not-found':
      return (
        <main className="page narrow">
          <h1>Not found</h1>
          <p>
            Nothing lives at <code>{route.path}</code>. <a href="#/">Back to the map</a>
          </p>
        </main>
      );
  }
}

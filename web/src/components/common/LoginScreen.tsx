import { useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../api/client.js';
import { navigate } from '../../router.js';
import { useSession } from '../../session.js';

function loginError(err: unknown): string {
  if (err instanceof ApiError && err.status === 401) return 'Wrong user name or password.';
  if (err instanceof ApiError && err.status === 429) {
    const wait = err.retryAfterSeconds ? ` Try again in ${err.retryAfterSeconds} s.` : ' Try again later.';
    return `Too many failed attempts.${wait}`;
  }
  return `Could not log in: ${errorMessage(err)}`;
}

export function LoginScreen({ privateDeployment }: { privateDeployment: boolean }) {
  const { signIn, user } = useSession();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (user) {
    return (
      <main className="page narrow">
        <h1>Logged in</h1>
        <p>
          You are logged in as {user.name} ({user.role}). <a href="#/">Go to the map</a>
        </p>
      </main>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(name.trim(), password);
      if (window.location.hash === '#/login') navigate({ name: 'explore' });
    } catch (err) {
      setError(loginError(err));
      setBusy(false);
    }
  };

  return (
    <main className="page narrow login" data-testid="login-screen">
      <h1>Log in to Docket</h1>
      {privateDeployment && (
        <p className="muted">This Docket is private: log in to read the record of events and claims.</p>
      )}
      <form aria-label="Log in" onSubmit={(e) => void submit(e)}>
        <label>
          User name
          <input
            name="username"
            autoComplete="username"
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="error-note" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </main>
  );
}

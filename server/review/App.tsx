/**
 * The review page: sign in with an access token, then review report groups with their evidence,
 * look at a list's draft and publish it (publishers), follow other authorities' lists, see the work
 * in figures, and read the audit log. The token lives in sessionStorage (this tab
 * only, gone when it closes); the page's CSP allows no script but its own.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, createApi } from './api';
import type { TokenOwner } from '../src/auth/tokens';
import { AuditLog } from './AuditLog';
import { DraftView } from './DraftView';
import { Groups } from './Groups';
import { Peers } from './Peers';
import { SignIn } from './SignIn';
import { Work } from './Work';

const TOKEN_KEY = 'pharmacheck-hub-token';
type View = 'reports' | 'draft' | 'peers' | 'work' | 'audit';
const VIEWS: { id: View; label: string }[] = [
  { id: 'reports', label: 'Reports' },
  { id: 'draft', label: 'Draft and publish' },
  { id: 'peers', label: 'Other authorities' },
  { id: 'work', label: 'The work in figures' },
  { id: 'audit', label: 'Audit log' },
];

export function App() {
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(TOKEN_KEY));
  const [owner, setOwner] = useState<TokenOwner | null>(null);
  const [signInError, setSignInError] = useState<string | null>(null);
  const [view, setView] = useState<View>('reports');
  const api = useMemo(() => (token ? createApi(token) : null), [token]);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!api) return;
    api.me().then(
      (me) => {
        setOwner(me);
        sessionStorage.setItem(TOKEN_KEY, token!);
      },
      (error: unknown) => {
        setSignInError(error instanceof ApiError && error.code === 'token-expired' ? 'This token has expired.' : 'This token was not accepted.');
        sessionStorage.removeItem(TOKEN_KEY);
        setToken(null);
      },
    );
  }, [api]);

  useEffect(() => heading.current?.focus(), [owner, view]);

  const signOut = () => {
    sessionStorage.removeItem(TOKEN_KEY);
    setToken(null);
    setOwner(null);
  };

  if (!api || !owner) {
    return (
      <main>
        <h1>Pharmacheck hub</h1>
        {token ? <p role="status">Checking your token…</p> : <SignIn error={signInError} onSubmit={(t) => { setSignInError(null); setToken(t); }} />}
      </main>
    );
  }
  return (
    <>
      <header>
        <p class="brand">Pharmacheck hub</p>
        <p>
          Signed in as <strong>{owner.label}</strong> ({owner.role}) <button type="button" onClick={signOut}>Sign out</button>
        </p>
        <nav aria-label="Sections">
          <ul>
            {VIEWS.map((v) => (
              <li key={v.id}>
                <button type="button" aria-current={view === v.id ? 'page' : undefined} onClick={() => setView(v.id)}>
                  {v.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        <h1 ref={heading} tabIndex={-1}>{VIEWS.find((v) => v.id === view)!.label}</h1>
        {view === 'reports' && <Groups api={api} />}
        {view === 'draft' && <DraftView api={api} canPublish={owner.role === 'publisher'} />}
        {view === 'peers' && <Peers api={api} canSubscribe={owner.role === 'publisher'} />}
        {view === 'work' && <Work api={api} />}
        {view === 'audit' && <AuditLog api={api} />}
      </main>
    </>
  );
}

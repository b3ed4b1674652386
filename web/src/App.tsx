import { useEffect } from 'react';
import { useSession } from './auth/session';
import { can } from './auth/permissions';
import { Layout } from './components/Layout';
import { Loading } from './components/States';
import { NOT_ALLOWED_MESSAGE } from './api/errors';
import { LoginPage } from './pages/LoginPage';
import { CustomerLinkPage, customerLinkToken } from './pages/CustomerLinkPage';
import { PublicTokenPage, publicPage } from './pages/PublicTokenPages';
import { RequestFormPage, requestLinkToken } from './pages/RequestFormPage';
import { matchPath, navigate, useLocation } from './router/router';
import { ROUTES, shownTo } from './routes';
import { homeFor } from './home';

export function App() {
  const { state } = useSession();
  const { path } = useLocation();
  // A customer's link (/l/{token}): public, outside the signed-in app.
  const linkToken = customerLinkToken(path);
  // An invitation, "forgot password" and a reset link: public too.
  const open = publicPage(path);
  const isOpen = open !== null;
  // An asset's QR label (/r/{token}): the public request form, also outside.
  const requestToken = requestLinkToken(path);

  // Signed out on any page but /login: go to /login and come back afterwards.
  useEffect(() => {
    if (
      state.status === 'signed-out' &&
      path !== '/login' &&
      linkToken === null &&
      requestToken === null &&
      !isOpen
    ) {
      const here = window.location.pathname + window.location.search;
      navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true });
    }
  }, [state.status, path, linkToken, requestToken, isOpen]);

  if (linkToken !== null) return <CustomerLinkPage token={linkToken} />;
  if (requestToken !== null) return <RequestFormPage token={requestToken} />;
  if (open) return <PublicTokenPage page={open} />;
  if (state.status === 'loading') return <Loading what="Starting Bulwark" />;
  if (state.status === 'signed-out') return <LoginPage notice={state.notice} />;
  if (path === '/login') {
    return <LoginRedirect />;
  }

  if (path === '/') return <HomeRedirect to={homeFor(state.me)} />;

  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (!params) continue;
    if (!shownTo(route, state.me.role) || (route.permission && !can(state.me, route.permission))) {
      return (
        <Layout title={route.title}>
          <h1>{route.title}</h1>
          <p className="error" role="alert">
            {NOT_ALLOWED_MESSAGE}
          </p>
        </Layout>
      );
    }
    return (
      <Layout key={route.pattern} title={route.title}>
        {route.render(params)}
      </Layout>
    );
  }
  return (
    <Layout title="Page not found">
      <h1>Page not found</h1>
      <p>There is no page at this address.</p>
    </Layout>
  );
}

/** Already signed in at /login (e.g. after sign-in): go where the user was headed. */
function LoginRedirect() {
  const { query } = useLocation();
  useEffect(() => {
    navigate(safeNext(query.get('next')), { replace: true });
  }, [query]);
  return <Loading />;
}

/** "/" is no page of its own: each role's home is (home.ts). */
function HomeRedirect({ to }: { to: string }) {
  useEffect(() => {
    navigate(to, { replace: true });
  }, [to]);
  return <Loading />;
}

/** Only same-app paths ("/x", never "//evil.example" or "https://..."): no open redirect. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/login')) return '/';
  return next;
}

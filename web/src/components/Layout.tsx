import { useEffect, useState, type ReactNode } from 'react';
import { useSession, useMe } from '../auth/session';
import { can } from '../auth/permissions';
import { Link, useLocation } from '../router/router';
import { OrgSwitcher } from './OrgSwitcher';
import { ROUTES, shownTo } from '../routes';

/** Skip link, header with the role's navigation, and the main landmark. */
export function Layout({ title, children }: { title: string; children: ReactNode }) {
  const me = useMe();
  const { logout } = useSession();
  const { path } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => {
    document.title = `${title} · Bulwark`;
  }, [title]);
  const items = ROUTES.filter(
    (r) => r.nav && shownTo(r, me.role) && (r.permission === null || can(me, r.permission)),
  );
  const isActive = (pattern: string) =>
    pattern === '/' ? path === '/' : path === pattern || path.startsWith(`${pattern}/`);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">Bulwark</span>
          <OrgSwitcher />
        </div>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((o) => !o)}
        >
          Menu
        </button>
        <nav id="main-nav" aria-label="Main" className={menuOpen ? 'main-nav open' : 'main-nav'}>
          <ul>
            {items.map((r) => (
              <li key={r.pattern}>
                <Link
                  to={r.pattern}
                  aria-current={isActive(r.pattern) ? 'page' : undefined}
                  onClick={() => setMenuOpen(false)}
                >
                  {r.nav}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="user-box">
          <span className="user-name">
            {me.user.name || me.user.email} <span className="user-role">({me.role})</span>
          </span>
          <button type="button" className="button-secondary" onClick={() => void logout()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

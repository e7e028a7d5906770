import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useIdentity } from '../identity/IdentityContext.tsx';
import { IdentityDialog } from '../identity/IdentityDialog.tsx';
import { LanguageMenu } from './LanguageMenu.tsx';

/**
 * Page frame: skip link, header with navigation, identity and language, the main landmark, and a
 * polite live region that confirms a change of language in the new language.
 */
export function Layout() {
  const { t } = useTranslation();
  const { identity } = useIdentity();
  const [dialogOpen, setDialogOpen] = useState(false);
  // Set once the person switches language; the message itself is rendered in the new language.
  const [languageChanged, setLanguageChanged] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const location = useLocation();
  const firstPath = useRef(location.pathname);

  // After a client-side navigation, move focus to the new page so screen reader and keyboard
  // users start at its content, as they would after a full page load.
  useEffect(() => {
    if (location.pathname === firstPath.current) return;
    firstPath.current = '';
    mainRef.current?.focus();
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            {t('app.name')}
          </Link>
          <nav aria-label={t('nav.label')} className="site-nav">
            <NavLink to="/" end className="site-nav__link">
              {t('nav.guides')}
            </NavLink>
          </nav>
          <div className="site-header__tools">
            {identity && (
              <div className="identity-chip">
                <span className="identity-chip__text">
                  {t('identity.current')} <bdi className="identity-chip__name">{identity.name}</bdi>
                </span>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setDialogOpen(true)}
                >
                  {t('identity.change')}
                </button>
              </div>
            )}
            <LanguageMenu onChange={() => setLanguageChanged(true)} />
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        <Outlet />
      </main>
      <IdentityDialog open={dialogOpen} onClose={() => setDialogOpen(false)} />
      <p className="visually-hidden" role="status" data-testid="language-announcement">
        {languageChanged ? t('language.changed') : ''}
      </p>
    </>
  );
}

import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useMe } from '../me/MeContext.tsx';
import { ProfileDialog } from '../me/ProfileDialog.tsx';
import type { SupportedLanguage } from '../i18n/languages.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { LanguageMenu } from './LanguageMenu.tsx';
import { PersonChip } from './PersonChip.tsx';
import { SiteNav } from './SiteNav.tsx';

type Announcement = 'language.changed' | 'account.signedOut' | 'profile.saved';

/**
 * Page frame: skip link, header with navigation, the signed-in person and language, the main
 * landmark, and a polite live region for confirmations (a change of language is confirmed in
 * the new language). Pages render only once it is known whether someone is signed in.
 */
export function Layout() {
  const { t } = useTranslation();
  const { state, me, retry, signOut, saveLanguage } = useMe();
  const navigate = useNavigate();
  const [profileOpen, setProfileOpen] = useState(false);
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  // A failed sign-out or language save: shown at the top of the page, not only announced.
  const [problem, setProblem] = useState<{
    error: unknown;
    key: 'account.signOutFailed' | 'language.notSaved';
  } | null>(null);
  const mainRef = useRef<HTMLElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const location = useLocation();
  const firstPath = useRef(location.pathname);

  // After a client-side navigation, move focus to the new page so screen reader and keyboard
  // users start at its content, as they would after a full page load.
  useEffect(() => {
    if (location.pathname === firstPath.current) return;
    firstPath.current = '';
    mainRef.current?.focus();
  }, [location.pathname]);

  const onLanguageChange = (language: SupportedLanguage) => {
    setAnnouncement('language.changed');
    // Remembered on the person too, so their other devices open in it.
    saveLanguage(language).catch((error: unknown) =>
      setProblem({ error, key: 'language.notSaved' }),
    );
  };

  const onSignOut = async () => {
    setProblem(null);
    try {
      await signOut();
      setAnnouncement('account.signedOut');
      await navigate('/');
    } catch (error) {
      setProblem({ error, key: 'account.signOutFailed' });
    }
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header
        className="site-header"
        onKeyDown={(event) => {
          // Escape anywhere in the header closes the menu, unless an open language list inside
          // it took the key (it prevents the default) to close itself first.
          if (event.key === 'Escape' && menuOpen && !event.defaultPrevented) {
            setMenuOpen(false);
            menuButtonRef.current?.focus();
          }
        }}
      >
        <div className="site-header__inner">
          <Link to="/" className="brand">
            {t('app.name')}
          </Link>
          <button
            ref={menuButtonRef}
            type="button"
            className="button button--small site-header__menu-button"
            aria-expanded={menuOpen}
            aria-controls={menuId}
            onClick={() => setMenuOpen((open) => !open)}
          >
            {t('nav.menu')}
          </button>
          {/* On a phone this folds behind the Menu button (layout.css); wider, it is the header. */}
          <div
            id={menuId}
            className="site-header__menu"
            data-open={menuOpen ? 'true' : undefined}
            onClick={(event) => {
              // Following a link in the menu leaves the page: fold the menu away behind it.
              if (event.target instanceof Element && event.target.closest('a')) setMenuOpen(false);
            }}
          >
            {me && <SiteNav me={me} />}
            <div className="site-header__tools">
              {me && (
                <PersonChip
                  me={me}
                  onProfile={() => setProfileOpen(true)}
                  onSignOut={() => void onSignOut()}
                />
              )}
              <LanguageMenu onChange={onLanguageChange} />
            </div>
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        {problem && (
          <div className="page-problem">
            <p className="page-problem__title">{t(problem.key)}</p>
            <ErrorNotice error={problem.error} />
          </div>
        )}
        {state.status === 'loading' && (
          <p className="muted" role="status">
            {t('app.loading')}
          </p>
        )}
        {state.status === 'error' && (
          <div className="page">
            <h1>{t('account.loadFailedTitle')}</h1>
            <ErrorNotice error={state.error} onRetry={retry} />
          </div>
        )}
        {(state.status === 'signedIn' || state.status === 'signedOut') && <Outlet />}
      </main>
      <ProfileDialog
        open={profileOpen}
        onClose={() => setProfileOpen(false)}
        onSaved={() => {
          setProfileOpen(false);
          setAnnouncement('profile.saved');
        }}
      />
      <p className="visually-hidden" role="status" data-testid="language-announcement">
        {announcement ? t(announcement) : ''}
      </p>
    </>
  );
}

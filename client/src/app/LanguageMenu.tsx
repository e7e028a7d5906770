import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, currentLanguage } from '../i18n/index.ts';
import { languageNames, supportedLanguages, type SupportedLanguage } from '../i18n/languages.ts';

/**
 * The language switcher: a menu button (WAI-ARIA menu button pattern) listing each language in
 * itself, marked with its own `lang`, so a screen reader pronounces it right. A menu rather than
 * a `<select>`: arrowing through a closed select would switch the whole interface at each key.
 *
 * Keyboard: Enter, Space or ↓ opens on the current language, ↑ on the last one; ↑/↓ move,
 * Home/End jump, Enter/Space choose, Escape closes, Tab closes and moves on.
 */
export function LanguageMenu({ onChange }: { onChange: (language: SupportedLanguage) => void }) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [focusIndex, setFocusIndex] = useState(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const current = currentLanguage();
  const buttonId = `${ids}-button`;
  const menuId = `${ids}-menu`;
  const count = supportedLanguages.length;

  // Focus follows the active item while the menu is open.
  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]')[focusIndex]?.focus();
  }, [open, focusIndex]);

  // A press anywhere else closes the menu, leaving focus where the person put it.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const openAt = (index: number) => {
    setFocusIndex(index);
    setOpen(true);
  };

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  const choose = (language: SupportedLanguage) => {
    close(true);
    if (language === current) return;
    void chooseLanguage(language).then(() => onChange(language));
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(event.key === 'ArrowDown' ? supportedLanguages.indexOf(current) : count - 1);
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: (focusIndex + 1) % count,
      ArrowUp: (focusIndex - 1 + count) % count,
      Home: 0,
      End: count - 1,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      setFocusIndex(next);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div className="language-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        className="button button--small language-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        // Points at the list only while it is shown (a hidden target is flagged by checkers).
        aria-controls={open ? menuId : undefined}
        data-testid="language-menu-button"
        onClick={() => (open ? close(false) : openAt(supportedLanguages.indexOf(current)))}
        onKeyDown={onButtonKeyDown}
      >
        <GlobeIcon />
        <span className="visually-hidden">{t('language.current')} </span>
        <span lang={current} dir={i18n.dir(current)}>
          {languageNames[current]}
        </span>
      </button>
      <ul
        ref={menuRef}
        id={menuId}
        role="menu"
        aria-label={t('language.label')}
        className="language-menu__list"
        hidden={!open}
        onKeyDown={onMenuKeyDown}
      >
        {supportedLanguages.map((language, index) => (
          <li key={language} role="none">
            <button
              type="button"
              role="menuitemradio"
              aria-checked={language === current}
              tabIndex={index === focusIndex ? 0 : -1}
              className="language-menu__item"
              onClick={() => choose(language)}
            >
              {/* The check mark shows the current language without relying on colour. */}
              <span className="language-menu__check" aria-hidden="true">
                {language === current ? '✓' : ''}
              </span>
              <span lang={language} dir={i18n.dir(language)}>
                {languageNames[language]}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function GlobeIcon() {
  return (
    <svg
      className="language-menu__icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z" />
    </svg>
  );
}

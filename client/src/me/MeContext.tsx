import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LanguageCode, Me } from '@draftroom/shared';
import { getMeIfSignedIn, updateMe } from '../api/me.ts';
import { isAbortError } from '../api/client.ts';
import { chooseLanguage, currentLanguage } from '../i18n/index.ts';
import { callApi } from '../api/callApi.ts';

export type MeState =
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; me: Me }
  | { status: 'error'; error: unknown };

interface MeContextValue {
  state: MeState;
  /** The signed-in person, or `null` (loading, signed out or failed). */
  me: Me | null;
  /** After a failure to load: show "loading" and ask again. */
  retry: () => void;
  /** Asks again without showing "loading" (after joining a group, say). */
  refresh: () => void;
  /** A fresh answer from join or a profile change: shown at once, in the person's language. */
  setMe: (me: Me) => void;
  signOut: () => Promise<void>;
  /** Remembers a language chosen in the menu on the person's profile, so other devices follow. */
  saveLanguage: (language: LanguageCode) => Promise<void>;
}

const MeContext = createContext<MeContextValue | null>(null);

/**
 * The person's language wins over this browser's: it is what they chose for themselves, possibly
 * on another device. It is also remembered locally so the next visit starts in it at once.
 */
function applyPersonLanguage(me: Me): void {
  const language = me.person.preferredLanguage;
  if (language !== currentLanguage()) void chooseLanguage(language);
}

/** Who is signed in, from `GET /api/me`; the session itself is an httpOnly cookie. */
export function MeProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<MeState>({ status: 'loading' });
  const [request, setRequest] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    getMeIfSignedIn(controller.signal).then(
      (me) => {
        if (me) applyPersonLanguage(me);
        setState(me ? { status: 'signedIn', me } : { status: 'signedOut' });
      },
      (error: unknown) => {
        // A failed quiet refresh keeps what is shown; only a first load turns into an error.
        if (isAbortError(error)) return;
        setState((current) =>
          current.status === 'signedIn' ? current : { status: 'error', error },
        );
      },
    );
    return () => controller.abort();
  }, [request]);

  const value = useMemo<MeContextValue>(() => {
    const me = state.status === 'signedIn' ? state.me : null;
    const setMe = (next: Me) => {
      applyPersonLanguage(next);
      setState({ status: 'signedIn', me: next });
    };
    return {
      state,
      me,
      retry: () => {
        setState({ status: 'loading' });
        setRequest((n) => n + 1);
      },
      refresh: () => setRequest((n) => n + 1),
      setMe,
      signOut: async () => {
        await callApi('signOut');
        setState({ status: 'signedOut' });
      },
      saveLanguage: async (language) => {
        if (!me || me.person.preferredLanguage === language) return;
        const next = await updateMe({ preferredLanguage: language });
        setState({ status: 'signedIn', me: next });
      },
    };
  }, [state]);

  return <MeContext.Provider value={value}>{children}</MeContext.Provider>;
}

export function useMe(): MeContextValue {
  const value = useContext(MeContext);
  if (!value) throw new Error('useMe must be used inside <MeProvider>');
  return value;
}

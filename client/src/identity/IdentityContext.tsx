import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { identityStorageKey, loadIdentity, parseStoredIdentity, saveIdentity } from './identity.ts';
import type { Identity } from './identity.ts';

interface IdentityContextValue {
  identity: Identity | null;
  setIdentity: (identity: Identity) => void;
}

const IdentityContext = createContext<IdentityContextValue | null>(null);

export function IdentityProvider({ children }: { children: ReactNode }) {
  const [identity, setIdentityState] = useState<Identity | null>(loadIdentity);

  // A name changed in another tab applies here too, so one person does not appear twice under
  // two names.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== identityStorageKey) return;
      const next = parseStoredIdentity(event.newValue);
      if (next) setIdentityState(next);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const value = useMemo<IdentityContextValue>(
    () => ({
      identity,
      setIdentity: (next) => {
        saveIdentity(next);
        setIdentityState(next);
      },
    }),
    [identity],
  );

  return <IdentityContext.Provider value={value}>{children}</IdentityContext.Provider>;
}

export function useIdentity(): IdentityContextValue {
  const value = useContext(IdentityContext);
  if (!value) throw new Error('useIdentity must be used inside <IdentityProvider>');
  return value;
}

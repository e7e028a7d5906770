import { useEffect, useState, useSyncExternalStore } from 'react';
import { CollabSession } from './session.ts';
import { initialConnectionState, type ConnectionState } from './connectionState.ts';
import type { Person } from './presence.ts';

/** How long the editor waits for this browser's offline copy before showing what it has. */
const offlineCopyWaitMs = 1500;

/**
 * Opens the guide's collaboration session for as long as the component is mounted. The session
 * is handed out only once IndexedDB has loaded (or after a short wait, if IndexedDB is blocked),
 * so the editor is created once, on a Y.Doc that already holds the offline copy.
 */
export function useCollabSession(documentId: string): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null);

  useEffect(() => {
    let active = true;
    const created = new CollabSession(documentId);
    const waited = new Promise((resolve) => setTimeout(resolve, offlineCopyWaitMs));
    void Promise.race([created.persistence.whenSynced, waited]).then(() => {
      if (active) setSession(created);
    });
    return () => {
      active = false;
      created.destroy();
      setSession((current) => (current === created ? null : current));
    };
  }, [documentId]);

  // A session from a previous guide may still be in state for one render after navigating.
  return session?.documentId === documentId ? session : null;
}

const placeholderConnection = initialConnectionState(true);
const noPeople: Person[] = [];
const subscribeToNothing = () => () => {};

export function useConnectionState(session: CollabSession | null): ConnectionState {
  return useSyncExternalStore(
    session ? session.subscribe : subscribeToNothing,
    session ? session.getConnection : () => placeholderConnection,
  );
}

export function usePeople(session: CollabSession | null): Person[] {
  return useSyncExternalStore(
    session ? session.subscribe : subscribeToNothing,
    session ? session.getPeople : () => noPeople,
  );
}

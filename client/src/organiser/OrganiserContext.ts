import { useOutletContext } from 'react-router';
import type { Me, Programme } from '@draftroom/shared';

/** What every organiser page gets from the frame: who is signed in and the current programme. */
export interface OrganiserContext {
  me: Me;
  programme: Programme;
  /** Refetch the event and sessions after a change (keeps showing the old ones meanwhile). */
  reloadProgramme: () => void;
}

export function useOrganiser(): OrganiserContext {
  return useOutletContext<OrganiserContext>();
}

import type { ReactNode } from 'react';
import { managesEvent } from './access.ts';
import { useOrganiser } from './OrganiserContext.ts';
import { AccessNotice } from './ui/AccessNotice.tsx';

/** Pages only organisers may use (event, invites, people, import): facilitators are told so. */
export function OrganiserOnly({ children }: { children: ReactNode }) {
  const { me } = useOrganiser();
  return managesEvent(me) ? children : <AccessNotice reason="organisersOnly" />;
}

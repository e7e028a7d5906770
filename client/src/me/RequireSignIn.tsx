import type { ReactNode } from 'react';
import type { Me } from '@draftroom/shared';
import { useMe } from './MeContext.tsx';
import { SignedOutNotice } from './SignedOutNotice.tsx';

/** Renders a page only for a signed-in person; others are told how to sign in. */
export function RequireSignIn({ children }: { children: (me: Me) => ReactNode }) {
  const { me } = useMe();
  return me ? children(me) : <SignedOutNotice />;
}

import { useMe } from '../me/MeContext.tsx';
import { SignedInHome } from './SignedInHome.tsx';
import { SignedOutHome } from './SignedOutHome.tsx';

/** `/`: your groups when signed in; how to get in (an invite link) when not. */
export function HomePage() {
  const { me } = useMe();
  return me ? <SignedInHome me={me} /> : <SignedOutHome />;
}

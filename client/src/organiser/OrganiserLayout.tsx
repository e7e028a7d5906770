import { useMemo } from 'react';
import { Outlet } from 'react-router';
import { ApiRequestError } from '../api/client.ts';
import { loadMe, loadProgramme } from '../api/loaders.ts';
import { useResource } from '../api/useResource.ts';
import { canOrganise } from '../me/capabilities.ts';
import { ErrorWordingProvider } from '../ui/ErrorNotice.tsx';
import { ResourceState } from '../ui/ResourceState.tsx';
import type { OrganiserContext } from './OrganiserContext.ts';
import { OrganiserNav } from './OrganiserNav.tsx';
import { AccessNotice } from './ui/AccessNotice.tsx';
// The organiser styles load with this chunk: participants never download them.
import '../styles/organiser.css';
import '../styles/organiser-groups.css';

/**
 * Frame of every organiser page: finds out who is signed in (GET /api/me) and loads the programme
 * once, keeps out anyone who organises nothing, and hands both to the pages below.
 */
export function OrganiserLayout() {
  // Failures here are worded for organisers ("check the highlighted fields").
  return (
    <ErrorWordingProvider wording="organiser">
      <OrganiserFrame />
    </ErrorWordingProvider>
  );
}

function OrganiserFrame() {
  const { state: me, refresh: reloadMe } = useResource(loadMe);
  const { state: programme, refresh: reloadProgramme } = useResource(loadProgramme);

  const context = useMemo<OrganiserContext | null>(
    () =>
      me.status === 'ready' && programme.status === 'ready'
        ? { me: me.data, programme: programme.data, reloadProgramme }
        : null,
    [me, programme, reloadProgramme],
  );

  if (me.status === 'error' && me.error instanceof ApiRequestError && me.error.status === 401) {
    return <AccessNotice reason="signIn" />;
  }
  if (me.status !== 'ready') return <ResourceState resource={me} onRetry={reloadMe} />;
  if (!canOrganise(me.data)) return <AccessNotice reason="noAccess" />;
  if (!context) return <ResourceState resource={programme} onRetry={reloadProgramme} />;

  return (
    <div className="organiser">
      <OrganiserNav me={me.data} />
      <Outlet context={context} />
    </div>
  );
}

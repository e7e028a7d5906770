import { useEffect, useState } from 'react';
import type { PersonalProgramme } from '@draftroom/shared';
import { loadPersonalProgramme } from '../api/loaders.ts';
import { onAudiencesChanged, planToAttend } from '../api/personalProgramme.ts';
import { useResource, type Resource } from '../api/useResource.ts';

/**
 * The person's own programme, loaded with the page and kept current: a change of plan answers
 * with the whole programme (the counts included), and a change of audiences in the profile dialog
 * reloads it quietly.
 */
export function usePersonalProgramme(): {
  state: Resource<PersonalProgramme>;
  /** Which sessions have a change of plan on its way. */
  pending: ReadonlySet<string>;
  setPlanned: (sessionId: string, planned: boolean) => Promise<void>;
} {
  const { state, refresh } = useResource(loadPersonalProgramme);
  // The server's answer to the latest change, valid until the resource loads again.
  const [answer, setAnswer] = useState<{ from: unknown; now: PersonalProgramme } | null>(null);
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => onAudiencesChanged(refresh), [refresh]);

  const loaded = state.status === 'ready' ? state.data : null;
  const current: Resource<PersonalProgramme> =
    answer && loaded && answer.from === loaded ? { status: 'ready', data: answer.now } : state;

  async function setPlanned(sessionId: string, planned: boolean): Promise<void> {
    setPending((now) => new Set(now).add(sessionId));
    try {
      const now = await planToAttend(sessionId, planned);
      setAnswer({ from: loaded, now });
    } finally {
      setPending((now) => {
        const next = new Set(now);
        next.delete(sessionId);
        return next;
      });
    }
  }

  return { state: current, pending, setPlanned };
}

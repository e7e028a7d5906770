import {
  audienceTags,
  sessionKinds,
  type AudienceTag,
  type ConferenceSession,
  type SessionKind,
} from '@draftroom/shared';

/** What the programme is narrowed to; `null` means "all". Kept in the address (shareable). */
export interface ProgrammeFilter {
  kind: SessionKind | null;
  audience: AudienceTag | null;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

/** Reads `?kind=…&audience=…`; anything unknown (an old link, a typo) means "all". */
export function filterFromParams(params: URLSearchParams): ProgrammeFilter {
  return {
    kind: oneOf(sessionKinds, params.get('kind')),
    audience: oneOf(audienceTags, params.get('audience')),
  };
}

export function filterToParams(filter: ProgrammeFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.kind) params.set('kind', filter.kind);
  if (filter.audience) params.set('audience', filter.audience);
  return params;
}

export function isFiltered(filter: ProgrammeFilter): boolean {
  return filter.kind !== null || filter.audience !== null;
}

export function matchesFilter(session: ConferenceSession, filter: ProgrammeFilter): boolean {
  return (
    (filter.kind === null || session.kind === filter.kind) &&
    (filter.audience === null || session.audience.includes(filter.audience))
  );
}

export function filterSessions(
  sessions: readonly ConferenceSession[],
  filter: ProgrammeFilter,
): ConferenceSession[] {
  return sessions.filter((session) => matchesFilter(session, filter));
}

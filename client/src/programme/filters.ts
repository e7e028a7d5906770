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
  /** Only the sessions for the audiences the person follows (`?mine=1`). */
  mine: boolean;
}

export const noFilter: ProgrammeFilter = { kind: null, audience: null, mine: false };

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

/** Reads `?kind=…&audience=…&mine=1`; anything unknown (an old link, a typo) means "all". */
export function filterFromParams(params: URLSearchParams): ProgrammeFilter {
  return {
    kind: oneOf(sessionKinds, params.get('kind')),
    audience: oneOf(audienceTags, params.get('audience')),
    mine: params.get('mine') === '1',
  };
}

export function filterToParams(filter: ProgrammeFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.kind) params.set('kind', filter.kind);
  if (filter.audience) params.set('audience', filter.audience);
  if (filter.mine) params.set('mine', '1');
  return params;
}

export function isFiltered(filter: ProgrammeFilter): boolean {
  return filter.kind !== null || filter.audience !== null || filter.mine;
}

/** Is the session meant for at least one of the audiences the person follows? */
export function isForAudiences(
  session: ConferenceSession,
  audiences: readonly AudienceTag[],
): boolean {
  return session.audience.some((tag) => audiences.includes(tag));
}

export function matchesFilter(
  session: ConferenceSession,
  filter: ProgrammeFilter,
  audiences: readonly AudienceTag[] = [],
): boolean {
  return (
    (filter.kind === null || session.kind === filter.kind) &&
    (filter.audience === null || session.audience.includes(filter.audience)) &&
    (!filter.mine || isForAudiences(session, audiences))
  );
}

export function filterSessions(
  sessions: readonly ConferenceSession[],
  filter: ProgrammeFilter,
  /** The audiences the person follows (for `mine`). */
  audiences: readonly AudienceTag[] = [],
): ConferenceSession[] {
  return sessions.filter((session) => matchesFilter(session, filter, audiences));
}

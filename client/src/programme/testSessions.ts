import type { ConferenceSession } from '@draftroom/shared';

/** A session for tests; only what a test cares about needs giving. */
export function testSession(overrides: Partial<ConferenceSession> = {}): ConferenceSession {
  return {
    id: 's_1',
    eventId: 'e_1',
    title: 'Opening debate',
    description: '',
    kind: 'thought-leader-debate',
    audience: [],
    startsAt: '2021-06-16T13:00:00Z',
    endsAt: '2021-06-16T14:00:00Z',
    languages: ['en'],
    selfSelect: false,
    templateId: null,
    ...overrides,
  };
}

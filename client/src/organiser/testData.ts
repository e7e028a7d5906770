import type { BreakoutGroup, ConferenceEvent, Person, SessionDetail } from '@draftroom/shared';

/** Small fixtures shared by the unit tests of this folder (not used by the app). */
export const testEvent: ConferenceEvent = {
  id: 'event-1',
  name: 'World e-Parliament Conference',
  startsOn: '2021-06-16',
  endsOn: '2021-06-18',
  timeZone: 'Europe/Zurich',
  languages: ['en', 'fr', 'es', 'ar'],
  contactEmail: 'team@wepc.example',
};

export function testPerson(id: string, overrides: Partial<Person> = {}): Person {
  return {
    id,
    eventId: 'event-1',
    displayName: id,
    parliament: 'Parliament',
    country: 'FR',
    role: 'participant',
    preferredLanguage: 'en',
    email: null,
    parliamentConfirmed: true,
    scope: { type: 'event', id: 'event-1' },
    groupIds: [],
    ...overrides,
  };
}

export function testGroup(id: string, members: Person[] = [], capacity = 10): BreakoutGroup {
  return {
    id,
    sessionId: 'session-1',
    name: `Group ${id}`,
    workingLanguage: 'en',
    capacity,
    guideId: `guide-${id}`,
    members: members.map(({ id: memberId, displayName, parliament, country, role }) => ({
      id: memberId,
      displayName,
      parliament,
      country,
      role,
    })),
  };
}

export function testSessionDetail(groups: BreakoutGroup[]): SessionDetail {
  return {
    session: {
      id: 'session-1',
      eventId: 'event-1',
      title: 'Co-creating open parliament guides',
      description: '',
      kind: 'co-creation',
      audience: [],
      startsAt: '2021-06-16T11:00:00.000Z',
      endsAt: '2021-06-16T12:30:00.000Z',
      languages: ['en', 'fr'],
      selfSelect: false,
      templateId: null,
    },
    capabilities: { chooseGroup: false, compileGuides: false },
    groups,
  };
}

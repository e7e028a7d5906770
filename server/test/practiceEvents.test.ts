// The library's live events (issue 17): each write publishes `practiceChanged` on the one event
// bus after it is committed (the citations and open pages follow it), and a merge that moved a
// running order tells those sessions (`sessionPractices`). The library is wired as `server.ts`
// wires it, over a real database, with the in-process bus listened to.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPersistence, type Persistence } from '../src/persistence/index.ts';
import { InProcessEventBus } from '../src/services/events/eventBus.ts';
import { memoryLimiters } from '../src/lib/rateLimits.ts';
import { searchIndexFor } from '../src/services/search/searchIndexFor.ts';
import { wireLibrary, type LibraryServices } from '../src/services/practices/wireLibrary.ts';
import type { Viewer } from '../src/services/access/policy.ts';
import { removeTestData, testDatabaseUrl } from '../testing/index.ts';
import { practiceInput } from './helpers/practiceFixtures.ts';

describe('the library on the event bus', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'draftroom-practice-events-'));
  let persistence: Persistence;
  let library: LibraryServices;
  const heard: Array<[string, unknown]> = [];
  const organiser: Viewer = {
    person: {
      id: 'organiser1',
      eventId: 'event1',
      displayName: 'Organiser',
      parliament: 'Parliament of Testland',
      country: 'KE',
      preferredLanguage: 'en',
      email: null,
      parliamentConfirmed: true,
      role: 'organiser',
      scope: { type: 'event', id: 'event1' },
    },
    groupIds: [],
  };

  beforeAll(async () => {
    persistence = await openPersistence(await testDatabaseUrl(dataDir), 'normal');
    await persistence.repositories.events.create({
      id: 'event1',
      name: 'Bus conference',
      startsOn: '2031-01-10',
      endsOn: '2031-01-11',
      timeZone: 'UTC',
      languages: ['en'],
    });
    await persistence.repositories.people.create(organiser.person);
    await persistence.repositories.sessions.create({
      id: 'session1',
      eventId: 'event1',
      title: 'Exchange',
      description: '',
      kind: 'good-practice-exchange',
      audience: [],
      startsAt: '2031-01-10T09:00:00.000Z',
      endsAt: '2031-01-10T10:00:00.000Z',
      languages: ['en'],
      selfSelect: false,
      templateId: null,
    });
    const events = new InProcessEventBus();
    events.subscribe('practiceChanged', (event) => heard.push(['practiceChanged', event]));
    events.subscribe('sessionPractices', (event) => heard.push(['sessionPractices', event]));
    const conference = {
      repositories: persistence.repositories,
      transaction: persistence.transaction,
    };
    library = wireLibrary({
      conference,
      events,
      limiters: memoryLimiters,
      searchIndex: searchIndexFor(persistence.dialect, conference),
      onError: (_id, error) => {
        throw error;
      },
    });
  });
  afterAll(async () => {
    await persistence?.close();
    await removeTestData(dataDir);
  });

  it('publishes practiceChanged after each write, and sessionPractices for a moved running order', async () => {
    const a = await library.practices.submit(organiser, practiceInput({ title: 'A' }));
    expect(heard).toEqual([['practiceChanged', { eventId: 'event1', practiceId: a.id }]]);
    const approved = await library.practices.review(organiser, a.id, {
      revision: a.revision,
      to: 'approved',
    });
    const b = await library.practices.submit(organiser, practiceInput({ title: 'B' }));
    await persistence.repositories.citations.setRunningOrder('session1', [
      { practiceId: b.id, presenter: null },
    ]);
    heard.length = 0;
    await library.practices.merge(organiser, b.id, { revision: b.revision, into: approved.id });
    expect(heard).toEqual([
      ['practiceChanged', { eventId: 'event1', practiceId: b.id }],
      ['sessionPractices', { sessionId: 'session1' }],
    ]);
    // A refused write publishes nothing.
    heard.length = 0;
    await expect(
      library.practices.review(organiser, a.id, { revision: 1, to: 'approved' }),
    ).rejects.toMatchObject({ code: 'practice_stale' });
    expect(heard).toEqual([]);
  });
});

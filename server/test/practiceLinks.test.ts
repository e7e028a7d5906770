// What links a practice to the rest of the event, over HTTP against a real server: merging a
// duplicate moves its running-order places and its citing guides to the practice it went into;
// a practice lists the guides citing it that the reader may open, and counts the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPath, type Practice } from '@draftroom/shared';
import { createCoCreationSession, createGroup, type ApiClient } from '../testing/index.ts';
import {
  approvedPractice,
  libraryCast,
  submitPractice,
  updatePractice,
} from './helpers/practiceFixtures.ts';
import type { TestServer } from './helpers/testServer.ts';

describe('a practice’s links: merges, citing guides, sessions', () => {
  let server: TestServer;
  let ghana: ApiClient;
  let kenya: ApiClient;
  const practicePath = (practiceId: string) => apiPath('getPractice', { practiceId });
  const update = updatePractice;

  beforeAll(async () => {
    ({ server, ghana, kenya } = await libraryCast());
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('merges a duplicate into another practice: read-only, its running order moved to the target', async () => {
    const target = await approvedPractice(server.organiser, { title: 'E-petitions' });
    const duplicate = await approvedPractice(server.organiser, { title: 'E-petitions (again)' });
    const other = await approvedPractice(server.organiser, { title: 'Something else' });
    const sessionA = await createCoCreationSession(server.organiser, 'Exchange A');
    const sessionB = await createCoCreationSession(server.organiser, 'Exchange B');
    const { citations } = server.server.persistence.repositories;
    await citations.setRunningOrder(sessionA.id, [{ practiceId: duplicate.id, presenter: 'Ama' }]);
    await citations.setRunningOrder(sessionB.id, [
      { practiceId: duplicate.id, presenter: null },
      { practiceId: target.id, presenter: null },
    ]);
    const runningOrder = async (sessionId: string) =>
      (await citations.runningOrder(sessionId)).map((row) => row.practiceId);
    // Guides keep citing the duplicate's id in their text: one cites it alone, one both.
    const citingDuplicate = await createGroup(server.organiser, sessionA.id, 'Cites the duplicate');
    const citingBoth = await createGroup(server.organiser, sessionA.id, 'Cites both');
    await citations.replaceForGuide(citingDuplicate.guideId, [duplicate.id]);
    await citations.replaceForGuide(citingBoth.guideId, [duplicate.id, target.id]);

    const mergePath = apiPath('mergePractice', { practiceId: duplicate.id });
    await server.organiser.expect(409, 'POST', mergePath, {
      revision: duplicate.revision,
      into: duplicate.id,
    });
    await ghana.expect(403, 'POST', mergePath, { revision: duplicate.revision, into: target.id });
    // Approved (cited, in running orders): only into an approved practice.
    const waiting = await submitPractice(server.organiser, { title: 'E-petitions, waiting' });
    await server.organiser.expect(409, 'POST', mergePath, {
      revision: duplicate.revision,
      into: waiting.id,
    });
    await server.organiser.expect(404, 'POST', mergePath, {
      revision: duplicate.revision,
      into: 'nosuchpractice',
    });
    const merged = await server.organiser.expect<Practice>(200, 'POST', mergePath, {
      revision: duplicate.revision,
      into: target.id,
    });
    expect(merged).toMatchObject({
      status: 'merged',
      mergedInto: target.id,
      revision: duplicate.revision + 1,
      public: false,
    });
    expect(merged.capabilities.edit).toBe(false);
    expect(await runningOrder(sessionA.id)).toEqual([target.id]);
    expect(await runningOrder(sessionB.id)).toEqual([target.id]);
    // The target is cited by both guides now, each once (the CSV's count too).
    const targetNow = await server.organiser.expect<Practice>(200, 'GET', practicePath(target.id));
    expect(targetNow.citedBy.map((citing) => citing.groupName)).toEqual([
      'Cites both',
      'Cites the duplicate',
    ]);
    const counts = await server.server.persistence.repositories.practices.citationCounts(
      target.eventId,
    );
    expect(counts.get(target.id)).toBe(2);
    expect(counts.has(duplicate.id)).toBe(false);
    // Read-only from now on; nothing merges into it either.
    await update(server.organiser, merged, {}, 409);
    await server.organiser.expect(409, 'POST', apiPath('mergePractice', { practiceId: other.id }), {
      revision: other.revision,
      into: duplicate.id,
    });
    await server.organiser.expect(409, 'POST', mergePath, {
      revision: merged.revision,
      into: other.id,
    });
  });

  it('lists the guides citing a practice that the reader may open, and counts the others', async () => {
    const cited = await approvedPractice(server.organiser, { title: 'Cited practice' });
    const session = await createCoCreationSession(server.organiser, 'Citing session');
    const open = await createGroup(server.organiser, session.id, 'Group with Ghana');
    const closed = await createGroup(server.organiser, session.id, 'Group without Ghana');
    await server.organiser.expect(200, 'POST', apiPath('assignMembers', { groupId: open.id }), {
      personIds: [ghana.personId],
    });
    const { citations } = server.server.persistence.repositories;
    await citations.replaceForGuide(open.guideId, [cited.id]);
    await citations.replaceForGuide(closed.guideId, [cited.id]);
    await citations.setRunningOrder(session.id, [{ practiceId: cited.id, presenter: 'Kofi' }]);

    const asGhana = await ghana.expect<Practice>(200, 'GET', practicePath(cited.id));
    expect(asGhana.citedBy).toEqual([
      { guideId: open.guideId, groupName: 'Group with Ghana', sessionTitle: 'Citing session' },
    ]);
    expect(asGhana.citedByOthers).toBe(1);
    expect(asGhana.presentedIn).toEqual([
      {
        sessionId: session.id,
        title: 'Citing session',
        startsAt: session.startsAt,
        presenter: 'Kofi',
      },
    ]);
    const asOrganiser = await server.organiser.expect<Practice>(200, 'GET', practicePath(cited.id));
    expect(asOrganiser.citedBy).toHaveLength(2);
    expect(asOrganiser.citedByOthers).toBe(0);
    const asKenya = await kenya.expect<Practice>(200, 'GET', practicePath(cited.id));
    expect(asKenya.citedBy).toEqual([]);
    expect(asKenya.citedByOthers).toBe(2);
  });
});

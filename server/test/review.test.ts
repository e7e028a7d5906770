// The organisers' review (issue 13): each move records who, when and a note and takes a named
// version; a stale `from` is refused (409 review_stale) and changes nothing; publishing turns
// participants' and facilitators' open sockets read-only at once (reason `review`), their forced
// edits are not stored, organisers still write; reopening gives writing back.
import * as decoding from 'lib0/decoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPath,
  maxReviewNoteLength,
  permissionMessageType,
  protocolVersion,
  type ConferenceSession,
  type Guide,
  type GuideReview,
  type GuideVersionList,
  type SessionLive,
} from '@draftroom/shared';
import {
  ApiClient,
  createCoCreationSession,
  createInvite,
  groupWithParticipants,
} from '../testing/index.ts';
import { connectClient, type HonestClient } from './helpers/clients.ts';
import {
  appendUpdate,
  connectSynced,
  readOnlyRejections,
  storedText,
} from './helpers/collabAccess.ts';
import { updateFrame } from './helpers/frames.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

describe('reviewing guides', () => {
  let server: TestServer;
  let session: ConferenceSession;
  let facilitator: ApiClient;
  const clients: HonestClient[] = [];
  let groups = 0;

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000' });
    session = await createCoCreationSession(server.organiser, 'Review session');
    const invite = await createInvite(server.organiser, 'facilitator', {
      type: 'session',
      id: session.id,
    });
    facilitator = await ApiClient.join(server.url, invite.joinPath);
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  const newGroup = async () => {
    groups += 1;
    const { group, participants } = await groupWithParticipants(
      server.organiser,
      server.url,
      session.id,
      `Review group ${groups}`,
    );
    return { group, participant: participants[0]! };
  };
  /** A socket as Draftroom's client opens it, recording the permission messages it is told. */
  const openListening = async (cookie: string, guideId: string) => {
    const told: string[] = [];
    const client = connectClient({ wsUrl: server.wsUrl, cookie }, guideId, {
      connect: false,
      params: { v: String(protocolVersion) },
    });
    clients.push(client);
    client.provider.messageHandlers[permissionMessageType] = (_encoder, decoder) => {
      told.push(`${decoding.readVarString(decoder)}/${decoding.readVarString(decoder)}`);
    };
    client.provider.connect();
    await waitFor(() => expect(client.provider.synced).toBe(true));
    return { client, told };
  };
  const move = (who: ApiClient, guideId: string, body: unknown, status = 200) =>
    who.expect<GuideReview>(status, 'POST', apiPath('moveReview', { guideId }), body);
  const reviewOf = (who: ApiClient, guideId: string) =>
    who.expect<GuideReview>(200, 'GET', apiPath('guideReview', { guideId }));

  it('records every move with who, when, the note and a named version; a stale move is refused', async () => {
    const { group, participant } = await newGroup();
    const guideId = group.guideId;
    const organiser = server.organiser;
    const fresh = await reviewOf(participant, guideId);
    expect(fresh).toMatchObject({ status: 'drafting', changedAt: null, moves: [], history: [] });
    expect((await reviewOf(facilitator, guideId)).moves).toEqual(['ready']);

    const ready = await move(facilitator, guideId, {
      from: 'drafting',
      to: 'ready',
      note: '  Please read section 2 first.  ',
    });
    expect(ready.status).toBe('ready');
    expect(ready.history).toHaveLength(1);
    expect(ready.history[0]).toMatchObject({
      from: 'drafting',
      to: 'ready',
      by: { personId: facilitator.personId },
      // Trimmed.
      note: 'Please read section 2 first.',
    });
    expect(ready.history[0]?.versionId).not.toBeNull();
    // What the organiser may do now: the table's moves from `ready` for an organiser.
    expect(new Set((await reviewOf(organiser, guideId)).moves)).toEqual(
      new Set(['changes_requested', 'approved', 'drafting']),
    );
    // The facilitator may take it back, nothing else.
    expect((await reviewOf(facilitator, guideId)).moves).toEqual(['drafting']);

    // Someone who saw it at drafting moves too late: 409 with its own code, nothing changes.
    const stale = await facilitator.request<{ error: { code: string } }>(
      'POST',
      apiPath('moveReview', { guideId }),
      { from: 'drafting', to: 'ready' },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('review_stale');
    expect((await reviewOf(organiser, guideId)).history).toHaveLength(1);

    const changes = await move(organiser, guideId, {
      from: 'ready',
      to: 'changes_requested',
      note: 'Add the budget figures.',
    });
    expect(changes.history.map((entry) => entry.to)).toEqual(['changes_requested', 'ready']);
    expect(changes.history[0]?.by.name).not.toBeNull();

    // Every move took a version of kind `review`, labelled with the status it moved to.
    const { versions } = await organiser.expect<GuideVersionList>(
      200,
      'GET',
      apiPath('listVersions', { guideId }),
    );
    expect(versions.map((version) => [version.kind, version.label])).toEqual([
      ['review', 'changes_requested'],
      ['review', 'ready'],
    ]);
    expect(changes.history.map((entry) => entry.versionId)).toEqual(
      versions.map((version) => version.id),
    );

    // The guide itself shows where it stands, in the list and alone.
    const guide = await participant.expect<Guide>(200, 'GET', apiPath('getGuide', { guideId }));
    expect(guide.review).toEqual({ status: 'changes_requested', changedAt: changes.changedAt });
    const { guides } = await facilitator.expect<{ guides: Guide[] }>(
      200,
      'GET',
      apiPath('listGuides'),
    );
    expect(guides.find((one) => one.id === guideId)?.review.status).toBe('changes_requested');
  });

  it('refuses moves that are not in the table, not theirs, or malformed', async () => {
    const { group, participant } = await newGroup();
    const guideId = group.guideId;
    const code = async (who: ApiClient, body: unknown) =>
      (
        await who.request<{ error: { code: string } }>(
          'POST',
          apiPath('moveReview', { guideId }),
          body,
        )
      ).body.error.code;
    // Participants make no move; the facilitator does not publish or approve.
    expect(await code(participant, { from: 'drafting', to: 'ready' })).toBe('forbidden');
    // No such move for anyone.
    expect(await code(server.organiser, { from: 'drafting', to: 'published' })).toBe('conflict');
    expect(await code(server.organiser, { from: 'drafting', to: 'drafting' })).toBe('conflict');
    // Malformed: unknown status, an extra field, a note too long or with control characters.
    expect(await code(server.organiser, { from: 'drafting', to: 'done' })).toBe(
      'validation_failed',
    );
    expect(await code(server.organiser, { from: 'drafting', to: 'ready', by: 'x' })).toBe(
      'validation_failed',
    );
    expect(
      await code(server.organiser, {
        from: 'drafting',
        to: 'ready',
        note: 'x'.repeat(maxReviewNoteLength + 1),
      }),
    ).toBe('validation_failed');
    expect(await code(server.organiser, { from: 'drafting', to: 'ready', note: 'a\u202Eb' })).toBe(
      'validation_failed',
    );
    // Line breaks are fine in a note.
    await move(facilitator, guideId, { from: 'drafting', to: 'ready', note: 'One.\nTwo.' });
    expect(await code(facilitator, { from: 'ready', to: 'approved' })).toBe('forbidden');
    expect((await reviewOf(participant, guideId)).status).toBe('ready');
  });

  it('lets exactly one of two simultaneous moves from the same status through', async () => {
    const { group } = await newGroup();
    const guideId = group.guideId;
    await move(facilitator, guideId, { from: 'drafting', to: 'ready' });
    const [a, b] = await Promise.all([
      server.organiser.request('POST', apiPath('moveReview', { guideId }), {
        from: 'ready',
        to: 'approved',
      }),
      server.organiser.request('POST', apiPath('moveReview', { guideId }), {
        from: 'ready',
        to: 'changes_requested',
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const review = await reviewOf(server.organiser, guideId);
    expect(review.history).toHaveLength(2);
    expect(review.status).toBe(review.history[0]?.to);
  });

  it('publishing turns participants and facilitators read-only at once; reopening gives writing back', async () => {
    const { group, participant } = await newGroup();
    const guideId = group.guideId;
    const organiser = server.organiser;
    const writer = await openListening(participant.cookie, guideId);
    const facilitating = await openListening(facilitator.cookie, guideId);
    const organising = await connectSynced(
      { wsUrl: server.wsUrl, cookie: organiser.cookie },
      guideId,
    );
    clients.push(organising);
    writer.client.text.insert(0, 'Drafted by the group. ');
    await waitFor(() => expect(organising.content()).toContain('Drafted by the group.'));

    await move(facilitator, guideId, { from: 'drafting', to: 'ready' });
    await move(organiser, guideId, { from: 'ready', to: 'approved', note: 'Good.' });
    // Approved is not yet published: everyone still writes, nobody was told anything.
    expect(writer.told).toEqual(['write/current']);
    await move(organiser, guideId, { from: 'approved', to: 'published' });
    await waitFor(() => expect(writer.told).toEqual(['write/current', 'read/review']), 2_000);
    await waitFor(() => expect(facilitating.told).toEqual(['write/current', 'read/review']), 2_000);
    expect(
      (await participant.expect<Guide>(200, 'GET', apiPath('getGuide', { guideId }))).permission,
    ).toBe('read');

    // A client that ignores the message and sends anyway: dropped and counted, never stored.
    const rejectedBefore = await readOnlyRejections(server.url);
    writer.client.provider.ws?.send(
      updateFrame(appendUpdate(writer.client.doc, '[forced after publishing]')),
    );
    await waitFor(async () =>
      expect(await readOnlyRejections(server.url)).toBeGreaterThan(rejectedBefore),
    );
    // Organisers still write (a last correction).
    organising.text.insert(organising.text.length, 'Corrected by the organisers.');
    await waitFor(async () =>
      expect(await storedText(server.server, guideId)).toContain('Corrected by the organisers.'),
    );
    expect(await storedText(server.server, guideId)).not.toContain('forced after publishing');
    // A new socket opens read-only too.
    const late = await openListening(participant.cookie, guideId);
    expect(late.told).toEqual(['read/current']);

    // Only an organiser reopens.
    await move(facilitator, guideId, { from: 'published', to: 'drafting' }, 403);
    await move(organiser, guideId, { from: 'published', to: 'drafting', note: 'One more pass.' });
    await waitFor(() => expect(writer.told.at(-1)).toBe('write/review'), 2_000);
    writer.client.text.insert(writer.client.text.length, ' After reopening.');
    await waitFor(() => expect(organising.content()).toContain('After reopening.'));
    expect(writer.client.closeEvents).toEqual([]);
  });

  it("puts each guide's review in the session's live state, only for those who may open it", async () => {
    const first = await newGroup();
    const second = await newGroup();
    await move(facilitator, first.group.guideId, { from: 'drafting', to: 'ready' });
    const live = (who: ApiClient) =>
      who.expect<SessionLive>(200, 'GET', apiPath('sessionLive', { sessionId: session.id }));
    const seenByFirst = await live(first.participant);
    expect(seenByFirst.reviews).toEqual([
      expect.objectContaining({ guideId: first.group.guideId, status: 'ready' }),
    ]);
    const seenBySecond = await live(second.participant);
    expect(seenBySecond.reviews.map((entry) => entry.guideId)).toEqual([second.group.guideId]);
    const seenByFacilitator = await live(facilitator);
    expect(seenByFacilitator.reviews.map((entry) => entry.guideId)).toEqual(
      expect.arrayContaining([first.group.guideId, second.group.guideId]),
    );
  });
});

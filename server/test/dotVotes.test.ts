// Dot-voting inside a guide (issue 15): what is voted on comes from the guide, never the client;
// each person has N dots and one allocation per vote (whatever two browsers send at once); the
// totals of an open vote reach only those who run it; closing takes a version of the guide whose
// id the vote keeps; and every change reaches the guide's open sockets within a second.
import * as decoding from 'lib0/decoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPath,
  dotVotesMessageType,
  guideDotVotesSchema,
  protocolVersion,
  type ConferenceSession,
  type CreatedInvite,
  type DotVote,
  type GuideDotVotes,
  type GuideVersionList,
} from '@draftroom/shared';
import {
  ApiClient,
  createCoCreationSession,
  createInvite,
  groupWithParticipants,
  sampleProfile,
} from '../testing/index.ts';
import { connectClient, type HonestClient } from './helpers/clients.ts';
import { writeBlocks, type TestBlock } from './helpers/dotVoteFixtures.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

const guide: TestBlock[] = [
  { heading: 'Open parliaments', level: 1 },
  { paragraph: 'How we work in the open.' },
  { heading: 'Purpose' },
  { paragraph: 'Why this guide exists.' },
  { heading: 'Good practices' },
  { bullets: ['Publish votes within a day', 'Stream every committee'] },
  {
    table: [
      ['Practice', 'Where'],
      ['Open data portal', 'Kenya'],
      ['', ''],
    ],
  },
  { heading: 'Checklist' },
  { bullets: ['Name a contact'] },
];

describe('dot votes inside a guide', () => {
  let server: TestServer;
  let session: ConferenceSession;
  let facilitator: ApiClient;
  let observer: ApiClient;
  const sockets: HonestClient[] = [];
  let groups = 0;

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000' });
    session = await createCoCreationSession(server.organiser, 'Good-practice exchange');
    const scope = { type: 'session', id: session.id } as const;
    facilitator = await ApiClient.join(
      server.url,
      (await createInvite(server.organiser, 'facilitator', scope)).joinPath,
    );
    observer = await ApiClient.join(
      server.url,
      (await createInvite(server.organiser, 'observer', scope)).joinPath,
    );
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.destroy();
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  /** A new group with two participants, its guide holding `guide` alone. */
  const newGroup = async (blocks = guide) => {
    groups += 1;
    const { group, participants } = await groupWithParticipants(
      server.organiser,
      server.url,
      session.id,
      `Dot group ${groups}`,
      2,
    );
    await writeBlocks(server.server, group.guideId, blocks, { replace: true });
    return { guideId: group.guideId, amina: participants[0]!, bashir: participants[1]! };
  };
  const groupOf = async (guideId: string) =>
    (await server.server.persistence.repositories.groups.getByGuide(guideId))?.id ?? '';
  const open = (guideId: string, body: unknown, status = 201, who = facilitator) =>
    who.expect<DotVote>(status, 'POST', apiPath('openDotVote', { guideId }), body);
  const place = (who: ApiClient, guideId: string, voteId: string, dots: unknown, status = 200) =>
    who.expect<DotVote>(status, 'PUT', apiPath('placeDots', { guideId, voteId }), { dots });
  const close = (guideId: string, voteId: string, status = 200) =>
    facilitator.expect<DotVote>(status, 'POST', apiPath('closeDotVote', { guideId, voteId }));
  const list = (who: ApiClient, guideId: string) =>
    who.expect<GuideDotVotes>(200, 'GET', apiPath('guideDotVotes', { guideId }));
  const sections = { title: 'Which sections stay?', source: 'sections', dots: 3 };

  it('votes on what the guide holds when the vote opens, never on what the client sends', async () => {
    const { guideId } = await newGroup();
    // The items are not the client's to give: an extra field is refused outright.
    await open(guideId, { ...sections, items: ['Injected', 'Choices'] }, 400);
    const onSections = await open(guideId, sections);
    // The headings, but the level-1 heading that opens the guide (its title).
    expect(onSections.items).toEqual(['Purpose', 'Good practices', 'Checklist']);
    expect(onSections).toMatchObject({ status: 'open', dots: 3, voters: 0, versionId: null });
    expect(onSections.myDots).toEqual([0, 0, 0]);
    // One open vote per guide.
    await open(guideId, { ...sections, source: 'items' }, 409);
    await close(guideId, onSections.id);

    // Items: list items and table body rows (the header row and an empty row are not choices),
    // narrowed to one section by its heading, whatever its case.
    const onPractices = await open(guideId, {
      title: 'Which practices go in?',
      source: 'items',
      section: '  good PRACTICES ',
      dots: 2,
    });
    expect(onPractices.items).toEqual([
      'Publish votes within a day',
      'Stream every committee',
      'Open data portal — Kenya',
    ]);
    // Writing in the guide afterwards does not change a vote that is open.
    await writeBlocks(server.server, guideId, [{ heading: 'Later section' }]);
    expect((await list(facilitator, guideId)).votes[0]?.items).toHaveLength(3);
    await close(guideId, onPractices.id);

    const whole = await open(guideId, { title: 'All items', source: 'items', dots: 1 });
    expect(whole.items).toEqual([...onPractices.items, 'Name a contact']);
    await close(guideId, whole.id);
    // A section the guide does not have, and a section on a vote of sections.
    const missing = await open(guideId, { ...sections, source: 'items', section: 'Nowhere' }, 409);
    expect(JSON.stringify(missing)).toContain('section');
    await open(guideId, { ...sections, section: 'Purpose' }, 400);
  });

  it('refuses a vote on a guide with fewer than two sections or items, saying why', async () => {
    const { guideId } = await newGroup([{ heading: 'Only one' }, { bullets: ['Single item'] }]);
    for (const source of ['sections', 'items']) {
      const refusal = (await open(guideId, { ...sections, source }, 409)) as unknown as {
        error: { message: string; details: Array<{ path: string }> };
      };
      expect(refusal.error.message).toMatch(/a vote needs at least 2/);
      expect(refusal.error.details[0]?.path).toBe('source');
    }
    expect((await list(facilitator, guideId)).votes).toEqual([]);
  });

  it('lets each person place at most N dots, hides open totals from the room, refuses observers', async () => {
    const { guideId, amina, bashir } = await newGroup();
    const vote = await open(guideId, sections);
    // Over N, a count per item missing or extra, negative or fractional dots: refused.
    await place(amina, guideId, vote.id, [2, 2, 0], 400);
    await place(amina, guideId, vote.id, [1, 1], 400);
    await place(amina, guideId, vote.id, [1, 1, 1, 0], 400);
    await place(amina, guideId, vote.id, [-1, 1, 1], 400);
    await place(amina, guideId, vote.id, [0.5, 0, 0], 400);
    await place(amina, guideId, vote.id, 'three', 400);
    // Observers follow the vote but place no dots, even one who is a member of the group.
    await place(observer, guideId, vote.id, [1, 0, 0], 403);
    const groupId = await groupOf(guideId);
    await server.organiser.expect(200, 'POST', apiPath('assignMembers', { groupId }), {
      personIds: [observer.personId],
    });
    await place(observer, guideId, vote.id, [1, 0, 0], 403);

    const mine = await place(amina, guideId, vote.id, [2, 0, 1]);
    expect(mine).toMatchObject({ myDots: [2, 0, 1], voters: 1, totals: null });
    // Moving dots replaces the allocation: still one voter, still at most N.
    await place(amina, guideId, vote.id, [0, 3, 0]);
    await place(bashir, guideId, vote.id, [1, 1, 1]);
    const seenBy = await list(bashir, guideId);
    expect(seenBy).toMatchObject({ canRun: false, canPlaceDots: true });
    expect(seenBy.votes[0]).toMatchObject({ voters: 2, totals: null, myDots: [1, 1, 1] });
    expect((await list(observer, guideId)).votes[0]).toMatchObject({ totals: null, voters: 2 });
    expect((await list(observer, guideId)).canPlaceDots).toBe(false);
    const run = await list(facilitator, guideId);
    expect(run.canRun).toBe(true);
    expect(run.votes[0]).toMatchObject({ totals: [1, 4, 1], voters: 2 });
    // Taking every dot back: no longer counted as a voter.
    await place(bashir, guideId, vote.id, [0, 0, 0]);
    expect((await list(facilitator, guideId)).votes[0]).toMatchObject({
      totals: [0, 3, 0],
      voters: 1,
    });
    // Participants do not run votes.
    await open(guideId, sections, 403, amina);
    await amina.expect(403, 'POST', apiPath('closeDotVote', { guideId, voteId: vote.id }));
  });

  it('closes with a version of the guide whose id the vote keeps, and refuses dots after', async () => {
    const { guideId, amina } = await newGroup();
    const vote = await open(guideId, sections);
    await place(amina, guideId, vote.id, [0, 2, 1]);
    const closed = await close(guideId, vote.id);
    expect(closed).toMatchObject({ status: 'closed', totals: [0, 2, 1], voters: 1 });
    expect(closed.versionId).not.toBeNull();
    expect(closed.closedAt).not.toBeNull();
    const { versions } = await amina.expect<GuideVersionList>(
      200,
      'GET',
      apiPath('listVersions', { guideId }),
    );
    expect(versions.find((version) => version.id === closed.versionId)).toMatchObject({
      kind: 'dotVote',
      label: 'Which sections stay?',
      takenBy: { personId: facilitator.personId },
    });
    // A closed vote takes no more dots, and closes once.
    await place(amina, guideId, vote.id, [1, 0, 0], 409);
    await close(guideId, vote.id, 409);
    // Everyone who reads the guide now sees the result.
    expect((await list(amina, guideId)).votes[0]).toMatchObject({
      totals: [0, 2, 1],
      myDots: [0, 2, 1],
    });
    expect((await list(observer, guideId)).votes[0]?.totals).toEqual([0, 2, 1]);
  });

  it('keeps one allocation when two sign-ins of one person send at once', async () => {
    const { guideId, amina } = await newGroup();
    const link = await server.organiser.expect<CreatedInvite>(
      201,
      'POST',
      apiPath('personLink', { personId: amina.personId }),
    );
    const aminaElsewhere = await ApiClient.join(server.url, link.joinPath, sampleProfile());
    expect(aminaElsewhere.personId).toBe(amina.personId);
    const vote = await open(guideId, sections);
    const sent = [
      [3, 0, 0],
      [0, 3, 0],
      [0, 0, 3],
      [1, 1, 1],
    ];
    await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        place(index % 2 ? amina : aminaElsewhere, guideId, vote.id, sent[index % 4]),
      ),
    );
    const stored = (
      await server.server.persistence.repositories.dotVotes.allocations(guideId)
    ).filter((allocation) => allocation.voteId === vote.id);
    expect(stored).toHaveLength(1);
    const seen = (await list(facilitator, guideId)).votes[0]!;
    expect(seen.voters).toBe(1);
    // Whichever came last, it is one whole allocation of N dots, never two added together.
    expect(sent).toContainEqual(seen.totals);
    expect(seen.totals).toEqual(stored[0]!.dots);
  });

  it("sends every change to the guide's open sockets within a second, cut per person", async () => {
    const { guideId, amina, bashir } = await newGroup();
    const listen = (who: ApiClient) => {
      const heard: GuideDotVotes[] = [];
      const client = connectClient({ wsUrl: server.wsUrl, cookie: who.cookie }, guideId, {
        connect: false,
        params: { v: String(protocolVersion) },
      });
      client.provider.messageHandlers[dotVotesMessageType] = (_encoder, decoder) => {
        heard.push(guideDotVotesSchema.parse(JSON.parse(decoding.readVarString(decoder))));
      };
      sockets.push(client);
      client.provider.connect();
      return { client, heard };
    };
    const running = listen(facilitator);
    const taking = listen(bashir);
    // A stock y-websocket client (no protocol version) never meets the type.
    const stock = connectClient({ wsUrl: server.wsUrl, cookie: bashir.cookie }, guideId);
    let stockHeard = 0;
    stock.provider.messageHandlers[dotVotesMessageType] = () => {
      stockHeard += 1;
    };
    sockets.push(stock);
    await waitFor(() =>
      expect(running.client.provider.synced && taking.client.provider.synced).toBe(true),
    );
    await waitFor(() => expect(stock.provider.synced).toBe(true));

    const vote = await open(guideId, sections);
    await waitFor(() => expect(taking.heard.at(-1)?.votes[0]?.id).toBe(vote.id), 1_000);
    const sentAt = Date.now();
    await place(amina, guideId, vote.id, [1, 2, 0]);
    await waitFor(() => expect(running.heard.at(-1)?.votes[0]?.totals).toEqual([1, 2, 0]), 1_000);
    expect(Date.now() - sentAt).toBeLessThan(1_000);
    // The participant hears that someone voted, not what they chose; the facilitator, both.
    await waitFor(() => expect(taking.heard.at(-1)?.votes[0]?.voters).toBe(1), 1_000);
    expect(taking.heard.at(-1)?.votes[0]?.totals).toBeNull();
    expect(taking.heard.at(-1)?.canRun).toBe(false);
    // Each socket hears its own person's dots.
    await place(bashir, guideId, vote.id, [0, 0, 3]);
    await waitFor(() => expect(taking.heard.at(-1)?.votes[0]?.myDots).toEqual([0, 0, 3]), 1_000);
    expect(running.heard.at(-1)?.votes[0]?.myDots ?? [0, 0, 0]).toEqual([0, 0, 0]);
    await close(guideId, vote.id);
    await waitFor(() => {
      const last = taking.heard.at(-1)?.votes[0];
      expect(last?.status).toBe('closed');
      expect(last?.totals).toEqual([1, 2, 3]);
      expect(last?.versionId).not.toBeNull();
    }, 1_000);
    expect(stockHeard).toBe(0);
  });
});

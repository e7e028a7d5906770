// Comments attacked by a hostile reader: what one person can do to everyone else's comments and
// to the server's time. A reader (an observer) may comment, so every rule here is one a reader
// could otherwise break: locking a guide out of new threads, making the server read the whole
// guide for free, flooding every open socket, racing the thread limit, another group's guide.
import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPath,
  closeCodes,
  commentsLiveMessageSchema,
  commentsMessageType,
  guideFragmentName,
  maxCommentBodyLength,
  maxCommentsPerGuide,
  maxCommentsPerThread,
  maxThreadsPerGuide,
  protocolVersion,
  type CommentThread,
  type ConferenceSession,
} from '@draftroom/shared';
import { ApiClient, createCoCreationSession, createGroup, createInvite } from '../testing/index.ts';
import { openRawSocket, whenClosed } from './helpers/clients.ts';
import { addParagraph, anchorOf } from './helpers/commentAnchors.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

const sentence = 'The committee shall publish its findings within thirty days.';

describe('comments against a hostile reader', () => {
  let server: TestServer;
  let session: ConferenceSession;
  let groups = 0;

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000' });
    session = await createCoCreationSession(server.organiser, 'Attack session');
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  const newGroup = async () => {
    groups += 1;
    const group = await createGroup(server.organiser, session.id, `Attack group ${groups}`);
    const invite = await createInvite(server.organiser, 'participant', {
      type: 'group',
      id: group.id,
    });
    const author = await ApiClient.join(server.url, invite.joinPath);
    await addParagraph(server.server, group.guideId, sentence);
    return { guideId: group.guideId, groupId: group.id, author, invite };
  };
  const newObserver = async () =>
    ApiClient.join(
      server.url,
      (await createInvite(server.organiser, 'observer', { type: 'session', id: session.id }))
        .joinPath,
    );
  const start = async (who: ApiClient, guideId: string, phrase: string, body = 'Why?') =>
    who.expect<CommentThread>(201, 'POST', apiPath('createCommentThread', { guideId }), {
      anchor: await anchorOf(server.server, guideId, phrase),
      body,
    });
  /** Fills the guide up to `count` threads straight in the table, each with one live comment. */
  const fill = async (guideId: string, like: CommentThread, count: number) => {
    const { comments } = server.server.persistence.repositories;
    const record = (await comments.thread(guideId, like.id))!;
    for (let index = 0; index < count; index++) {
      const id = `filler-${guideId}-${index}`;
      await comments.addThread({ ...record, id, createdAt: new Date(index).toISOString() });
      await comments.addComment({
        id: `${id}-comment`,
        threadId: id,
        authorId: record.createdBy,
        body: 'Filler',
        mentions: [],
        createdAt: new Date(index).toISOString(),
        deletedAt: null,
      });
    }
  };

  it('frees a thread’s place when its last comment is deleted, so a reader cannot lock the guide out of new threads', async () => {
    const { guideId, author } = await newGroup();
    const observer = await newObserver();
    const own = await start(observer, guideId, 'committee');
    await fill(guideId, own, maxThreadsPerGuide - 1);
    const create = () =>
      anchorOf(server.server, guideId, 'thirty days').then((anchor) =>
        author.request('POST', apiPath('createCommentThread', { guideId }), {
          anchor,
          body: 'New',
        }),
      );
    expect((await create()).status).toBe(409);
    // The observer deletes their only comment: nothing of the thread is left to read, so it
    // must no longer count (otherwise 500 of them, deleted, block the guide for good).
    await observer.expect(
      200,
      'DELETE',
      apiPath('deleteComment', {
        guideId,
        threadId: own.id,
        commentId: own.comments[0]!.id,
      }),
    );
    expect(await server.server.persistence.repositories.comments.thread(guideId, own.id)).toBe(
      undefined,
    );
    expect((await create()).status).toBe(201);
    // And a reply to the thread that is gone is a 404, not a comment nobody can see.
    const reply = await observer.request(
      'POST',
      apiPath('replyToCommentThread', { guideId, threadId: own.id }),
      { body: 'Still here?' },
    );
    expect(reply.status).toBe(404);
  });

  /** Waits `count` turns of the event loop. */
  const hops = async (count: number) => {
    for (let hop = 0; hop < count; hop++) await new Promise((resolve) => setImmediate(resolve));
  };

  it('never loses a reply stored while the thread’s last comment is deleted, nor answers 500', async () => {
    const { guideId, author } = await newGroup();
    const observer = await newObserver();
    for (let round = 0; round < 25; round++) {
      const thread = await start(observer, guideId, 'committee');
      const threadPath = { guideId, threadId: thread.id };
      // The reply starts a little later each round, so it meets the deletion at every step.
      const [deleted, replied] = await Promise.all([
        observer.request(
          'DELETE',
          apiPath('deleteComment', { ...threadPath, commentId: thread.comments[0]!.id }),
        ),
        hops(round).then(() =>
          author.request('POST', apiPath('replyToCommentThread', threadPath), {
            body: `Reply ${round}`,
          }),
        ),
      ]);
      expect(deleted.status).toBe(200);
      expect([201, 404]).toContain(replied.status);
      const listed = await author.expect<{ threads: CommentThread[] }>(
        200,
        'GET',
        apiPath('guideComments', { guideId }),
      );
      const kept = listed.threads.find((candidate) => candidate.id === thread.id);
      // A reply that was stored is there to read; one refused left nothing behind.
      expect(kept?.comments.at(-1)?.body).toBe(
        replied.status === 201 ? `Reply ${round}` : undefined,
      );
    }
  });

  it('keeps the thread limit under concurrent starts', async () => {
    const { guideId, author } = await newGroup();
    const first = await start(author, guideId, 'committee');
    await fill(guideId, first, maxThreadsPerGuide - 2);
    const anchor = await anchorOf(server.server, guideId, 'thirty days');
    // Six people at once (each their own connection), one place left.
    const people = await Promise.all(Array.from({ length: 6 }, () => newObserver()));
    const answers = await Promise.all(
      people.map((person) =>
        person.request('POST', apiPath('createCommentThread', { guideId }), {
          anchor,
          body: 'Race',
        }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(await server.server.persistence.repositories.comments.threadCount(guideId)).toBe(
      maxThreadsPerGuide,
    );
  });

  it('counts resolving and reopening like comments: a starter cannot flood every open socket', async () => {
    const { guideId } = await newGroup();
    const observer = await newObserver();
    const thread = await start(observer, guideId, 'committee');
    const resolution = apiPath('resolveCommentThread', { guideId, threadId: thread.id });
    const statuses: number[] = [];
    for (let round = 0; round < 40; round++) {
      statuses.push(
        (await observer.request('PUT', resolution, { resolved: round % 2 === 0 })).status,
      );
    }
    expect(statuses).toContain(429);
  });

  it('counts every read of the whole guide: listing in a loop is refused after 120 a minute', async () => {
    const { guideId } = await newGroup();
    const observer = await newObserver();
    const path = apiPath('guideComments', { guideId });
    let refused = 0;
    for (let round = 0; round < 125; round++) {
      if ((await observer.request('GET', path)).status === 429) refused += 1;
    }
    expect(refused).toBeGreaterThan(0);
    // Refused starts (an empty anchor) read the guide too, so they count as well.
    const fresh = await newObserver();
    const { start: position } = await anchorOf(server.server, guideId, 'committee');
    const statuses = new Set<number>();
    for (let round = 0; round < 125; round++) {
      const answer = await fresh.request('POST', apiPath('createCommentThread', { guideId }), {
        anchor: { start: position, end: position },
        body: 'x',
      });
      statuses.add(answer.status);
    }
    expect([...statuses].sort()).toEqual([400, 429]);
  });

  it('refuses another group’s guide as opening it does, and an unknown one as not found', async () => {
    const { guideId } = await newGroup();
    const stranger = (await newGroup()).author;
    const listed = await stranger.request<{ error: { code: string } }>(
      'GET',
      apiPath('guideComments', { guideId }),
    );
    const opened = await stranger.request('GET', apiPath('getGuide', { guideId }));
    expect([listed.status, opened.status]).toEqual([403, 403]);
    const unknown = 'a'.repeat(21);
    const missing = await stranger.request('GET', apiPath('guideComments', { guideId: unknown }));
    const missingGuide = await stranger.request('GET', apiPath('getGuide', { guideId: unknown }));
    expect([missing.status, missingGuide.status]).toEqual([404, 404]);
    const posted = await stranger.request('POST', apiPath('createCommentThread', { guideId }), {
      anchor: await anchorOf(server.server, guideId, 'committee'),
      body: 'Not mine',
    });
    expect(posted.status).toBe(403);
  });

  it('sends no thread to a removed member’s socket, nor to another group’s observer', async () => {
    const { guideId, groupId, author, invite } = await newGroup();
    const member = await ApiClient.join(server.url, invite.joinPath);
    const target = (who: ApiClient) => ({ wsUrl: server.wsUrl, cookie: who.cookie });
    const threadsHeard = (socket: WebSocket) => {
      const heard: string[] = [];
      socket.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(decoder) !== commentsMessageType) return;
        heard.push(
          commentsLiveMessageSchema.parse(JSON.parse(decoding.readVarString(decoder))).thread.id,
        );
      });
      return heard;
    };
    const socket = await openRawSocket(target(member), `${guideId}?v=${protocolVersion}`);
    const heard = threadsHeard(socket);
    const closed = whenClosed(socket);
    const before = await start(author, guideId, 'committee', 'Before removal');
    await waitFor(() => expect(heard).toEqual([before.id]));
    await server.organiser.expect(
      204,
      'DELETE',
      apiPath('removeMember', { groupId, personId: member.personId }),
    );
    const after = await start(author, guideId, 'thirty days', 'After removal');
    expect((await closed).code).toBe(closeCodes.forbidden);
    expect(heard).not.toContain(after.id);

    const otherGroup = await newGroup();
    const outsider = await ApiClient.join(
      server.url,
      (await createInvite(server.organiser, 'observer', { type: 'group', id: otherGroup.groupId }))
        .joinPath,
    );
    const foreign = await openRawSocket(target(outsider), `${guideId}?v=${protocolVersion}`);
    const foreignHeard = threadsHeard(foreign);
    const foreignClosed = whenClosed(foreign);
    await start(author, guideId, 'findings', 'Not for the outsider');
    expect((await foreignClosed).code).toBe(closeCodes.forbidden);
    expect(foreignHeard).toEqual([]);
  });

  it('decides again for a socket whose access changed while its upgrade was being decided', async () => {
    const { guideId, groupId, author, invite } = await newGroup();
    const member = await ApiClient.join(server.url, invite.joinPath);
    type Authorize = (...args: unknown[]) => Promise<unknown>;
    const access = (
      server.server.collab as unknown as { options: { access: { authorize: Authorize } } }
    ).options.access;
    const original = access.authorize;
    let decided!: () => void;
    const wasDecided = new Promise<void>((resolve) => (decided = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // The member's upgrade is decided (write), then held while they are removed from the group.
    access.authorize = async (...args: unknown[]) => {
      const decision = await original.apply(access, args);
      decided();
      await released;
      return decision;
    };
    try {
      const opening = openRawSocket(
        { wsUrl: server.wsUrl, cookie: member.cookie },
        `${guideId}?v=${protocolVersion}`,
      );
      await wasDecided;
      await server.organiser.expect(
        204,
        'DELETE',
        apiPath('removeMember', { groupId, personId: member.personId }),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      release();
      const socket = await opening;
      const closed = whenClosed(socket);
      const heard: number[] = [];
      socket.on('message', (data: Buffer) => {
        heard.push(decoding.readVarUint(decoding.createDecoder(new Uint8Array(data))));
      });
      await start(author, guideId, 'committee', 'Not for a removed member');
      const stillOpen = new Promise((resolve) => setTimeout(() => resolve('still open'), 2_000));
      expect(await Promise.race([closed.then(({ code }) => code), stillOpen])).toBe(
        closeCodes.forbidden,
      );
      expect(heard).not.toContain(commentsMessageType);
    } finally {
      access.authorize = original;
    }
  });

  it('refuses crafted positions: another root type of the same guide, huge clients and clocks', async () => {
    const { guideId, author } = await newGroup();
    const { start: good, end } = await anchorOf(server.server, guideId, 'committee');
    const b64 = (position: Y.RelativePosition) =>
      Buffer.from(Y.encodeRelativePosition(position)).toString('base64');
    const refused = async (start: string) =>
      (
        await author.request('POST', apiPath('createCommentThread', { guideId }), {
          anchor: { start, end },
          body: 'x',
        })
      ).status;
    const crafted = [
      Y.createRelativePositionFromJSON({ tname: 'notes', assoc: 0 }),
      Y.createRelativePositionFromJSON({ tname: '__proto__', assoc: 0 }),
      Y.createRelativePositionFromJSON({ item: { client: 2 ** 53 - 1, clock: 0 }, assoc: 0 }),
      Y.createRelativePositionFromJSON({ item: { client: 1, clock: 2 ** 53 - 1 }, assoc: -1 }),
      Y.createRelativePositionFromJSON({ type: { client: 7, clock: 0 }, assoc: 5 }),
    ];
    for (const position of crafted) expect(await refused(b64(position))).toBe(400);
    // The fragment's own name with assoc >= 0 is the end of the body: after `end`, so reversed.
    expect(
      await refused(b64(Y.createRelativePositionFromJSON({ tname: guideFragmentName, assoc: 0 }))),
    ).toBe(400);
    expect(await refused(good)).toBe(201);
  });
});

describe('comments against a hostile reader: how big a thread and a guide’s comments grow', () => {
  let server: TestServer;
  let session: ConferenceSession;

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000' });
    session = await createCoCreationSession(server.organiser, 'Growth session');
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  const newGuide = async (name: string) => {
    const group = await createGroup(server.organiser, session.id, name);
    const invite = await createInvite(server.organiser, 'participant', {
      type: 'group',
      id: group.id,
    });
    const author = await ApiClient.join(server.url, invite.joinPath);
    await addParagraph(server.server, group.guideId, sentence);
    const thread = await author.expect<CommentThread>(
      201,
      'POST',
      apiPath('createCommentThread', { guideId: group.guideId }),
      { anchor: await anchorOf(server.server, group.guideId, 'committee'), body: 'First' },
    );
    return { guideId: group.guideId, author, thread };
  };
  /** `count` comments of 4,000 characters in the thread, straight in the table. */
  const pad = async (threadId: string, authorId: string, count: number, from = 0) => {
    const { comments } = server.server.persistence.repositories;
    for (let index = from; index < from + count; index++) {
      await comments.addComment({
        id: `pad-${threadId}-${index}`,
        threadId,
        authorId,
        body: 'x'.repeat(maxCommentBodyLength),
        mentions: [],
        createdAt: new Date(Date.now() + index + 1).toISOString(),
        deletedAt: null,
      });
    }
  };

  it(`refuses a reply past ${maxCommentsPerThread} comments in one thread (each change sends the whole thread to every open socket)`, async () => {
    const { guideId, author, thread } = await newGuide('Long thread');
    await pad(thread.id, author.personId, maxCommentsPerThread - 2);
    const replies = apiPath('replyToCommentThread', { guideId, threadId: thread.id });
    await author.expect(201, 'POST', replies, { body: 'The last one that fits.' });
    const refused = await author.request<{ error: { code: string } }>('POST', replies, {
      body: 'One too many',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('conflict');
  });

  it(`refuses a comment past ${maxCommentsPerGuide} on one guide (a list sends them all)`, async () => {
    const { guideId, author, thread } = await newGuide('Many comments');
    const { comments } = server.server.persistence.repositories;
    const record = (await comments.thread(guideId, thread.id))!;
    let stored = 1;
    for (let index = 0; stored < maxCommentsPerGuide; index++) {
      const id = `grown-${index}`;
      await comments.addThread({ ...record, id });
      const count = Math.min(maxCommentsPerThread, maxCommentsPerGuide - stored);
      await pad(id, author.personId, count);
      stored += count;
    }
    const refusedReply = await author.request(
      'POST',
      apiPath('replyToCommentThread', { guideId, threadId: thread.id }),
      {
        body: 'Too many on this guide',
      },
    );
    expect(refusedReply.status).toBe(409);
    const refusedStart = await author.request('POST', apiPath('createCommentThread', { guideId }), {
      anchor: await anchorOf(server.server, guideId, 'thirty days'),
      body: 'Too many on this guide',
    });
    expect(refusedStart.status).toBe(409);
  });
});

// Comments on guides (issue 13): threads anchored by Yjs relative positions outside the body;
// the quote is the server's; replies, resolve, reopen, soft delete; who may do what; an orphan
// keeps its quote; every change reaches the guide's open sockets within a second.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPath,
  closeCodes,
  commentsLiveMessageSchema,
  commentsMessageType,
  maxThreadsPerGuide,
  protocolVersion,
  type CommentThread,
  type ConferenceSession,
  type GuideComments,
} from '@draftroom/shared';
import {
  ApiClient,
  createCoCreationSession,
  createInvite,
  groupWithParticipants,
} from '../testing/index.ts';
import { connectClient, openRawSocket, whenClosed, type HonestClient } from './helpers/clients.ts';
import { addParagraph, anchorOf, editBlockWith } from './helpers/commentAnchors.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

const sentence = 'The committee shall publish its findings within thirty days.';

describe('comments on guides', () => {
  let server: TestServer;
  let session: ConferenceSession;
  let facilitator: ApiClient;
  let observer: ApiClient;
  const clients: HonestClient[] = [];
  let groups = 0;

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000' });
    session = await createCoCreationSession(server.organiser, 'Comment session');
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
    for (const client of clients.splice(0)) client.destroy();
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  /** A new group with two participants and a guide holding `sentence`. */
  const newGroup = async () => {
    groups += 1;
    const { group, participants } = await groupWithParticipants(
      server.organiser,
      server.url,
      session.id,
      `Comment group ${groups}`,
      2,
    );
    await addParagraph(server.server, group.guideId, sentence);
    return { guideId: group.guideId, author: participants[0]!, colleague: participants[1]! };
  };
  const start = async (who: ApiClient, guideId: string, phrase: string, body = 'Which days?') =>
    who.expect<CommentThread>(201, 'POST', apiPath('createCommentThread', { guideId }), {
      anchor: await anchorOf(server.server, guideId, phrase),
      body,
    });
  const list = (who: ApiClient, guideId: string) =>
    who.expect<GuideComments>(200, 'GET', apiPath('guideComments', { guideId }));

  it('starts threads (observers too), replies, resolves, reopens and deletes as the roles allow', async () => {
    const { guideId, author, colleague } = await newGroup();
    const thread = await start(author, guideId, 'thirty days');
    expect(thread.quote).toBe('thirty days');
    expect(thread.comments.map((comment) => comment.body)).toEqual(['Which days?']);
    // An observer reads the guide, so they comment on it, without any right to its text.
    const observed = await start(observer, guideId, 'committee', 'Which committee?');
    expect(observed.quote).toBe('committee');

    const threadPath = { guideId, threadId: thread.id };
    const replied = await colleague.expect<CommentThread>(
      201,
      'POST',
      apiPath('replyToCommentThread', threadPath),
      { body: 'Calendar days.', mentions: [author.personId] },
    );
    expect(replied.comments.map((comment) => comment.body)).toEqual([
      'Which days?',
      'Calendar days.',
    ]);
    expect(replied.comments[1]?.mentions.map((person) => person.personId)).toEqual([
      author.personId,
    ]);

    const resolution = apiPath('resolveCommentThread', threadPath);
    // Someone else's thread: not a participant's to resolve; its starter's and a facilitator's.
    await colleague.expect(403, 'PUT', resolution, { resolved: true });
    const resolved = await author.expect<CommentThread>(200, 'PUT', resolution, { resolved: true });
    expect(resolved.resolved?.by.personId).toBe(author.personId);
    const reopened = await facilitator.expect<CommentThread>(200, 'PUT', resolution, {
      resolved: false,
    });
    expect(reopened.resolved).toBeNull();

    const first = thread.comments[0]!.id;
    const reply = replied.comments[1]!.id;
    const remove = (commentId: string) => apiPath('deleteComment', { ...threadPath, commentId });
    await colleague.expect(403, 'DELETE', remove(first));
    await observer.expect(403, 'DELETE', remove(reply));
    // The first comment goes; its place stays, so the reply still follows it.
    const afterDelete = await author.expect<CommentThread>(200, 'DELETE', remove(first));
    expect(afterDelete.comments.map((c) => [c.deleted, c.body])).toEqual([
      [true, ''],
      [false, 'Calendar days.'],
    ]);
    await server.organiser.expect(200, 'DELETE', remove(reply));
    // A thread with nothing left to read is no longer listed.
    const listed = await list(observer, guideId);
    expect(listed.threads.map((t) => t.id)).toEqual([observed.id]);
    expect(listed.mayComment).toBe(true);
    expect(listed.mayModerate).toBe(false);
    expect((await list(facilitator, guideId)).mayModerate).toBe(true);
  });

  it('keeps the anchor on the same words while others edit around them, and an orphan with its quote when they go', async () => {
    const { guideId, author } = await newGroup();
    const thread = await start(author, guideId, 'publish its findings');
    // Text typed before, inside-adjacent and after the words moves nothing: the words are found.
    await editBlockWith(server.server, guideId, 'publish', (text, index) => {
      text.insert(index, 'promptly ');
      text.insert(0, 'In every case, ');
      text.insert(text.length, ' No exceptions.');
    });
    let [listed] = (await list(author, guideId)).threads;
    expect(listed?.orphan).toBe(false);
    // The server's reading of the anchor now (through a second thread on the same words).
    const again = await start(author, guideId, 'publish its findings');
    expect(again.quote).toBe('publish its findings');
    // The commented words are deleted: the thread stays, with its quote, marked as an orphan.
    await editBlockWith(server.server, guideId, 'publish its findings', (text, index) => {
      text.delete(index, 'publish its findings'.length);
    });
    [listed] = (await list(author, guideId)).threads;
    expect(listed).toMatchObject({ id: thread.id, quote: 'publish its findings', orphan: true });
  });

  it('sends every change to the guide’s open sockets within a second (Draftroom’s client only)', async () => {
    const { guideId, author, colleague } = await newGroup();
    const heard: CommentThread[] = [];
    const listening = connectClient({ wsUrl: server.wsUrl, cookie: colleague.cookie }, guideId, {
      connect: false,
      params: { v: String(protocolVersion) },
    });
    listening.provider.messageHandlers[commentsMessageType] = (_encoder, decoder) => {
      const message = JSON.parse(decoding.readVarString(decoder)) as unknown;
      heard.push(commentsLiveMessageSchema.parse(message).thread);
    };
    const stock = connectClient({ wsUrl: server.wsUrl, cookie: colleague.cookie }, guideId);
    let stockHeard = 0;
    stock.provider.messageHandlers[commentsMessageType] = () => {
      stockHeard += 1;
    };
    clients.push(listening, stock);
    listening.provider.connect();
    await waitFor(() => expect(listening.provider.synced && stock.provider.synced).toBe(true));

    const sentAt = Date.now();
    const thread = await start(author, guideId, 'committee', 'Live?');
    await waitFor(() => expect(heard.map((t) => t.id)).toContain(thread.id), 1_000);
    expect(Date.now() - sentAt).toBeLessThan(1_000);
    await author.expect(
      201,
      'POST',
      apiPath('replyToCommentThread', { guideId, threadId: thread.id }),
      {
        body: 'Yes.',
      },
    );
    await waitFor(() => expect(heard.at(-1)?.comments).toHaveLength(2), 1_000);
    expect(stockHeard).toBe(0);
  });

  it('closes a client that sends the comments message type, like any unknown type', async () => {
    const { guideId, author } = await newGroup();
    const socket = await openRawSocket({ wsUrl: server.wsUrl, cookie: author.cookie }, guideId);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, commentsMessageType);
    encoding.writeVarString(encoder, JSON.stringify({ thread: {} }));
    socket.send(encoding.toUint8Array(encoder));
    expect((await whenClosed(socket)).code).toBe(closeCodes.unknownMessageType);
  });

  it('never puts comments in an export or the search index: they are not in the body', async () => {
    const { guideId, author } = await newGroup();
    const exported = () =>
      author.download(`${apiPath('exportGuide', { guideId })}?format=md`).then((file) => file.text);
    const before = await exported();
    await start(author, guideId, 'committee', 'Zanzibarcomment wording');
    expect(await exported()).toBe(before);
    await server.server.search.settled();
    const found = await author.expect<{ hits: unknown[] }>(
      200,
      'GET',
      `${apiPath('searchGuides')}?q=Zanzibarcomment`,
    );
    expect(found.hits).toEqual([]);
    // The same search finds the guide's own words, so the empty answer above means something.
    const body = await author.expect<{ hits: unknown[] }>(
      200,
      'GET',
      `${apiPath('searchGuides')}?q=committee`,
    );
    expect(body.hits.length).toBeGreaterThan(0);
  });

  it('refuses a thread past 500 on one guide (replies still go in)', async () => {
    const { guideId, author } = await newGroup();
    const first = await start(author, guideId, 'committee');
    // The other 499 written straight into the table: the limit, not the rate limit, is tested.
    const { comments } = server.server.persistence.repositories;
    for (let index = 1; index < maxThreadsPerGuide; index++) {
      await comments.addThread({
        ...(await comments.thread(guideId, first.id))!,
        id: `filler-${index}`,
        createdAt: new Date(Date.now() + index).toISOString(),
      });
    }
    const refused = await author.request<{ error: { code: string } }>(
      'POST',
      apiPath('createCommentThread', { guideId }),
      { anchor: await anchorOf(server.server, guideId, 'thirty days'), body: 'One more' },
    );
    expect(refused.status).toBe(409);
    await author.expect(
      201,
      'POST',
      apiPath('replyToCommentThread', { guideId, threadId: first.id }),
      { body: 'A reply is fine.' },
    );
  });

  it('limits each person to 30 comments a minute', async () => {
    const { guideId, author } = await newGroup();
    const thread = await start(author, guideId, 'committee');
    const replies = apiPath('replyToCommentThread', { guideId, threadId: thread.id });
    for (let count = 1; count < 30; count++) {
      await author.expect(201, 'POST', replies, { body: `Reply ${count}` });
    }
    const refused = await author.request<{ error: { code: string } }>('POST', replies, {
      body: 'One too many',
    });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
  });

  describe('refuses what a hostile client sends', () => {
    let guideId: string;
    let author: ApiClient;
    beforeAll(async () => {
      ({ guideId, author } = await newGroup());
      await addParagraph(server.server, guideId, 'x'.repeat(1200));
    });
    const refuse = async (body: unknown, status = 400) => {
      const response = await author.request<{ error: { code: string } }>(
        'POST',
        apiPath('createCommentThread', { guideId }),
        body,
      );
      expect(response.status).toBe(status);
      return response.body.error.code;
    };
    const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
    const good = async () => anchorOf(server.server, guideId, 'committee');

    it('anchors that are not base64', async () => {
      const { end } = await good();
      expect(await refuse({ anchor: { start: '<script>', end }, body: 'x' })).toBe(
        'validation_failed',
      );
    });
    it('base64 that is not a relative position, or one with bytes after it', async () => {
      const { start, end } = await good();
      expect(await refuse({ anchor: { start: 'AAAAAAAA', end }, body: 'x' })).toBe(
        'validation_failed',
      );
      const padded = b64(new Uint8Array([...Buffer.from(start, 'base64'), 7, 7]));
      expect(await refuse({ anchor: { start: padded, end }, body: 'x' })).toBe('validation_failed');
    });
    it('positions outside the guide’s body (another root type, an item that does not exist)', async () => {
      const { end } = await good();
      const elsewhere = new Y.Doc();
      const other = elsewhere.getText('notes');
      other.insert(0, 'elsewhere');
      const outside = b64(
        Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(other, 2)),
      );
      expect(await refuse({ anchor: { start: outside, end }, body: 'x' })).toBe(
        'validation_failed',
      );
      const missing = b64(
        Y.encodeRelativePosition(
          Y.createRelativePositionFromJSON({ item: { client: 424242, clock: 5 }, assoc: 0 }),
        ),
      );
      expect(await refuse({ anchor: { start: missing, end }, body: 'x' })).toBe(
        'validation_failed',
      );
    });
    it('reversed and empty anchors', async () => {
      const { start, end } = await good();
      expect(await refuse({ anchor: { start: end, end: start }, body: 'x' })).toBe(
        'validation_failed',
      );
      expect(await refuse({ anchor: { start, end: start }, body: 'x' })).toBe('validation_failed');
    });
    it('an anchor over more than 1,000 characters', async () => {
      const long = await anchorOf(server.server, guideId, 'x'.repeat(1001));
      expect(await refuse({ anchor: long, body: 'x' })).toBe('validation_failed');
    });
    it('a quote from the client, an empty or overlong body, and unknown fields', async () => {
      const anchor = await good();
      expect(await refuse({ anchor, body: 'x', quote: 'I said so' })).toBe('validation_failed');
      expect(await refuse({ anchor, body: '   ' })).toBe('validation_failed');
      expect(await refuse({ anchor, body: 'x'.repeat(4001) })).toBe('validation_failed');
      expect(await refuse({ anchor, body: 'bad \u202e direction' })).toBe('validation_failed');
    });
    it('mentions of people outside the guide’s group, and too many', async () => {
      const anchor = await good();
      expect(await refuse({ anchor, body: 'x', mentions: [observer.personId] })).toBe(
        'validation_failed',
      );
      const many = Array.from({ length: 21 }, () => author.personId);
      expect(await refuse({ anchor, body: 'x', mentions: many })).toBe('validation_failed');
    });
    it('replies, resolutions and deletions that are not what the route takes', async () => {
      const thread = await start(author, guideId, 'committee');
      const params = { guideId, threadId: thread.id };
      const send = (method: string, path: string, body?: unknown) =>
        author.request<{ error: { code: string } }>(method, path, body);
      const replies = apiPath('replyToCommentThread', params);
      expect((await send('POST', replies, { body: 'x'.repeat(4001) })).status).toBe(400);
      expect((await send('POST', replies, { body: 'x', anchor: {} })).status).toBe(400);
      const resolution = apiPath('resolveCommentThread', params);
      expect((await send('PUT', resolution, { resolved: 'yes' })).status).toBe(400);
      expect((await send('PUT', resolution, {})).status).toBe(400);
      const unknown = apiPath('deleteComment', { ...params, commentId: 'no-such-comment' });
      expect((await send('DELETE', unknown)).status).toBe(404);
      const badId = `${apiPath('guideComments', { guideId })}/%3Cscript%3E/replies`;
      expect((await send('POST', badId, { body: 'x' })).status).toBe(404);
    });
    it('another guide’s thread named in the path', async () => {
      const other = await newGroup();
      const thread = await start(other.author, other.guideId, 'committee');
      const response = await author.request(
        'POST',
        apiPath('replyToCommentThread', { guideId, threadId: thread.id }),
        { body: 'Not yours' },
      );
      expect(response.status).toBe(404);
    });
  });
});

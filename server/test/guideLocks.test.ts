// Locks (issue 11): a facilitator locks one guide or every guide of a session; participants'
// open editors turn read-only at once with the reason (`guide`), anything they force through
// anyway is not stored, facilitators and organisers still write, and unlocking gives writing back.
import * as decoding from 'lib0/decoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPath,
  permissionMessageType,
  protocolVersion,
  type ConferenceSession,
  type Guide,
  type GuideLockResult,
  type GuideVersionList,
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
  restartOn,
  storedText,
} from './helpers/collabAccess.ts';
import { updateFrame } from './helpers/frames.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

describe('locking guides', () => {
  let server: TestServer;
  let session: ConferenceSession;
  let facilitator: ApiClient;
  const clients: HonestClient[] = [];
  let groups = 0;

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000' });
    session = await createCoCreationSession(server.organiser, 'Lock session');
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
      `Lock group ${groups}`,
    );
    return { group, participant: participants[0]! };
  };
  /** A participant's socket as Draftroom's client opens it, recording what it is told. */
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
  const connect = async (cookie: string, guideId: string) => {
    const client = await connectSynced({ wsUrl: server.wsUrl, cookie }, guideId);
    clients.push(client);
    return client;
  };
  const setLock = (who: ApiClient, guideId: string, locked: boolean) =>
    who.expect<GuideLockResult>(200, 'PUT', apiPath('setGuideLock', { guideId }), { locked });

  it('turns a participant read-only at once, with the reason; their forced edits are not stored; unlocking gives writing back', async () => {
    const { group, participant } = await newGroup();
    const { client: writer, told } = await openListening(participant.cookie, group.guideId);
    const facilitating = await connect(facilitator.cookie, group.guideId);
    writer.text.insert(0, 'Before the lock. ');
    await waitFor(() => expect(facilitating.content()).toContain('Before the lock.'));
    expect(told).toEqual(['write/current']);

    const result = await setLock(facilitator, group.guideId, true);
    expect(result.guides[0]).toMatchObject({ id: group.guideId, lock: { reason: 'facilitator' } });
    // The lock took a version of the guide as it was.
    const { versions } = await facilitator.expect<GuideVersionList>(
      200,
      'GET',
      apiPath('listVersions', { guideId: group.guideId }),
    );
    expect(versions.map((version) => version.kind)).toEqual(['lock']);
    await waitFor(() => expect(told).toEqual(['write/current', 'read/guide']), 1_000);
    // The guide as the participant sees it: read-only and locked; the facilitator may unlock it.
    const seen = await participant.expect<Guide>(
      200,
      'GET',
      apiPath('getGuide', { guideId: group.guideId }),
    );
    expect(seen).toMatchObject({
      permission: 'read',
      canLock: false,
      lock: { reason: 'facilitator' },
    });
    const seenByFacilitator = await facilitator.expect<Guide>(
      200,
      'GET',
      apiPath('getGuide', { guideId: group.guideId }),
    );
    expect(seenByFacilitator).toMatchObject({ permission: 'write', canLock: true });

    // A participant's client that ignores the message and sends anyway: dropped, counted, not stored.
    const rejectedBefore = await readOnlyRejections(server.url);
    writer.provider.ws?.send(updateFrame(appendUpdate(writer.doc, '[forced while locked]')));
    await waitFor(async () =>
      expect(await readOnlyRejections(server.url)).toBeGreaterThan(rejectedBefore),
    );
    // The facilitator still writes.
    facilitating.text.insert(facilitating.text.length, 'Tidied by the facilitator.');
    await waitFor(async () =>
      expect(await storedText(server.server, group.guideId)).toContain(
        'Tidied by the facilitator.',
      ),
    );
    expect(writer.closeEvents).toEqual([]);

    // After a restart, the forced edit is nowhere: not stored, not served.
    await server.stop();
    const restarted = await restartOn(server.databasePath);
    try {
      const text = await storedText(restarted.server, group.guideId);
      expect(text).toContain('Tidied by the facilitator.');
      expect(text).not.toContain('forced while locked');
    } finally {
      await restarted.server.close();
    }
    server = await startTestServer(
      { SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000' },
      server.dataDir,
      server.organiser,
    );
    facilitator = facilitator.at(server.url);
    const participantHere = participant.at(server.url);

    // Still locked after the restart; unlocking tells the open editor it may write again.
    const { client: again, told: toldAgain } = await openListening(
      participantHere.cookie,
      group.guideId,
    );
    expect(toldAgain).toEqual(['read/current']);
    await setLock(facilitator, group.guideId, false);
    await waitFor(() => expect(toldAgain).toEqual(['read/current', 'write/guide']), 1_000);
    const witness = await connect(facilitator.cookie, group.guideId);
    again.text.insert(again.text.length, ' After the unlock.');
    await waitFor(() => expect(witness.content()).toContain('After the unlock.'));
  });

  it('lets one person lock or unlock at most 20 times a minute (each lock stores versions)', async () => {
    const { group } = await newGroup();
    // A facilitator of their own, so the other tests' locks do not count against this one.
    const invite = await createInvite(server.organiser, 'facilitator', {
      type: 'session',
      id: session.id,
    });
    const busy = await ApiClient.join(server.url, invite.joinPath);
    for (let change = 0; change < 20; change++)
      await setLock(busy, group.guideId, change % 2 === 0);
    const refused = await fetch(
      `${server.url}${apiPath('setGuideLock', { guideId: group.guideId })}`,
      {
        method: 'PUT',
        headers: { cookie: busy.cookie ?? '', 'content-type': 'application/json' },
        body: JSON.stringify({ locked: true }),
      },
    );
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    await busy.expect(429, 'PUT', apiPath('setSessionLock', { sessionId: session.id }), {
      locked: true,
    });
    // Someone else is not held back.
    await setLock(server.organiser, group.guideId, true);
  });

  it('locks and unlocks every guide of a session at once, and a participant may not lock', async () => {
    const first = await newGroup();
    const second = await newGroup();
    const a = await openListening(first.participant.cookie, first.group.guideId);
    const b = await openListening(second.participant.cookie, second.group.guideId);

    await first.participant.expect(
      403,
      'PUT',
      apiPath('setGuideLock', { guideId: first.group.guideId }),
      { locked: true },
    );
    await first.participant.expect(
      403,
      'PUT',
      apiPath('setSessionLock', { sessionId: session.id }),
      { locked: true },
    );
    // Only `locked`, a boolean: anything else is refused before anything happens.
    await facilitator.expect(400, 'PUT', apiPath('setSessionLock', { sessionId: session.id }), {
      locked: 'yes',
    });
    await facilitator.expect(400, 'PUT', apiPath('setSessionLock', { sessionId: session.id }), {
      locked: true,
      reason: 'freeze',
    });

    const locked = await facilitator.expect<GuideLockResult>(
      200,
      'PUT',
      apiPath('setSessionLock', { sessionId: session.id }),
      { locked: true },
    );
    expect(locked.guides.every((guide) => guide.lock !== null)).toBe(true);
    await waitFor(
      () => expect([a.told.at(-1), b.told.at(-1)]).toEqual(['read/guide', 'read/guide']),
      1_000,
    );
    // Locking again changes nothing and tells nobody anything.
    await facilitator.expect(200, 'PUT', apiPath('setSessionLock', { sessionId: session.id }), {
      locked: true,
    });
    const list = await first.participant.expect<{ guides: Guide[] }>(
      200,
      'GET',
      apiPath('listGuides'),
    );
    expect(list.guides.find((guide) => guide.id === first.group.guideId)).toMatchObject({
      permission: 'read',
    });

    await facilitator.expect(200, 'PUT', apiPath('setSessionLock', { sessionId: session.id }), {
      locked: false,
    });
    await waitFor(
      () => expect([a.told.at(-1), b.told.at(-1)]).toEqual(['write/guide', 'write/guide']),
      1_000,
    );
    expect(a.told.filter((told) => told === 'read/guide')).toHaveLength(1);
  });
});

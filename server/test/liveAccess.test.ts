// Guarantee 4, on open connections: when someone loses access (removed from their group, moved,
// revoked, signed out, given a role that only reads, or their group is removed), their open
// sockets are closed or drop to read-only at once, and nothing they send afterwards is stored.
import * as decoding from 'lib0/decoding';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  apiPath,
  permissionMessageType,
  protocolVersion,
  type BreakoutGroup,
  type ConferenceSession,
  type CreatedInvite,
  type Role,
  type Scope,
} from '@draftroom/shared';
import { ApiClient, createCoCreationSession, createGroup, createInvite } from '../testing/index.ts';
import { connectClient, type HonestClient } from './helpers/clients.ts';
import {
  appendUpdate,
  connectSynced,
  expectDropped,
  readOnlyRejections,
  sendOnOpen,
  storedText,
} from './helpers/collabAccess.ts';
import { updateFrame } from './helpers/frames.ts';
import { metric } from './helpers/fixtures.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

describe('access changes reach open connections', () => {
  let server: TestServer;
  let organiser: ApiClient;
  let session: ConferenceSession;
  let group: BreakoutGroup;
  const clients: HonestClient[] = [];
  let groups = 0;

  const join = async (role: Role, scope: Scope) =>
    ApiClient.join(server.url, (await createInvite(organiser, role, scope)).joinPath);
  const connect = async (cookie: string, guideId = group.guideId) => {
    const client = await connectSynced({ wsUrl: server.wsUrl, cookie }, guideId);
    clients.push(client);
    return client;
  };
  /** `writer` can write: their edit reaches the witness (and so was stored first). */
  const expectWrites = async (writer: HonestClient, witness: HonestClient, text: string) => {
    writer.text.insert(writer.text.length, text);
    await waitFor(() => expect(witness.content()).toContain(text));
  };
  const accessRevoked = () =>
    metric(server.url, 'draftroom_messages_rejected_total', { reason: 'access_revoked' });

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000' });
    organiser = server.organiser;
    session = await createCoCreationSession(organiser, 'Live session');
  });
  beforeEach(async () => {
    groups += 1;
    group = await createGroup(organiser, session.id, `Live group ${groups}`);
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('closes a participant removed from their group with 4403 within a second; later edits do not land', async () => {
    const participant = await join('participant', { type: 'group', id: group.id });
    const witness = await connect(server.cookie);
    const member = await connect(participant.cookie);
    await expectWrites(member, witness, 'Before removal.');
    const revokedBefore = await accessRevoked();

    await organiser.expect(
      204,
      'DELETE',
      apiPath('removeMember', { groupId: group.id, personId: participant.personId }),
    );
    // An edit sent at once, on the socket that is being closed, and one on a new socket.
    member.text.insert(member.text.length, ' After removal.');
    await waitFor(() => expect(member.closeEvents).toEqual([4403]), 1_000);
    expect(await accessRevoked()).toBe(revokedBefore + 1);
    const retry = updateFrame(appendUpdate(member.doc, ' Sent again.'));
    expect(
      await sendOnOpen({ wsUrl: server.wsUrl, cookie: participant.cookie }, group.guideId, retry),
    ).toBe(4403);
    witness.text.insert(witness.text.length, ' Witness.');
    await waitFor(async () =>
      expect(await storedText(server.server, group.guideId)).toBe('Before removal. Witness.'),
    );
    expect(witness.content()).toBe('Before removal. Witness.');
    const guide = await participant.request('GET', apiPath('getGuide', { guideId: group.guideId }));
    // Now another group's guide to them: refused, saying so (403), as the websocket did (4403).
    expect(guide.status).toBe(403);
  });

  it('closes a participant moved to another group of the session with 4403, and lets them write there', async () => {
    const participant = await join('participant', { type: 'group', id: group.id });
    const other = await createGroup(organiser, session.id, `Other group ${groups}`);
    const member = await connect(participant.cookie);
    await organiser.expect(200, 'POST', apiPath('assignMembers', { groupId: other.id }), {
      personIds: [participant.personId],
    });
    await waitFor(() => expect(member.closeEvents).toEqual([4403]), 1_000);
    const witness = await connect(server.cookie, other.guideId);
    await expectWrites(await connect(participant.cookie, other.guideId), witness, 'Moved in.');
  });

  it('closes every socket of a revoked person with 4401', async () => {
    const participant = await join('participant', { type: 'group', id: group.id });
    const witness = await connect(server.cookie);
    const first = await connect(participant.cookie);
    const second = await connect(participant.cookie);
    await expectWrites(first, witness, 'Before revocation.');

    await organiser.expect(
      204,
      'POST',
      apiPath('revokePerson', { personId: participant.personId }),
    );
    first.text.insert(0, 'After revocation. ');
    await waitFor(
      () => expect([first.closeEvents, second.closeEvents]).toEqual([[4401], [4401]]),
      1_000,
    );
    const retry = updateFrame(appendUpdate(first.doc, ' Sent again.'));
    expect(
      await sendOnOpen({ wsUrl: server.wsUrl, cookie: participant.cookie }, group.guideId, retry),
    ).toBe(4401);
    witness.text.insert(witness.text.length, ' Witness.');
    await waitFor(async () =>
      expect(await storedText(server.server, group.guideId)).toBe('Before revocation. Witness.'),
    );
    expect((await participant.request('GET', apiPath('me'))).status).toBe(401);
  });

  it('closes only the sockets of the sign-in that signed out', async () => {
    const person = await join('participant', { type: 'group', id: group.id });
    const link = await organiser.expect<CreatedInvite>(
      201,
      'POST',
      apiPath('personLink', { personId: person.personId }),
    );
    const sameOnAnotherDevice = await ApiClient.join(server.url, link.joinPath);
    expect(sameOnAnotherDevice.personId).toBe(person.personId);
    const someoneElse = await join('participant', { type: 'group', id: group.id });

    const signingOut = await connect(person.cookie);
    const otherDevice = await connect(sameOnAnotherDevice.cookie);
    const other = await connect(someoneElse.cookie);
    await person.expect(204, 'POST', apiPath('signOut'));
    await waitFor(() => expect(signingOut.closeEvents).toEqual([4401]), 1_000);

    // Both other sign-ins still write, and nobody else was disconnected.
    await expectWrites(otherDevice, other, 'Other device.');
    await expectWrites(other, otherDevice, ' Someone else.');
    expect([otherDevice.closeEvents, other.closeEvents]).toEqual([[], []]);
    expect((await person.request('GET', apiPath('me'))).status).toBe(401);
    expect((await sameOnAnotherDevice.request('GET', apiPath('me'))).status).toBe(200);
  });

  it.each([
    ['a participant of the group', 'participant'],
    ['an organiser', 'organiser'],
  ] as const)(
    'turns the open connection of %s made observer into a read-only one',
    async (_who, role) => {
      const scope: Scope =
        role === 'organiser'
          ? {
              type: 'event',
              id: (
                await organiser.expect<{ person: { eventId: string } }>(200, 'GET', apiPath('me'))
              ).person.eventId,
            }
          : { type: 'group', id: group.id };
      const person = await join(role, scope);
      const witness = await connect(server.cookie);
      const demoted = await connect(person.cookie);
      await expectWrites(demoted, witness, 'Still writing.');

      await organiser.expect(200, 'PATCH', apiPath('updatePerson', { personId: person.personId }), {
        role: 'observer',
      });
      const connection = () =>
        [...(server.server.collab.rooms.get(group.guideId)?.connections ?? [])].find(
          (open) => open.signIn.personId === person.personId,
        );
      await waitFor(() => expect(connection()?.permission).toBe('read'), 1_000);

      const rejectedBefore = await readOnlyRejections(server.url);
      demoted.text.insert(demoted.text.length, ' [read only]');
      await waitFor(async () =>
        expect(await readOnlyRejections(server.url)).toBe(rejectedBefore + 1),
      );
      await expectDropped(server, witness, demoted, group.guideId, '[read only]');
      expect(demoted.closeEvents).toEqual([]);
      expect(await storedText(server.server, group.guideId)).not.toContain('[read only]');
    },
  );

  it('tells an open connection that it turned read-only, and writable again, with the reason', async () => {
    const person = await join('participant', { type: 'group', id: group.id });
    const witness = await connect(server.cookie);
    // Draftroom's own client names the protocol version; a stock one is never sent this message.
    const told: string[] = [];
    const changing = connectClient({ wsUrl: server.wsUrl, cookie: person.cookie }, group.guideId, {
      connect: false,
      params: { v: String(protocolVersion) },
    });
    clients.push(changing);
    changing.provider.messageHandlers[permissionMessageType] = (_encoder, decoder) => {
      told.push(`${decoding.readVarString(decoder)}/${decoding.readVarString(decoder)}`);
    };
    const stock = await connect(person.cookie);
    const stockHeard: number[] = [];
    stock.provider.messageHandlers[permissionMessageType] = () => stockHeard.push(1);
    changing.provider.connect();
    await waitFor(() => expect(changing.provider.synced).toBe(true));
    expect(told).toEqual(['write/current']);
    const setRole = (role: Role) =>
      organiser.expect(200, 'PATCH', apiPath('updatePerson', { personId: person.personId }), {
        role,
      });

    await setRole('observer');
    await waitFor(() => expect(told).toEqual(['write/current', 'read/role']), 1_000);
    await setRole('participant');
    await waitFor(() => expect(told).toEqual(['write/current', 'read/role', 'write/role']), 1_000);
    await expectWrites(changing, witness, 'Writing again.');
    // Nothing is sent when the permission stays the same (their parliament confirmed, say).
    await organiser.expect(200, 'PATCH', apiPath('updatePerson', { personId: person.personId }), {
      parliamentConfirmed: true,
    });
    await expectWrites(changing, witness, ' Still writing.');
    expect(told).toEqual(['write/current', 'read/role', 'write/role']);
    expect(stockHeard).toEqual([]);
    expect(changing.closeEvents).toEqual([]);
  });

  it('closes connections that reached a removed group’s guide through their scope', async () => {
    const eventId = (
      await organiser.expect<{ person: { eventId: string } }>(200, 'GET', apiPath('me'))
    ).person.eventId;
    const facilitator = await join('facilitator', { type: 'session', id: session.id });
    const observer = await join('observer', { type: 'event', id: eventId });
    const organising = await connect(server.cookie);
    const facilitating = await connect(facilitator.cookie);
    const observing = await connect(observer.cookie);
    await expectWrites(facilitating, organising, 'Written before removal.');

    await organiser.expect(204, 'DELETE', apiPath('deleteGroup', { groupId: group.id }));
    await waitFor(
      () => expect([facilitating.closeEvents, observing.closeEvents]).toEqual([[4403], [4403]]),
      1_000,
    );
    // The text stays with the organisers, who may go on writing.
    organising.text.insert(organising.text.length, ' Kept.');
    expect(organising.closeEvents).toEqual([]);
    await waitFor(async () =>
      expect(await storedText(server.server, group.guideId)).toBe('Written before removal. Kept.'),
    );
  });
});

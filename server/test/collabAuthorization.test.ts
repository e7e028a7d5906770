// Guarantee 4 on the websocket: each kind of person writes, reads or is closed with the code
// the rules give on a group's guide; unknown guides and removed groups' guides answer as on REST.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPath, type Guide } from '@draftroom/shared';
import { createGroup } from '../testing/index.ts';
import {
  actorNames,
  byActor,
  send,
  worldServer,
  type ActorName,
  type World,
} from './helpers/actors.ts';
import type { HonestClient } from './helpers/clients.ts';
import {
  connectSynced,
  expectDropped,
  openingOutcome,
  probeAccess,
  restartOn,
  storedText,
  type CollabOutcome,
} from './helpers/collabAccess.ts';
import type { TestServer } from './helpers/testServer.ts';

// What each person can do with the guide of group A over the websocket. Another event's
// organiser is refused exactly as for an unknown guide (HTTP 404), as on REST: a 4403 would confirm
// that the guide exists.
// prettier-ignore
const collabColumn: Record<ActorName, CollabOutcome> = {
  anonymous: 4401, revoked: 4401, signedOut: 4401,
  organiser: 'write', facilitatorS: 'write', facilitatorOther: 4403,
  participantA: 'write', participantB: 4403, observer: 'read',
  otherOrganiser: 404,
};

describe('websocket authorization on the guide of group A', () => {
  let server: TestServer;
  let world: World;
  const clients: HonestClient[] = [];
  let restarted: Awaited<ReturnType<typeof restartOn>> | undefined;
  beforeAll(async () => {
    ({ server, world } = await worldServer());
  });
  afterAll(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await restarted?.server.close();
    await server?.cleanup();
  });

  it('lets each person write, read, or closes them with 4401/4403 (404 from another event), and stores only writes', async () => {
    const guideId = world.groupA.guideId;
    const witness = await connectSynced(server, guideId);
    clients.push(witness);
    const actual: Partial<Record<ActorName, CollabOutcome>> = {};
    for (const name of actorNames) {
      const { outcome, client } = await probeAccess(
        server,
        witness,
        world.actors[name].cookie,
        guideId,
        name,
      );
      if (client) clients.push(client);
      if (outcome === 'read' && client) {
        await expectDropped(server, witness, client, guideId, `[a${name}]`);
      }
      if (typeof outcome === 'string') expect(client?.closeEvents).toEqual([]);
      client?.destroy();
      actual[name] = outcome;
    }
    expect(actual).toEqual(collabColumn);

    const expectedText = witness.content();
    expect(await storedText(server.server, guideId)).toBe(expectedText);
    // After a restart the guide holds every writer's edit and nothing from anyone else.
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
    restarted = await restartOn(server.databasePath);
    const reloaded = await connectSynced(
      { wsUrl: restarted.wsUrl, cookie: server.cookie },
      guideId,
    );
    clients.push(reloaded);
    expect(reloaded.content()).toBe(expectedText);
    for (const name of actorNames) {
      if (collabColumn[name] === 'write') expect(expectedText).toContain(`[a${name}]`);
      else expect(expectedText).not.toContain(`[a${name}]`);
    }
  });
});

describe('documents that do not exist, or lost their group', () => {
  let server: TestServer;
  let world: World;
  beforeAll(async () => {
    ({ server, world } = await worldServer());
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('refuses an unknown guide id with HTTP 404, but tells a dead sign-in only 4401', async () => {
    const outcomes = [];
    for (const name of actorNames) {
      outcomes.push(
        await openingOutcome(`${server.wsUrl}/no-such-guide`, world.actors[name].cookie),
      );
    }
    // prettier-ignore
    expect(byActor(outcomes)).toEqual(byActor([4401, 4401, 4401, 404, 404, 404, 404, 404, 404, 404]));
  });

  it("says another group's guide belongs to another group, and nothing to another event", async () => {
    const path = apiPath('getGuide', { guideId: world.groupA.guideId });
    const sameEvent = await send(server.url, world.actors.participantB.cookie, 'GET', path);
    expect(sameEvent.status).toBe(403);
    expect(sameEvent.body).toMatchObject({
      error: { code: 'forbidden', message: expect.stringMatching(/another group.*facilitator/s) },
    });
    const { cookie } = world.actors.otherOrganiser;
    const otherEvent = await send(server.url, cookie, 'GET', path);
    const unknown = await send(server.url, cookie, 'GET', apiPath('getGuide', { guideId: 'nope' }));
    expect(otherEvent.status).toBe(404);
    expect(otherEvent.body).toEqual(unknown.body);
  });

  // A removed group's guide is kept in storage "for organisers": the organisers of its own event.
  it('keeps a removed group’s guide for this event’s organisers only', async () => {
    const group = await createGroup(world.organiser, world.sessionS.id, 'Soon removed');
    await world.organiser.expect(204, 'DELETE', apiPath('deleteGroup', { groupId: group.id }));
    const rest = [];
    const socket = [];
    for (const name of actorNames) {
      const { cookie } = world.actors[name];
      const response = await send(
        server.url,
        cookie,
        'GET',
        apiPath('getGuide', { guideId: group.guideId }),
      );
      rest.push(response.status === 200 ? (response.body as Guide).permission : response.status);
      socket.push(await openingOutcome(`${server.wsUrl}/${group.guideId}`, cookie));
    }
    // prettier-ignore
    expect(byActor(rest)).toEqual(byActor([401, 401, 401, 'write', 404, 404, 404, 404, 404, 404]));
    // prettier-ignore
    expect(byActor(socket)).toEqual(byActor([4401, 4401, 4401, 101, 4403, 4403, 4403, 4403, 4403, 404]));
  });
});

// The scheduled freeze (issue 11): at the session's end every guide is locked (reason `freeze`),
// participants' open editors turn read-only at once, and a freeze that fell due while the server
// was down happens when it comes back, once.
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import {
  apiPath,
  permissionMessageType,
  protocolVersion,
  type Guide,
  type GuideVersionList,
  type SessionLive,
} from '@draftroom/shared';
import { ApiClient, createCoCreationSession, createGroup, createInvite } from '../testing/index.ts';
import { connectClient, type HonestClient } from './helpers/clients.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

describe('the scheduled freeze', () => {
  let server: TestServer | undefined;
  const clients: HonestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.cleanup();
  });

  const setUp = async (env: Record<string, string>) => {
    server = await startTestServer({
      SEED_DEMO: 'false',
      JOIN_RATE_LIMIT_PER_MINUTE: '100000',
      ...env,
    });
    // The helper's session ended in 2021: a freeze scheduled at its end is due at once.
    const session = await createCoCreationSession(server.organiser, 'Ended session');
    const group = await createGroup(server.organiser, session.id, 'Group A');
    const invite = await createInvite(server.organiser, 'participant', {
      type: 'group',
      id: group.id,
    });
    const participant = await ApiClient.join(server.url, invite.joinPath);
    return { server, session, group, participant };
  };
  const freeze = (organiser: ApiClient, sessionId: string, scheduled: boolean) =>
    organiser.expect<SessionLive>(200, 'PUT', apiPath('sessionFreeze', { sessionId }), {
      scheduled,
    });

  it('locks every guide when due; the open editor is told at once', async () => {
    const { server, session, group, participant } = await setUp({ FREEZE_CHECK_MS: '200' });
    const told: string[] = [];
    const client = connectClient(
      { wsUrl: server.wsUrl, cookie: participant.cookie },
      group.guideId,
      {
        connect: false,
        params: { v: String(protocolVersion) },
      },
    );
    clients.push(client);
    client.provider.messageHandlers[permissionMessageType] = (_encoder, decoder) => {
      told.push(`${decoding.readVarString(decoder)}/${decoding.readVarString(decoder)}`);
    };
    client.provider.connect();
    await waitFor(() => expect(told).toEqual(['write/current']));

    const scheduled = await freeze(server.organiser, session.id, true);
    expect(scheduled.freeze).toEqual({ at: session.endsAt, done: false });
    await waitFor(() => expect(told).toEqual(['write/current', 'read/guide']), 2_000);
    const guide = await participant.expect<Guide>(
      200,
      'GET',
      apiPath('getGuide', { guideId: group.guideId }),
    );
    expect(guide).toMatchObject({ permission: 'read', lock: { reason: 'freeze' } });
    // Versioned before it was locked.
    const { versions } = await participant.expect<GuideVersionList>(
      200,
      'GET',
      apiPath('listVersions', { guideId: group.guideId }),
    );
    expect(versions.map((version) => [version.kind, version.takenBy])).toEqual([['freeze', null]]);
    const live = await participant.expect<SessionLive>(
      200,
      'GET',
      apiPath('sessionLive', { sessionId: session.id }),
    );
    expect(live.freeze).toEqual({ at: session.endsAt, done: true });
  });

  it('a freeze that fell due while the server was down happens when it starts, once', async () => {
    // Checked only hourly (and at start): nothing happens while this server runs.
    const { server: first, session, group } = await setUp({ FREEZE_CHECK_MS: '3600000' });
    await freeze(first.organiser, session.id, true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = await first.organiser.expect<Guide>(
      200,
      'GET',
      apiPath('getGuide', { guideId: group.guideId }),
    );
    expect(before.lock).toBeNull();
    await first.stop();

    server = await startTestServer(
      { SEED_DEMO: 'false', FREEZE_CHECK_MS: '3600000' },
      first.dataDir,
      first.organiser,
    );
    const organiser = first.organiser.at(server.url);
    await waitFor(async () => {
      const live = await organiser.expect<SessionLive>(
        200,
        'GET',
        apiPath('sessionLive', { sessionId: session.id }),
      );
      expect(live.freeze).toEqual({ at: session.endsAt, done: true });
    }, 2_000);
    const after = await organiser.expect<Guide>(
      200,
      'GET',
      apiPath('getGuide', { guideId: group.guideId }),
    );
    expect(after.lock?.reason).toBe('freeze');
    // Cancelling clears it; participants may be let back in by unlocking.
    expect((await freeze(organiser, session.id, false)).freeze).toBeNull();
  });
});

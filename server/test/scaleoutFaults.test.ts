import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import pg from 'pg';
import { apiPath, closeCodes } from '@draftroom/shared';
import {
  createCoCreationSession,
  createGuide,
  groupWithParticipants,
  onPostgres,
  readGuideText,
} from '../testing/index.ts';
import { openPersistence } from '../src/persistence/index.ts';
import { connectClient, whenSynced, type HonestClient } from './helpers/clients.ts';
import { startInstances, type Instance, type Instances } from './helpers/instances.ts';
import { waitFor } from './helpers/waitFor.ts';

// Several server processes on one PostgreSQL database and one Redis, as a deployment behind a
// load balancer runs them, and the failures such a deployment meets: an instance killed, Redis
// killed and restarted, PostgreSQL's connections cut. Only in the PostgreSQL + Redis pass of
// `pnpm test` (the SQLite pass has one server per file by design).

interface Typist {
  client: HonestClient;
  typed: string[];
}

describe.skipIf(!onPostgres)(
  'several instances on PostgreSQL and Redis',
  { timeout: 120_000 },
  () => {
    // Three instances for the whole file (starting processes is most of its time); each test
    // writes in a guide of its own. The instance killed is killed last.
    let instances: Instances;
    const typists: Typist[] = [];
    beforeAll(async () => {
      instances = await startInstances(3);
    }, 120_000);
    afterEach(() => {
      for (const { client } of typists.splice(0)) client.destroy();
    });
    afterAll(async () => {
      await instances?.close();
    });

    const nth = (index: number) => instances.all[index] as Instance;
    const newGuide = async (name: string) => (await createGuide(instances.organiser, name)).guideId;

    async function typistOn(
      instance: Instance,
      guideId: string,
      cookie = instances.organiser.cookie,
    ) {
      const client = connectClient({ wsUrl: instance.wsUrl, cookie }, guideId);
      const typist = { client, typed: [] as string[] };
      typists.push(typist);
      await whenSynced(client);
      return typist;
    }

    /** Each typist writes `rounds` tokens at either end of its own copy, a few ms apart. */
    async function type(all: readonly Typist[], rounds: number, label: string) {
      for (let round = 0; round < rounds; round++) {
        all.forEach((typist, index) => {
          const token = `${label}${index}.${round} `;
          const text = typist.client.text;
          // At either end: a token inserted inside another would split it.
          text.insert(Math.random() < 0.5 ? 0 : text.length, token);
          typist.typed.push(token.trim());
        });
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
    }

    async function storedText(guideId: string): Promise<string> {
      const persistence = await openPersistence(instances.databaseUrl);
      try {
        const { state, updates } = await persistence.documents.load(guideId);
        const doc = new Y.Doc();
        if (state) Y.applyUpdate(doc, state);
        for (const { data } of updates) Y.applyUpdate(doc, data);
        return readGuideText(doc);
      } finally {
        await persistence.close();
      }
    }

    /** Every client shows the same text, holding every token anyone typed, and so does the store. */
    async function expectConverged(guideId: string, all: readonly Typist[], timeoutMs = 30_000) {
      const tokens = all.flatMap((typist) => typist.typed);
      await waitFor(() => {
        const [first, ...rest] = all.map((typist) => typist.client.content());
        for (const token of tokens) expect(first).toContain(token);
        for (const other of rest) expect(other).toBe(first);
      }, timeoutMs);
      const shown = all[0]?.client.content();
      await waitFor(async () => expect(await storedText(guideId)).toBe(shown));
    }

    it('three instances, clients spread over them, converge; the store equals the clients', async () => {
      const guideId = await newGuide('Spread over three');
      const spread = [];
      for (const instance of [...instances.all, ...instances.all]) {
        spread.push(await typistOn(instance, guideId));
      }
      await type(spread, 40, 't');
      await expectConverged(guideId, spread);
    });

    it('a revocation on one instance closes the person’s socket on another within a second', async () => {
      const { organiser } = instances;
      const session = await createCoCreationSession(organiser, 'Across instances');
      const {
        group,
        participants: [participant],
      } = await groupWithParticipants(organiser, nth(0).url, session.id, 'Revoked elsewhere');
      const onSecond = await typistOn(nth(1), group.guideId, participant!.cookie);
      const revokedAt = performance.now();
      await organiser.expect(
        204,
        'POST',
        apiPath('revokePerson', { personId: participant!.personId }),
      );
      await waitFor(
        () => expect(onSecond.client.closeEvents).toContain(closeCodes.unauthenticated),
        1_000,
      );
      console.info(
        `revocation reached the other instance in ${Math.round(performance.now() - revokedAt)} ms`,
      );
    });

    it('Redis killed and restarted while people type: the instances converge without a restart', async () => {
      const guideId = await newGuide('Redis restarted');
      const everyone = [
        await typistOn(nth(0), guideId),
        await typistOn(nth(0), guideId),
        await typistOn(nth(1), guideId),
        await typistOn(nth(2), guideId),
      ];
      await type(everyone, 10, 'up');
      await instances.redis.kill();
      await type(everyone, 20, 'down');
      await instances.redis.restart();
      await type(everyone, 10, 'back');
      await expectConverged(guideId, everyone);
    });

    it('PostgreSQL cut off: edits are refused with 1011, never shown unstored, and resume after', async () => {
      const guideId = await newGuide('Database cut off');
      const writer = await typistOn(nth(0), guideId);
      const neighbour = await typistOn(nth(0), guideId);
      const elsewhere = await typistOn(nth(1), guideId);
      await type([writer, neighbour, elsewhere], 5, 'before');
      await expectConverged(guideId, [writer, neighbour, elsewhere]);
      const name = new URL(instances.databaseUrl).pathname.slice(1);
      const admin = new pg.Client({
        connectionString: instances.databaseUrl.replace(`/${name}`, '/postgres'),
      });
      await admin.connect();
      try {
        await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
        await admin.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [name],
        );
        writer.client.text.insert(0, 'unstored ');
        writer.typed.push('unstored');
        await waitFor(
          () => expect(writer.client.closeEvents).toContain(closeCodes.internalError),
          10_000,
        );
        // Nobody else was shown an edit that is not stored.
        expect(neighbour.client.content()).not.toContain('unstored');
        expect(elsewhere.client.content()).not.toContain('unstored');
      } finally {
        await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
        await admin.end();
      }
      await type([writer, neighbour, elsewhere], 5, 'after');
      await expectConverged(guideId, [writer, neighbour, elsewhere]);
    });

    it('an instance killed with SIGKILL mid-edit: its clients go to another, nothing is lost', async () => {
      const guideId = await newGuide('Instance killed');
      const [victim, second, third] = [nth(0), nth(1), nth(2)];
      const onVictim = [await typistOn(victim, guideId), await typistOn(victim, guideId)];
      const others = [await typistOn(second, guideId), await typistOn(third, guideId)];
      const everyone = [...onVictim, ...others];
      await type(everyone, 15, 'before');
      const typing = type(everyone, 30, 'during');
      await new Promise((resolve) => setTimeout(resolve, 40));
      await victim.kill();
      // The load balancer sends their reconnections elsewhere.
      for (const { client } of onVictim) client.provider.serverUrl = second.wsUrl;
      await typing;
      await type(everyone, 10, 'after');
      await expectConverged(guideId, everyone);
    });
  },
);

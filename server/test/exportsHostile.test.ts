// Issue 12, attacked: a hostile user (or a careless organiser) against the export routes of a
// real server. Who may export what, what the routes accept, and what a job keeps for how long.
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { apiPath, type ExportJob } from '@draftroom/shared';
import { encodeGuideBody } from '../src/services/demo/guideBody.ts';
import { ExportJobs } from '../src/services/exports/exportJobs.ts';
import { ApiClient, createCoCreationSession, createGroup, createInvite } from '../testing/index.ts';
import { buildWorld, type World } from './helpers/actors.ts';
import { startTestServer } from './helpers/testServer.ts';

async function settled(client: ApiClient, job: ExportJob): Promise<ExportJob> {
  for (let tries = 0; tries < 400; tries++) {
    const now = await client.expect<ExportJob>(
      200,
      'GET',
      apiPath('exportJob', { exportId: job.id }),
    );
    if (now.state !== 'queued' && now.state !== 'running') return now;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the export did not finish in 10 s');
}

describe('exports attacked through the server', () => {
  let world: World;

  beforeAll(async () => {
    world = await buildWorld(await startTestServer({ SEED_DEMO: 'false' }));
    const host = world.server.server.collab.documents;
    await host.withDocument(world.groupB.guideId, (doc) =>
      Y.applyUpdate(
        doc,
        encodeGuideBody({
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Group B secret' }] }],
        } as never),
      ),
    );
  });
  afterAll(async () => {
    await world?.server.cleanup();
  });

  const guideExport = (guideId: string, query = '?format=md') =>
    `${apiPath('exportGuide', { guideId })}${query}`;
  const start = (sessionId: string) => apiPath('startSessionExport', { sessionId });

  it('a participant cannot export another group’s guide; another event sees nothing at all', async () => {
    const { participantA, otherOrganiser } = world.people;
    const own = await participantA!.download(guideExport(world.groupA.guideId));
    expect(own.status).toBe(200);
    const sibling = await participantA!.download(guideExport(world.groupB.guideId));
    expect(sibling.status).toBe(403);
    expect(sibling.text).not.toContain('secret');
    const foreign = await otherOrganiser!.download(guideExport(world.groupB.guideId));
    expect(foreign.status).toBe(404);
    const compile = await otherOrganiser!.request('POST', start(world.sessionS.id), {
      format: 'md',
    });
    expect(compile.status).toBe(404);
  });

  it('participants, other sessions’ facilitators and group-scoped observers cannot compile', async () => {
    const groupObserver = await ApiClient.join(
      world.server.url,
      (await createInvite(world.organiser, 'observer', { type: 'group', id: world.groupA.id }))
        .joinPath,
    );
    for (const client of [
      world.people.participantA!,
      world.people.facilitatorOther!,
      groupObserver,
    ]) {
      const response = await client.request('POST', start(world.sessionS.id), { format: 'md' });
      expect(response.status).toBe(403);
    }
  });

  it('someone else’s job is not there: not readable, not downloadable, not cancellable', async () => {
    const job = await world.organiser.expect<ExportJob>(201, 'POST', start(world.sessionS.id), {
      format: 'md',
    });
    await settled(world.organiser, job);
    for (const client of [world.people.observer!, world.people.otherOrganiser!]) {
      const exportId = job.id;
      expect((await client.request('GET', apiPath('exportJob', { exportId }))).status).toBe(404);
      expect((await client.download(apiPath('exportFile', { exportId }))).status).toBe(404);
      expect((await client.request('DELETE', apiPath('cancelExport', { exportId }))).status).toBe(
        404,
      );
    }
    expect(
      (await world.organiser.download(apiPath('exportFile', { exportId: job.id }))).status,
    ).toBe(200);
  });

  it('refuses repeated, unknown, oversized and ill-shaped options with 4xx, never 500', async () => {
    const guide = world.groupA.guideId;
    for (const query of [
      '?format=md&format=pdf',
      '?format[]=md',
      '?format[a]=md',
      '?format=md&locale=en%22%3E%3Cscript%3E',
      '?format=md&locale=__proto__',
      '?format=md&__proto__[format]=pdf',
      '?format=md&constructor=1',
      '?format=md&pageSize=A4&pageSize=Letter',
      `?format=md&x=${'a'.repeat(20_000)}`,
    ]) {
      const response = await world.organiser.download(guideExport(guide, query));
      expect(response.status, query.slice(0, 60)).toBeGreaterThanOrEqual(400);
      expect(response.status, query.slice(0, 60)).toBeLessThan(500);
    }
    const ids = Array.from({ length: 201 }, (_, index) => `g${String(index).padStart(20, '0')}`);
    for (const body of [
      { format: 'md', guideIds: ids },
      { format: 'md', guideIds: ['../../etc/passwd'] },
      { format: 'md', guideIds: 'all' },
      JSON.parse('{"format":"md","__proto__":{"guideIds":["x"]}}'),
      { format: 'md', constructor: { prototype: {} } },
      { format: ['md', 'pdf'] },
    ]) {
      const response = await world.organiser.request('POST', start(world.sessionS.id), body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    for (const bad of ['..%2F..%2Fx', 'a'.repeat(300), '%00']) {
      const response = await world.organiser.download(`/api/guides/${bad}/export?format=md`);
      expect(response.status, bad.slice(0, 20)).toBe(404);
      const job = await world.organiser.request('GET', `/api/exports/${bad}`);
      expect(job.status, bad.slice(0, 20)).toBe(404);
    }
  });

  it('a facilitator demoted to participant no longer gets the file compiled before', async () => {
    const { facilitatorS } = world.people;
    const job = await facilitatorS!.expect<ExportJob>(201, 'POST', start(world.sessionS.id), {
      format: 'md',
    });
    expect((await settled(facilitatorS!, job)).state).toBe('done');
    await world.organiser.expect(
      200,
      'PATCH',
      apiPath('updatePerson', { personId: facilitatorS!.personId }),
      { role: 'participant' },
    );
    const file = await facilitatorS!.download(apiPath('exportFile', { exportId: job.id }));
    expect(file.status).toBe(403);
    expect(file.text).not.toContain('secret');
    // Forgetting it is still theirs to do.
    await facilitatorS!.expect(204, 'DELETE', apiPath('cancelExport', { exportId: job.id }));
  });

  it('a group-scoped facilitator cannot compile the session of their one group', async () => {
    const facilitator = await ApiClient.join(
      world.server.url,
      (await createInvite(world.organiser, 'facilitator', { type: 'group', id: world.groupA.id }))
        .joinPath,
    );
    const response = await facilitator.request('POST', start(world.sessionS.id), { format: 'md' });
    expect(response.status).toBe(403);
  });

  it('names with quotes, semicolons, paths and other scripts give plain ASCII file names', async () => {
    const session = await createCoCreationSession(
      world.organiser,
      'Séance "x"; filename=evil.exe gnp.exe ../../ نقاش',
    );
    const group = await createGroup(world.organiser, session.id, '../../evil\\..\\x "q"');
    const file = await world.organiser.download(guideExport(group.guideId));
    expect(file.status).toBe(200);
    const disposition = file.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="?[a-z0-9-]+\.md"?$/);
    const job = await world.organiser.expect<ExportJob>(201, 'POST', start(session.id), {
      format: 'md',
    });
    expect((await settled(world.organiser, job)).state).toBe('done');
    const zip = await world.organiser.download(apiPath('exportFile', { exportId: job.id }));
    for (const name of Object.keys(unzipSync(zip.bytes))) {
      expect(name).toMatch(/^[a-z0-9-]+\.md$/);
    }
  });

  it('one person’s guide exports are written one at a time: the next waits for the last', async () => {
    // A guide near the size limit is tens of seconds of the shared export worker; twenty at once
    // (the per-minute limit) would queue minutes of work and their states in memory.
    const guideId = await world.fresh.guide();
    const long = Array.from({ length: 4000 }, (_, index) => ({
      type: 'paragraph',
      content: [{ type: 'text', text: `Paragraph ${index} of a long guide.` }],
    }));
    await world.server.server.collab.documents.withDocument(guideId, (doc) =>
      Y.applyUpdate(doc, encodeGuideBody({ type: 'doc', content: long } as never)),
    );
    const responses = await Promise.all(
      Array.from({ length: 4 }, () =>
        world.organiser.download(guideExport(guideId, '?format=docx')),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 200).length).toBeLessThan(4);
    expect(statuses.every((status) => status === 200 || status === 429)).toBe(true);
    // Each refusal says when to try again, as every other limit does.
    for (const response of responses.filter((each) => each.status === 429)) {
      expect(response.headers.get('retry-after')).toBe('5');
    }
    // Once it is written, the next is welcome.
    expect((await world.organiser.download(guideExport(guideId))).status).toBe(200);
  });

  it('a group removed while the session is compiled leaves a job that ends, and a server that works', async () => {
    const sessionId = await world.fresh.session();
    const groups = [];
    for (let index = 0; index < 6; index++) {
      groups.push(await createGroup(world.organiser, sessionId, `Doomed ${index}`));
    }
    const job = await world.organiser.expect<ExportJob>(201, 'POST', start(sessionId), {
      format: 'docx',
    });
    await world.organiser.expect(204, 'DELETE', apiPath('deleteGroup', { groupId: groups[5]!.id }));
    const end = await settled(world.organiser, job);
    expect(['done', 'failed']).toContain(end.state);
    const again = await world.organiser.request('POST', start(sessionId), { format: 'md' });
    expect(again.status).toBe(201);
    expect((again.body as ExportJob).total).toBe(5);
  });
});

describe('what compiled exports keep in memory', () => {
  const file = (size: number) => ({
    filename: 'x.md',
    contentType: 'text/markdown',
    bytes: new Uint8Array(size),
  });
  const job = { sessionId: 's', format: 'md' as const, filename: 'x.md', total: 1 };
  const finish = async (jobs: ExportJobs, owner: string, size: number) => {
    const started = jobs.start(owner, job, async () => file(size));
    await new Promise((resolve) => setTimeout(resolve, 0));
    return started.id;
  };
  const kept = (jobs: ExportJobs, owner: string, ids: string[]) =>
    ids.filter((id) => {
      try {
        jobs.file(owner, id);
        return true;
      } catch {
        return false;
      }
    });

  it('one person compiling again and again keeps only their few newest files', async () => {
    const jobs = new ExportJobs();
    const ids: string[] = [];
    for (let index = 0; index < 10; index++) ids.push(await finish(jobs, 'organiser', 1000));
    expect(kept(jobs, 'organiser', ids)).toEqual(ids.slice(-3));
  });

  it('files of many people together stay within the memory budget, the oldest forgotten first', async () => {
    const jobs = new ExportJobs({ maxKeptBytes: 2500 });
    const ids: Array<[string, string]> = [];
    for (let index = 0; index < 6; index++) {
      const owner = `observer${index}`;
      ids.push([owner, await finish(jobs, owner, 1000)]);
    }
    const left = ids.filter(([owner, id]) => kept(jobs, owner, [id]).length === 1);
    expect(left).toEqual(ids.slice(-2));
    // A file larger than the whole budget is still given to the one who asked for it.
    const big = await finish(jobs, 'organiser', 10_000);
    expect(kept(jobs, 'organiser', [big])).toEqual([big]);
  });
});

describe('exports while the server stops', () => {
  it('stops promptly with compiled exports running and queued, and nothing left failing later', async () => {
    const server = await startTestServer({ SEED_DEMO: 'false' });
    const session = await createCoCreationSession(server.organiser, 'Stopping');
    for (let index = 0; index < 4; index++) {
      await createGroup(server.organiser, session.id, `Group ${index}`);
    }
    const path = apiPath('startSessionExport', { sessionId: session.id });
    await server.organiser.expect(201, 'POST', path, { format: 'docx' });
    await server.organiser.expect(201, 'POST', path, { format: 'html' });
    const began = Date.now();
    await server.cleanup();
    expect(Date.now() - began).toBeLessThan(5000);
  });
});

describe('what a failed compiled export tells its starter', () => {
  it('words of ours, never the text of an internal error (database, file system)', async () => {
    const jobs = new ExportJobs();
    const started = jobs.start(
      'organiser',
      { sessionId: 's', format: 'md', filename: 'x.md', total: 1 },
      async () => {
        throw Object.assign(new Error('SQLITE_IOERR: disk I/O error at /var/lib/draftroom/db'), {
          code: 'SQLITE_IOERR',
        });
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    const job = jobs.get('organiser', started.id);
    expect(job.state).toBe('failed');
    expect(job.error).not.toMatch(/SQLITE|var\/lib/);
  });
});

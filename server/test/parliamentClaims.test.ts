// A parliament typed is not a parliament vouched for: anyone can write any parliament in their
// profile (or in joining), so the library gives a parliament's rights (its practices in any
// status, editing them) only to people the organisers or registration vouched for. Found by an
// attack: a participant renamed their parliament to another's and defaced its public practice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPath, type Me, type Practice, type PracticeList } from '@draftroom/shared';
import { ApiClient, createInvite, sampleProfile } from '../testing/index.ts';
import { importRows, tokenOf } from './helpers/conferenceApi.ts';
import {
  approvedPractice,
  confirmParliament,
  submitPractice,
  updatePractice,
} from './helpers/practiceFixtures.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';

describe('who speaks for a parliament in the library', () => {
  let server: TestServer;
  let eventId: string;
  let ghana: ApiClient;
  let submitted: Practice;
  let approved: Practice;
  const ghanaOf = { parliament: 'Parliament of Ghana', country: 'GH' } as const;
  const practicePath = (practice: Practice) => apiPath('getPractice', { practiceId: practice.id });
  const me = async (person: ApiClient) =>
    (await person.expect<Me>(200, 'GET', apiPath('me'))).person;
  const join = async (profile: { parliament: string; country: string }) =>
    ApiClient.join(
      server.url,
      (await createInvite(server.organiser, 'participant', { type: 'event', id: eventId }))
        .joinPath,
      sampleProfile(profile),
    );
  const mine = async (person: ApiClient) =>
    (
      await person.expect<PracticeList>(200, 'GET', `${apiPath('listPractices')}?mine=1`)
    ).practices.map((practice) => practice.id);

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000' });
    eventId = (await me(server.organiser)).eventId;
    ghana = await join(ghanaOf);
    await confirmParliament(server.organiser, ghana);
    submitted = await submitPractice(server.organiser, { ...ghanaOf, title: 'Waiting for review' });
    approved = await approvedPractice(server.organiser, { ...ghanaOf, title: 'Public practice' });
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('gives a confirmed delegate their parliament’s practices in any status', async () => {
    expect((await me(ghana)).parliamentConfirmed).toBe(true);
    await ghana.expect(200, 'GET', practicePath(submitted));
    expect(await mine(ghana)).toEqual(expect.arrayContaining([submitted.id, approved.id]));
    await updatePractice(ghana, approved, { summary: 'Updated by its own parliament.' });
    approved = await ghana.expect<Practice>(200, 'GET', practicePath(approved));
  });

  it('gives nothing to someone who only typed the parliament, in joining or in their profile', async () => {
    const mallory = await join({ parliament: 'Parliament of Evil', country: 'GB' });
    const renamed = await mallory.expect<Me>(200, 'PATCH', apiPath('updateMe'), {
      parliament: '  parliament of GHANA ',
      country: 'gh',
    });
    expect(renamed.person.parliamentConfirmed).toBe(false);
    const typed = await join(ghanaOf);
    for (const claimant of [mallory, typed]) {
      await claimant.expect(404, 'GET', practicePath(submitted));
      await claimant.expect(404, 'GET', apiPath('practiceVersions', { practiceId: submitted.id }));
      expect(await mine(claimant)).toEqual([approved.id]);
      // Readable (approved), not theirs to change.
      await updatePractice(claimant, approved, { title: 'DEFACED' }, 403);
    }
    expect((await ghana.expect<Practice>(200, 'GET', practicePath(approved))).title).toBe(
      'Public practice',
    );

    // They may still offer a practice for review, and keep the one they offered.
    const offered = await submitPractice(mallory, { ...ghanaOf, title: 'Offered by a claimant' });
    await updatePractice(mallory, offered, { summary: 'My own submission.' });
    await server.organiser.expect(200, 'GET', practicePath(offered));

    // Once the organisers vouch for them, they are delegates like the others.
    await confirmParliament(server.organiser, typed);
    await typed.expect(200, 'GET', practicePath(submitted));
  });

  it('takes the rights away from a delegate who changes their own parliament', async () => {
    const moving = await join(ghanaOf);
    await confirmParliament(server.organiser, moving);
    await moving.expect(200, 'GET', practicePath(submitted));
    await moving.expect(200, 'PATCH', apiPath('updateMe'), { country: 'KE' });
    await moving.expect(200, 'PATCH', apiPath('updateMe'), { country: 'GH' });
    expect((await me(moving)).parliamentConfirmed).toBe(false);
    await moving.expect(404, 'GET', practicePath(submitted));
    // Their name or language changes nothing.
    const renamed = await join(ghanaOf);
    await confirmParliament(server.organiser, renamed);
    await renamed.expect(200, 'PATCH', apiPath('updateMe'), { displayName: 'Kofi A. Mensah' });
    expect((await me(renamed)).parliamentConfirmed).toBe(true);
  });

  it('vouches for people the organisers import, until their own link says another parliament', async () => {
    const report = await importRows(server.organiser, [
      'Ama Owusu,Parliament of Ghana,GH,en,,',
      'Yaw Boateng,Parliament of Ghana,GH,en,,',
    ]);
    const [ama, yaw] = report.created;
    if (!ama || !yaw) throw new Error('both rows are imported');
    expect(ama.person.parliamentConfirmed).toBe(true);
    const asAma = await ApiClient.join(server.url, ama.joinPath, sampleProfile(ghanaOf));
    expect((await me(asAma)).parliamentConfirmed).toBe(true);
    await asAma.expect(200, 'GET', practicePath(submitted));
    // Yaw's personal link, used with another parliament typed in: declared only.
    const asYaw = await ApiClient.join(
      server.url,
      `/join/${tokenOf(yaw.joinPath)}`,
      sampleProfile({ parliament: 'Parliament of Kenya', country: 'KE' }),
    );
    expect((await me(asYaw)).parliamentConfirmed).toBe(false);
  });

  it('lets only organisers confirm, and shows the organisers who is confirmed', async () => {
    const person = await join(ghanaOf);
    await ghana.expect(403, 'PATCH', apiPath('updatePerson', { personId: person.personId }), {
      parliamentConfirmed: true,
    });
    await server.organiser.expect(
      400,
      'PATCH',
      apiPath('updatePerson', { personId: person.personId }),
      {
        parliamentConfirmed: 'yes',
      },
    );
    const listed = await server.organiser.expect<{
      people: Array<{ id: string; parliamentConfirmed: boolean }>;
    }>(200, 'GET', apiPath('listPeople'));
    expect(listed.people.find((p) => p.id === person.personId)?.parliamentConfirmed).toBe(false);
    expect(listed.people.find((p) => p.id === ghana.personId)?.parliamentConfirmed).toBe(true);
  });
});

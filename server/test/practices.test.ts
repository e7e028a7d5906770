// The good-practice library (issue 17) over HTTP against a real server: a delegate submits for
// their parliament, the organiser asks for changes with a note, the delegate saves (back to
// submitted), the organiser approves; every write is a version; a stale revision is 409;
// publication; delegates of another parliament and observers (merges: practiceLinks.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPath,
  practiceListSchema,
  practiceSchema,
  practiceVersionContentSchema,
  practiceVersionListSchema,
  publicLibrarySchema,
  publicPracticePageSchema,
  type ApiError,
  type Practice,
  type PracticeList,
  type PracticeListQuery,
} from '@draftroom/shared';
import type { ApiClient } from '../testing/index.ts';
import {
  approvedPractice,
  libraryCast,
  practiceInput,
  submitPractice,
  updatePractice,
} from './helpers/practiceFixtures.ts';
import type { TestServer } from './helpers/testServer.ts';

describe('the good-practice library', () => {
  let server: TestServer;
  let eventId: string;
  let ghana: ApiClient;
  let ghanaColleague: ApiClient;
  let kenya: ApiClient;
  let observer: ApiClient;

  const practicePath = (practiceId: string) => apiPath('getPractice', { practiceId });
  const list = async (person: ApiClient, query: PracticeListQuery = {}) =>
    practiceListSchema.parse(
      await person.expect<PracticeList>(
        200,
        'GET',
        `${apiPath('listPractices')}?${new URLSearchParams(query as Record<string, string>)}`,
      ),
    );
  const update = updatePractice;
  const review = (practice: Practice, to: string, note = '', status = 200) =>
    server.organiser.expect<Practice>(
      status,
      'POST',
      apiPath('reviewPractice', { practiceId: practice.id }),
      { revision: practice.revision, to, note },
    );

  beforeAll(async () => {
    ({ server, eventId, ghana, ghanaColleague, kenya, observer } = await libraryCast());
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('takes a practice from a delegate through changes requested to approved, each step a version', async () => {
    const submitted = practiceSchema.parse(await submitPractice(ghana));
    expect(submitted).toMatchObject({
      status: 'submitted',
      revision: 1,
      parliament: 'Parliament of Ghana',
      country: 'GH',
      region: 'AF',
      public: false,
      capabilities: { edit: true, curate: false },
    });
    // Not approved yet: its parliament and the organisers read it, nobody else (404, not 403).
    await ghanaColleague.expect(200, 'GET', practicePath(submitted.id));
    await server.organiser.expect(200, 'GET', practicePath(submitted.id));
    await kenya.expect(404, 'GET', practicePath(submitted.id));
    await observer.expect(404, 'GET', practicePath(submitted.id));

    const sentBack = await review(submitted, 'changes-requested', 'Add figures to the results.');
    expect(sentBack).toMatchObject({
      status: 'changes-requested',
      revision: 2,
      reviewNote: 'Add figures to the results.',
    });
    // A note is required to send a practice back.
    await review(sentBack, 'changes-requested', '', 400);

    const resubmitted = await update(ghanaColleague, sentBack, { summary: 'Now with figures.' });
    expect(resubmitted).toMatchObject({
      status: 'submitted',
      revision: 3,
      summary: 'Now with figures.',
    });
    // Someone saving from the revision before is told, and nothing is written.
    const stale = await ghana.request<ApiError>('PUT', practicePath(submitted.id), {
      ...practiceInput(),
      revision: 2,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('practice_stale');

    const approved = await review(resubmitted, 'approved');
    expect(approved).toMatchObject({ status: 'approved', revision: 4, reviewNote: null });
    // Approved: every signed-in person of the event reads it, contact included.
    const read = practiceSchema.parse(await observer.expect(200, 'GET', practicePath(approved.id)));
    expect(read.contact).toEqual({ name: 'Ama Mensah', email: 'ama@example.org' });
    expect(read.capabilities).toEqual({ edit: false, curate: false });
    expect(
      (await kenya.expect<Practice>(200, 'GET', practicePath(approved.id))).capabilities.edit,
    ).toBe(false);

    // Saving an approved practice keeps it approved (and is a version).
    const edited = await update(ghana, approved, { title: 'Open data for every bill' });
    expect(edited).toMatchObject({ status: 'approved', revision: 5 });

    const versions = practiceVersionListSchema.parse(
      await observer.expect(200, 'GET', apiPath('practiceVersions', { practiceId: approved.id })),
    ).versions;
    expect(versions.map((version) => [version.revision, version.kind])).toEqual([
      [5, 'updated'],
      [4, 'approved'],
      [3, 'updated'],
      [2, 'changes-requested'],
      [1, 'submitted'],
    ]);
    expect(versions[3]?.note).toBe('Add figures to the results.');
    expect(versions[4]?.by).toMatch(/^Person /);
    const first = practiceVersionContentSchema.parse(
      await ghana.expect(
        200,
        'GET',
        apiPath('practiceVersion', { practiceId: approved.id, revision: '1' }),
      ),
    );
    expect(first.content.title).toBe('An open-data portal for bills');
    expect(first.content.summary).not.toBe('Now with figures.');
    await ghana.expect(
      404,
      'GET',
      apiPath('practiceVersion', { practiceId: approved.id, revision: '9' }),
    );
    await ghana.expect(
      404,
      'GET',
      apiPath('practiceVersion', { practiceId: approved.id, revision: '1e3' }),
    );
  });

  it('lets delegates submit for their own parliament only, organisers for any, observers never', async () => {
    const refused = await kenya.request<ApiError>('POST', apiPath('submitPractice'), {
      ...practiceInput(),
      parliament: 'Parliament of Ghana',
      country: 'GH',
    });
    expect(refused.status).toBe(403);
    // Naming their own parliament (as typed differently) is theirs.
    const own = await submitPractice(ghanaColleague, {
      parliament: 'Parliament of Ghana',
      country: 'GH',
    });
    expect(own.parliament).toBe('Parliament of Ghana');
    await observer.expect(403, 'POST', apiPath('submitPractice'), practiceInput());
    const forKenya = await submitPractice(server.organiser, {
      parliament: 'National Assembly of Kenya',
      country: 'KE',
    });
    expect(forKenya.parliament).toBe('National Assembly of Kenya');
    // Kenya's delegate keeps it; Ghana's cannot even see it, nor move their own to Kenya.
    await kenya.expect(200, 'GET', practicePath(forKenya.id));
    await ghana.expect(404, 'GET', practicePath(forKenya.id));
    await update(ghana, own, { parliament: 'National Assembly of Kenya', country: 'KE' }, 403);
    // Observers read approved practices and write nothing.
    const approved = await approvedPractice(server.organiser, {
      parliament: 'Parliament of Ghana',
      country: 'GH',
    });
    await update(observer, approved, {}, 403);
    await update(kenya, approved, {}, 403);
    await observer.expect(403, 'POST', apiPath('reviewPractice', { practiceId: approved.id }), {
      revision: approved.revision,
      to: 'approved',
    });
    await ghana.expect(403, 'POST', apiPath('reviewPractice', { practiceId: own.id }), {
      revision: own.revision,
      to: 'approved',
    });
  });

  it('lists what each reader may read, with filters', async () => {
    const spanish = await approvedPractice(server.organiser, {
      parliament: 'Cortes Generales',
      country: 'ES',
      title: 'Sesiones a distancia',
      topics: ['remote-sittings'],
      audiences: ['library-research'],
      languages: ['es'],
    });
    const asObserver = await list(observer);
    expect(asObserver.practices.every((p) => p.status === 'approved')).toBe(true);
    expect(asObserver.capabilities).toMatchObject({
      submit: false,
      curate: false,
      parliament: null,
    });
    const asGhana = await list(ghana);
    expect(asGhana.practices.some((p) => p.status === 'submitted')).toBe(true);
    expect(
      asGhana.practices.every(
        (p) => p.status === 'approved' || p.parliament === 'Parliament of Ghana',
      ),
    ).toBe(true);
    expect(asGhana.capabilities).toMatchObject({
      submit: true,
      parliament: 'Parliament of Ghana',
      country: 'GH',
    });
    const asOrganiser = await list(server.organiser);
    expect(asOrganiser.practices.length).toBeGreaterThan(asGhana.practices.length);
    expect(
      (await list(server.organiser, { status: 'submitted' })).practices.every(
        (p) => p.status === 'submitted',
      ),
    ).toBe(true);
    const ids = (result: PracticeList) => result.practices.map((p) => p.id);
    expect(ids(await list(observer, { topic: 'remote-sittings' }))).toEqual([spanish.id]);
    expect(ids(await list(observer, { audience: 'library-research' }))).toEqual([spanish.id]);
    expect(ids(await list(observer, { language: 'es' }))).toEqual([spanish.id]);
    expect(ids(await list(observer, { country: 'ES' }))).toEqual([spanish.id]);
    expect(ids(await list(observer, { region: 'EU' }))).toEqual([spanish.id]);
    expect(ids(await list(observer, { parliament: 'cortes  generales' }))).toEqual([spanish.id]);
    expect(
      (await list(ghana, { mine: '1' })).practices.every(
        (p) => p.parliament === 'Parliament of Ghana',
      ),
    ).toBe(true);
    expect((await list(observer, { mine: '1' })).practices).toEqual([]);
  });

  it('makes only approved practices public, and the public pages show them only while published, without contact', async () => {
    const submitted = await submitPractice(ghana, { title: 'Not yet approved' });
    await server.organiser.expect(
      409,
      'PUT',
      apiPath('setPracticePublication', { practiceId: submitted.id }),
      { public: true },
    );
    const approved = await approvedPractice(server.organiser, { title: 'A public practice' });
    const made = await server.organiser.expect<Practice>(
      200,
      'PUT',
      apiPath('setPracticePublication', { practiceId: approved.id }),
      { public: true },
    );
    expect(made).toMatchObject({ public: true, revision: approved.revision });
    await ghana.expect(403, 'PUT', apiPath('setPracticePublication', { practiceId: approved.id }), {
      public: false,
    });

    const publicIndex = apiPath('publicLibrary', { eventId });
    const publicPage = apiPath('publicPractice', { eventId, practiceId: approved.id });
    const anonymous = async (path: string) => {
      const response = await fetch(`${server.url}${path}`);
      return { status: response.status, text: await response.text() };
    };
    expect((await anonymous(publicIndex)).status).toBe(404);
    expect((await anonymous(publicPage)).status).toBe(404);
    await server.organiser.expect(200, 'PUT', apiPath('updateLibrarySettings'), {
      published: true,
    });
    const index = publicLibrarySchema.parse(JSON.parse((await anonymous(publicIndex)).text));
    expect(index.practices.map((p) => p.id)).toEqual([approved.id]);
    const page = await anonymous(publicPage);
    expect(page.status).toBe(200);
    expect(publicPracticePageSchema.parse(JSON.parse(page.text)).practice.title).toBe(
      'A public practice',
    );
    expect(page.text).not.toContain('ama@example.org');
    expect(page.text).not.toContain('Ama Mensah');
    expect(
      (await anonymous(apiPath('publicPractice', { eventId, practiceId: submitted.id }))).status,
    ).toBe(404);
    // Sent back for changes, it leaves the public pages at once.
    await review(made, 'changes-requested', 'One more detail.');
    expect((await anonymous(publicPage)).status).toBe(404);
    await server.organiser.expect(200, 'PUT', apiPath('updateLibrarySettings'), {
      published: false,
    });
    expect((await anonymous(publicIndex)).status).toBe(404);
  });

  it('lets exactly one of two saves from the same revision win, with one version', async () => {
    const practice = await submitPractice(ghana, { title: 'Raced practice' });
    const answers = await Promise.all(
      [ghana, ghanaColleague].map((person, index) =>
        person.request('PUT', practicePath(practice.id), {
          ...practiceInput({ title: `Saved by ${index}` }),
          revision: practice.revision,
        }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const versions = practiceVersionListSchema.parse(
      await ghana.expect(200, 'GET', apiPath('practiceVersions', { practiceId: practice.id })),
    ).versions;
    expect(versions.map((version) => version.revision)).toEqual([2, 1]);
    const stored = await ghana.expect<Practice>(200, 'GET', practicePath(practice.id));
    const winner = answers.find((answer) => answer.status === 200)?.body as Practice;
    expect(stored.title).toBe(winner.title);

    // The statement itself: a writer that read revision 2 before another wrote it loses, even
    // when the service's early check passed (two instances, or reads in flight together).
    const { practices } = server.server.persistence.repositories;
    const record = await practices.get(practice.id);
    if (!record) throw new Error('the practice is stored');
    const next = { ...record, revision: record.revision + 1 };
    expect(await practices.compareAndSet(next, record.revision)).toBe(true);
    expect(
      await practices.compareAndSet(
        { ...next, content: { ...next.content, title: 'Late' } },
        record.revision,
      ),
    ).toBe(false);
    expect((await practices.get(practice.id))?.content.title).toBe(stored.title);
  });

  it('never shows again a practice the organisers hid while a save was in flight', async () => {
    const shown = await approvedPractice(server.organiser, { title: 'Shown, then hidden' });
    const publication = apiPath('setPracticePublication', { practiceId: shown.id });
    await server.organiser.expect(200, 'PUT', publication, { public: true });
    const { practices } = server.server.persistence.repositories;
    const readBefore = await practices.get(shown.id);
    if (!readBefore) throw new Error('the practice is stored');
    expect(readBefore.public).toBe(true);
    // Hidden meanwhile: the revision does not change, the flag does.
    await server.organiser.expect(200, 'PUT', publication, { public: false });
    const late = { ...readBefore, revision: readBefore.revision + 1 };
    expect(await practices.compareAndSet(late, readBefore.revision, readBefore.public)).toBe(false);
    expect((await practices.get(shown.id))?.public).toBe(false);
  });
});

import { apiPath, type Me, type Practice, type PracticeInput } from '@draftroom/shared';
import { ApiClient, createInvite, sampleProfile } from '../../testing/index.ts';
import type { World } from './actors.ts';
import { startTestServer, type TestServer } from './testServer.ts';

/** A paragraph of rich text as the editor writes it (ProseMirror JSON of the guide's schema). */
export const richText = (text: string, dir?: 'ltr' | 'rtl') => ({
  type: 'doc' as const,
  content: [
    {
      type: 'paragraph',
      ...(dir ? { attrs: { dir } } : {}),
      content: [{ type: 'text', text }],
    },
  ],
});

/** A whole practice input; `overrides` replace any field. */
export function practiceInput(overrides: Partial<PracticeInput> = {}): PracticeInput {
  return {
    title: 'An open-data portal for bills',
    audiences: ['digital-ict'],
    topics: ['open-data'],
    summary: 'Every bill and amendment published as open data the day it is tabled.',
    whatWasDone: richText('We published bills as XML and JSON with a public API.'),
    results: richText('Journalists and civic groups built three tracking tools within a year.'),
    lessons: richText('Start with one document type and a stable identifier scheme.'),
    contact: { name: 'Ama Mensah', email: 'ama@example.org' },
    links: [{ label: 'Portal', url: 'https://data.example.org' }],
    languages: ['en'],
    ...overrides,
  };
}

/** Submits a practice as `person` (their own parliament unless the input names one). */
export function submitPractice(
  person: ApiClient,
  overrides: Partial<PracticeInput> = {},
): Promise<Practice> {
  return person.expect<Practice>(201, 'POST', apiPath('submitPractice'), practiceInput(overrides));
}

/**
 * An approved practice of a named parliament: submitted by the organiser for it, then approved.
 * Defaults to the test profiles' parliament (`sampleProfile`: Parliament of Testland, KE), so the
 * world's delegates are its delegates.
 */
export async function approvedPractice(
  organiser: ApiClient,
  overrides: Partial<PracticeInput> = {},
): Promise<Practice> {
  const submitted = await submitPractice(organiser, {
    parliament: 'Parliament of Testland',
    country: 'KE',
    ...overrides,
  });
  return organiser.expect<Practice>(
    200,
    'POST',
    apiPath('reviewPractice', { practiceId: submitted.id }),
    { revision: submitted.revision, to: 'approved' },
  );
}

/** The authorization matrix's calls (issue 17): practices of a parliament none of its actors has. */
const ghana = { parliament: 'Parliament of Ghana', country: 'GH' } as const;
const shared = new WeakMap<World, Promise<Practice>>();
/** One approved, public practice of Ghana for the matrix's reading rows (made once per world). */
export const LP = async (w: World) => {
  let practice = shared.get(w);
  if (!practice) {
    practice = approvedPractice(w.organiser, ghana).then((made) =>
      w.organiser.expect<Practice>(
        200,
        'PUT',
        apiPath('setPracticePublication', { practiceId: made.id }),
        { public: true },
      ),
    );
    shared.set(w, practice);
  }
  return { practiceId: (await practice).id };
};
/**
 * A fresh approved practice of Ghana for the organiser's call that changes it; everyone else is
 * refused before anything changes, so they are sent the shared one (fewer writes: the per-person
 * write limit counts the organiser's).
 */
export async function freshPractice(w: World, actor: { name: string }): Promise<Practice> {
  if (actor.name === 'organiser') return approvedPractice(w.organiser, ghana);
  const { practiceId } = await LP(w);
  return w.organiser.expect<Practice>(200, 'GET', apiPath('getPractice', { practiceId }));
}
/** Publishes the world's library (the public rows answer 200 to everyone then). */
export async function publishedLibrary(w: World) {
  await w.organiser.expect(200, 'PUT', apiPath('updateLibrarySettings'), { published: true });
  return { eventId: w.eventId, ...(await LP(w)) };
}

/** The organisers vouch for a person's parliament and country (the library's delegate rights). */
export function confirmParliament(organiser: ApiClient, person: ApiClient): Promise<unknown> {
  return organiser.expect(200, 'PATCH', apiPath('updatePerson', { personId: person.personId }), {
    parliamentConfirmed: true,
  });
}

/**
 * A server with the library's cast: two delegates of Ghana (the parliament typed two ways, one
 * parliament by `parliamentKey`), one of Kenya, each confirmed by the organisers, and an
 * observer of Ghana.
 */
export async function libraryCast(): Promise<{
  server: TestServer;
  eventId: string;
  ghana: ApiClient;
  ghanaColleague: ApiClient;
  kenya: ApiClient;
  observer: ApiClient;
}> {
  const server = await startTestServer({
    SEED_DEMO: 'false',
    JOIN_RATE_LIMIT_PER_MINUTE: '100000',
  });
  const eventId = (await server.organiser.expect<Me>(200, 'GET', apiPath('me'))).person.eventId;
  const event = { type: 'event' as const, id: eventId };
  const join = async (role: 'participant' | 'observer', parliament: string, country: string) =>
    ApiClient.join(
      server.url,
      (await createInvite(server.organiser, role, event)).joinPath,
      sampleProfile({ parliament, country }),
    );
  const cast = {
    server,
    eventId,
    ghana: await join('participant', 'Parliament of Ghana', 'GH'),
    ghanaColleague: await join('participant', 'parliament of  GHANA', 'GH'),
    kenya: await join('participant', 'National Assembly of Kenya', 'KE'),
    observer: await join('observer', 'Parliament of Ghana', 'GH'),
  };
  for (const person of [cast.ghana, cast.ghanaColleague, cast.kenya, cast.observer]) {
    await confirmParliament(server.organiser, person);
  }
  return cast;
}

/** Saves `practice` as `person` from the revision it has, with `changes` over a whole input. */
export function updatePractice(
  person: ApiClient,
  practice: Practice,
  changes: object = {},
  status = 200,
): Promise<Practice> {
  return person.expect<Practice>(
    status,
    'PUT',
    apiPath('getPractice', { practiceId: practice.id }),
    {
      ...practiceInput({ title: practice.title }),
      revision: practice.revision,
      ...changes,
    },
  );
}

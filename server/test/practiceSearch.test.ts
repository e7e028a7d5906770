// Searching the library (issue 17) goes through the guides' own index (SQLite FTS5, or
// PostgreSQL's full-text search in the PostgreSQL run), folded the same way: a word found only in
// a practice's results is found in each of the four languages, typed with or without its accents,
// ñ, hamza or tashkeel; the hit says the field; a reader finds only what they may list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPath,
  practiceListSchema,
  type Me,
  type Practice,
  type PracticeListQuery,
} from '@draftroom/shared';
import { ApiClient, createInvite, sampleProfile } from '../testing/index.ts';
import { approvedPractice, richText, submitPractice } from './helpers/practiceFixtures.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

describe('searching the library in four languages', () => {
  let server: TestServer;
  let reader: ApiClient;
  const made: Record<string, Practice> = {};
  const search = async (person: ApiClient, q: string, more: PracticeListQuery = {}) =>
    practiceListSchema.parse(
      await person.expect(
        200,
        'GET',
        `${apiPath('listPractices')}?${new URLSearchParams({ q, ...(more as Record<string, string>) })}`,
      ),
    );

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000' });
    const eventId = (await server.organiser.expect<Me>(200, 'GET', apiPath('me'))).person.eventId;
    reader = await ApiClient.join(
      server.url,
      (await createInvite(server.organiser, 'observer', { type: 'event', id: eventId })).joinPath,
      sampleProfile({ parliament: 'Parliament of Nowhere', country: 'FR' }),
    );
    made.en = await approvedPractice(server.organiser, {
      title: 'Machine transcripts of sittings',
      results: richText('Verbatim reports now appear within ninety minutes.'),
      languages: ['en'],
    });
    made.fr = await approvedPractice(server.organiser, {
      parliament: 'Assemblée nationale',
      country: 'FR',
      title: 'Portail de données ouvertes',
      summary: 'Les textes publiés en données ouvertes.',
      results: richText('Les délibérations sont réutilisées par la presse régionale.'),
      languages: ['fr'],
    });
    made.es = await approvedPractice(server.organiser, {
      parliament: 'Congreso de los Diputados',
      country: 'ES',
      title: 'Sesiones a distancia',
      summary: 'Votación telemática durante la pandemia.',
      results: richText('La enseñanza cívica llegó a cuarenta escuelas.'),
      languages: ['es'],
    });
    made.ar = await approvedPractice(server.organiser, {
      parliament: 'مجلس النواب',
      country: 'JO',
      title: 'العرائض الإلكترونية',
      summary: 'منصة للعرائض.',
      results: richText('ازدادت المُشارَكة في الأرشيف البرلماني.', 'rtl'),
      languages: ['ar'],
    });
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  const only = (result: { practices: Array<{ id: string }> }) => result.practices.map((p) => p.id);

  it.each([
    ['en', 'ninety'],
    ['en', 'NINET'],
    ['fr', 'délibérations'],
    ['fr', 'deliberations'],
    ['es', 'enseñanza'],
    ['es', 'ensenanza'],
    ['ar', 'الأرشيف'],
    ['ar', 'الارشيف'],
    ['ar', 'المشاركة'],
    ['ar', 'المُشارَكة'],
  ])('finds the %s practice by a word of its results: %s', async (language, q) => {
    const found = await search(reader, q);
    expect(only(found)).toEqual([made[language]?.id]);
    expect(found.practices[0]?.match?.field).toBe('results');
    const snippet = found.practices[0]?.match?.snippet;
    expect(snippet?.marks.length).toBeGreaterThan(0);
    expect(found.words.length).toBeGreaterThan(0);
  });

  it('says which field matched: the title, the summary', async () => {
    expect((await search(reader, 'transcripts')).practices[0]?.match?.field).toBe('title');
    expect((await search(reader, 'telematica')).practices[0]?.match?.field).toBe('summary');
  });

  it('searches only among what the reader may list, after the filters', async () => {
    const hidden = await submitPractice(server.organiser, {
      parliament: 'Parliament of Ghana',
      country: 'GH',
      results: richText('Ninety submissions waited for review.'),
    });
    expect(only(await search(server.organiser, 'ninety')).sort()).toEqual(
      [made.en?.id, hidden.id].sort(),
    );
    expect(only(await search(reader, 'ninety'))).toEqual([made.en?.id]);
    expect(only(await search(reader, 'ninety', { language: 'fr' }))).toEqual([]);
    // A practice saved again is found by its new words only.
    const saved = await server.organiser.expect<Practice>(
      200,
      'PUT',
      apiPath('updatePractice', { practiceId: hidden.id }),
      {
        title: hidden.title,
        audiences: hidden.audiences,
        topics: hidden.topics,
        summary: hidden.summary,
        whatWasDone: hidden.whatWasDone,
        results: richText('Eighty submissions waited.'),
        lessons: hidden.lessons,
        contact: hidden.contact,
        links: hidden.links,
        languages: hidden.languages,
        revision: hidden.revision,
      },
    );
    expect(saved.revision).toBe(2);
    expect(only(await search(server.organiser, 'ninety'))).toEqual([made.en?.id]);
    expect(only(await search(server.organiser, 'eighty'))).toEqual([hidden.id]);
    // Guides' search never returns a practice.
    const guides = await reader.expect<{ hits: unknown[] }>(
      200,
      'GET',
      `${apiPath('searchGuides')}?q=ninety`,
    );
    expect(guides.hits).toEqual([]);
  });
});

describe("the demo's library", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('holds practices in four languages, one waiting, some public, the library unpublished, and indexed at start', async () => {
    const library = practiceListSchema.parse(
      await server.organiser.expect(200, 'GET', apiPath('listPractices')),
    );
    expect(library.published).toBe(false);
    expect(library.practices.map((p) => p.status).sort()).toEqual([
      'approved',
      'approved',
      'approved',
      'approved',
      'approved',
      'submitted',
    ]);
    expect(new Set(library.practices.flatMap((p) => p.languages))).toEqual(
      new Set(['en', 'fr', 'es', 'ar']),
    );
    expect(library.practices.some((p) => p.public)).toBe(true);
    // Each is a practice the server itself would accept (its checks run on every save).
    for (const summary of library.practices) {
      const practice = await server.organiser.expect<Practice>(
        200,
        'GET',
        apiPath('getPractice', { practiceId: summary.id }),
      );
      const { id, revision } = practice;
      const saved = await server.organiser.expect<Practice>(
        200,
        'PUT',
        apiPath('updatePractice', { practiceId: id }),
        {
          title: practice.title,
          audiences: practice.audiences,
          topics: practice.topics,
          summary: practice.summary,
          whatWasDone: practice.whatWasDone,
          results: practice.results,
          lessons: practice.lessons,
          contact: practice.contact,
          links: practice.links,
          languages: practice.languages,
          revision,
        },
      );
      expect(saved.whatWasDone).toEqual(practice.whatWasDone);
    }
    // Found by a word of the Arabic results, typed without hamza (indexed when the server started).
    const found = await waitFor(async () => {
      const result = practiceListSchema.parse(
        await server.organiser.expect(
          200,
          'GET',
          `${apiPath('listPractices')}?${new URLSearchParams({ q: 'اكثر عريضه' })}`,
        ),
      );
      expect(result.practices).toHaveLength(1);
      return result;
    });
    expect(found.practices[0]?.country).toBe('JO');
  });
});

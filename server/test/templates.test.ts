// Guide templates (issue 11): a group's empty guide starts from its session's template in the
// group's working language, exactly once, written by the server through the document host.
import { afterEach, describe, expect, it } from 'vitest';
import {
  apiPath,
  builtInTemplateId,
  type BreakoutGroup,
  type ConferenceSession,
  type GuideTemplate,
  type TemplateList,
} from '@draftroom/shared';
import { createCoCreationSession, createGroup, queryTestDatabase } from '../testing/index.ts';
import { connectClient, whenSynced, type HonestClient } from './helpers/clients.ts';
import { headingsOf, headingsOfState } from './helpers/guideOutline.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

const allLanguages = ['en', 'fr', 'es', 'ar'];
const doc = (...content: unknown[]) => ({ type: 'doc', content });
const heading = (text: string) => ({
  type: 'heading',
  attrs: { level: 2 },
  content: [{ type: 'text', text }],
});

describe('guide templates', () => {
  let server: TestServer;
  const clients: HonestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.cleanup();
  });

  const start = async (env: Record<string, string> = {}) => {
    server = await startTestServer({ SEED_DEMO: 'false', IDLE_UNLOAD_MS: '50', ...env });
  };
  const connect = (guideId: string) => {
    const client = connectClient(server, guideId);
    clients.push(client);
    return client;
  };
  const storedHeadings = async (guideId: string) =>
    headingsOfState(await server.server.collab.documents.readState(guideId));
  const claimOf = async (guideId: string) =>
    (
      await queryTestDatabase<{ at: string | null }>(
        server.databasePath,
        'SELECT template_applied_at AS at FROM guides WHERE id = ?',
        [guideId],
      )
    )[0]?.at;
  const session = (templateId: string | null) =>
    createCoCreationSession(server.organiser, 'Templates session', {
      templateId,
      languages: allLanguages,
    });
  /** Gives an existing session another template, as the session form does. */
  const chooseTemplate = async (chosen: ConferenceSession, templateId: string | null) => {
    const { id: _id, eventId: _eventId, ...rest } = chosen;
    await server.organiser.expect(200, 'PUT', apiPath('updateSession', { sessionId: chosen.id }), {
      ...rest,
      templateId,
    });
  };
  const group = (sessionId: string, workingLanguage: string) =>
    createGroup(server.organiser, sessionId, `Group ${workingLanguage}`, { workingLanguage });

  it('starts a new group’s guide from the built-in template in the group’s language', async () => {
    await start();
    const { id } = await session(builtInTemplateId);
    const french = await group(id, 'fr');
    const arabic = await group(id, 'ar');
    const french_headings = await storedHeadings(french.guideId);
    expect(french_headings).toEqual([
      'Titre de votre guide pratique',
      'Objectif',
      'Contexte',
      'Bonnes pratiques',
      'Étape par étape',
      'Liste de contrôle',
      'Écueils à éviter',
      'Ressources',
      'Contributeurs et contributrices',
    ]);
    expect(await storedHeadings(arabic.guideId)).toContain('الممارسات الجيدة');
    expect(await claimOf(french.guideId)).not.toBeNull();
  });

  it('gives the template exactly once when ten people open the empty guide at once', async () => {
    await start();
    // Made without a template, then given one: the guide is still empty and unclaimed, so the
    // first visits decide, all in the same instant.
    const chosen = await session(null);
    const spanish: BreakoutGroup = await group(chosen.id, 'es');
    expect(await claimOf(spanish.guideId)).toBeNull();
    await chooseTemplate(chosen, builtInTemplateId);

    const ten = Array.from({ length: 10 }, () => connect(spanish.guideId));
    await Promise.all(ten.map(whenSynced));
    for (const client of ten) {
      await waitFor(() => expect(headingsOf(client.doc)).toContain('Buenas prácticas'));
    }
    // Give a second copy every chance to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const client of ten) {
      expect(headingsOf(client.doc).filter((text) => text === 'Buenas prácticas')).toHaveLength(1);
    }
    expect(
      (await storedHeadings(spanish.guideId)).filter((text) => text === 'Buenas prácticas'),
    ).toHaveLength(1);
    expect(await claimOf(spanish.guideId)).not.toBeNull();
  });

  // Visits spread over a few milliseconds, as above, also meet the guide already written: the
  // template is only ever written into an empty body. What decides between attempts made in the
  // very same instant, both seeing it empty, is the database claim:
  it('lets exactly one of many simultaneous attempts write the template (the database decides)', async () => {
    await start();
    const chosen = await session(null);
    const arabic = await group(chosen.id, 'ar');
    await chooseTemplate(chosen, builtInTemplateId);
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => server.server.templates.apply(arabic.guideId)),
    );
    expect(outcomes.filter((outcome) => outcome === 'applied')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'alreadySettled')).toHaveLength(9);
    const headings = await storedHeadings(arabic.guideId);
    expect(headings.filter((text) => text === 'الممارسات الجيدة')).toHaveLength(1);
  });

  it('leaves a guide that already has content alone, and settles it for good', async () => {
    await start();
    const chosen = await session(null);
    const english = await group(chosen.id, 'en');
    const writer = connect(english.guideId);
    await whenSynced(writer);
    writer.text.insert(0, 'Our own start');
    await waitFor(async () => expect(await claimOf(english.guideId)).toBeNull());
    await chooseTemplate(chosen, builtInTemplateId);

    const reader = connect(english.guideId);
    await whenSynced(reader);
    await waitFor(async () => expect(await claimOf(english.guideId)).not.toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(reader.content()).toBe('Our own start');
    expect(headingsOf(reader.doc)).toEqual([]);
    expect(await storedHeadings(english.guideId)).toEqual([]);
  });

  it('gives the claim back when the template cannot be written, so a later visit writes it', async () => {
    // A guide budget too small for the template: the server change is refused, nothing stored.
    await start({ MAX_DOCUMENT_BYTES: '1024' });
    const { id } = await session(builtInTemplateId);
    const english = await group(id, 'en');
    expect(await claimOf(english.guideId)).toBeNull();
    expect(await storedHeadings(english.guideId)).toEqual([]);

    const { dataDir, organiser } = server;
    await server.stop();
    server = await startTestServer(
      { SEED_DEMO: 'false', IDLE_UNLOAD_MS: '50' },
      dataDir,
      organiser,
    );
    const visitor = connect(english.guideId);
    await whenSynced(visitor);
    await waitFor(() => expect(headingsOf(visitor.doc)).toContain('Good practices'));
    expect(await claimOf(english.guideId)).not.toBeNull();
  });

  it('uses an organiser’s template, its version in the group’s language, else the built-in one', async () => {
    await start();
    const create = (name: string, language: string, section: string) =>
      server.organiser.expect<GuideTemplate>(201, 'POST', apiPath('createTemplate'), {
        name,
        language,
        content: doc(heading(section)),
      });
    const english = await create('Committee guide', 'en', 'What the committee does');
    await create('Committee guide', 'fr', 'Ce que fait la commission');
    await create('Another guide', 'es', 'Otra guía');
    const { id } = await session(english.id);
    const groups = {
      en: await group(id, 'en'),
      fr: await group(id, 'fr'),
      es: await group(id, 'es'),
    };
    expect(await storedHeadings(groups.en.guideId)).toEqual(['What the committee does']);
    expect(await storedHeadings(groups.fr.guideId)).toEqual(['Ce que fait la commission']);
    // No Spanish "Committee guide": the built-in practical guide, in Spanish.
    expect(await storedHeadings(groups.es.guideId)).toContain('Buenas prácticas');
  });

  it('keeps templates per event, refuses what does not fit a guide, and protects templates in use', async () => {
    await start();
    const { organiser } = server;
    const made = await organiser.expect<GuideTemplate>(201, 'POST', apiPath('createTemplate'), {
      name: '  Guide\u0301 ',
      language: 'fr',
      content: { ...doc(heading('Objectif')), extra: 'dropped' },
    });
    expect(made.name).toBe('Guidé');
    // Stored as the editor schema reads it: unknown keys dropped, default attributes filled in.
    expect(made.content).not.toHaveProperty('extra');
    expect(made.content.content).toEqual([
      { ...heading('Objectif'), attrs: { level: 2, dir: null } },
    ]);
    const practical = await organiser.expect<GuideTemplate>(
      200,
      'GET',
      apiPath('getBuiltInTemplate', { language: 'es' }),
    );
    expect(practical).toMatchObject({
      id: builtInTemplateId,
      name: 'Guía práctica',
      builtIn: true,
    });
    await organiser.expect(404, 'GET', apiPath('getBuiltInTemplate', { language: 'de' }));
    const list = await organiser.expect<TemplateList>(200, 'GET', apiPath('listTemplates'));
    expect(list.templates.map((template) => [template.id, template.builtIn])).toEqual([
      [builtInTemplateId, true],
      [made.id, false],
    ]);

    const refused = async (body: Record<string, unknown>) => {
      const response = await organiser.request<{ error: { code: string } }>(
        'POST',
        apiPath('createTemplate'),
        { name: 'Bad', language: 'en', content: doc(heading('ok')), ...body },
      );
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('validation_failed');
    };
    await refused({ content: doc({ type: 'script', content: [] }) });
    await refused({ content: doc({ type: 'paragraph', content: [{ type: 'text', text: '' }] }) });
    await refused({ content: doc({ type: 'text', text: 'text straight in a doc' }) });
    await refused({ content: doc({ type: 'paragraph', attrs: { dir: 'sideways' } }) });
    await refused({
      content: doc({
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: 'x',
            marks: [{ type: 'link', attrs: { href: 'java\tscript:alert(1)' } }],
          },
        ],
      }),
    });
    await refused({
      content: doc({ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(200_001) }] }),
    });
    let deep: unknown = { type: 'paragraph' };
    for (let level = 0; level < 60; level += 1) {
      deep = { type: 'bulletList', content: [{ type: 'listItem', content: [deep] }] };
    }
    await refused({ content: doc(deep) });
    await refused({ content: { type: 'paragraph', content: [] } });
    // A million nested arrays fit in the 2 MB a body may have: refused, not a stack overflow.
    const nesting = 500_000;
    const deepBody = `{"name":"Deep","language":"en","content":{"type":"doc","content":[${'['.repeat(nesting)}${']'.repeat(nesting)}]}}`;
    const deepResponse = await fetch(`${server.url}${apiPath('createTemplate')}`, {
      method: 'POST',
      headers: { cookie: organiser.cookie, 'content-type': 'application/json' },
      body: deepBody,
    });
    expect(deepResponse.status).toBe(400);
    await refused({ name: 'gpj\u202Eexe' });
    await refused({ language: 'de' });

    // A session may only name a template of its own event.
    const bogus = await organiser.request('POST', apiPath('createSession'), {
      title: 'Bogus',
      description: '',
      kind: 'co-creation',
      audience: [],
      startsAt: '2021-06-18T12:00:00Z',
      endsAt: '2021-06-18T14:00:00Z',
      languages: ['en'],
      templateId: 'no-such-template',
    });
    expect(bogus.status).toBe(400);

    const using = await session(made.id);
    const inUse = await organiser.request(
      'DELETE',
      apiPath('deleteTemplate', { templateId: made.id }),
    );
    expect(inUse.status).toBe(409);
    await chooseTemplate(using, null);
    await organiser.expect(204, 'DELETE', apiPath('deleteTemplate', { templateId: made.id }));
    await organiser.expect(404, 'GET', apiPath('getTemplate', { templateId: made.id }));
  });

  it('seeds the demo’s co-creation session with the built-in template, its guides untouched', async () => {
    await start({ SEED_DEMO: 'true' });
    const programme = await server.organiser.expect<{ sessions: ConferenceSession[] }>(
      200,
      'GET',
      apiPath('programme'),
    );
    const coCreation = programme.sessions.find((candidate) => candidate.kind === 'co-creation');
    expect(coCreation?.templateId).toBe(builtInTemplateId);
    const reader = connect('open-data-for-bills');
    await whenSynced(reader);
    await waitFor(() => expect(headingsOf(reader.doc)).toEqual(['Publishing bills as open data']));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(headingsOf(reader.doc)).toEqual(['Publishing bills as open data']);
  });
});

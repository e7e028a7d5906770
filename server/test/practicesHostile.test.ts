// What a hostile client tries on the library (issue 17): rich text with script links, unknown
// nodes or a citation inside a practice; control and direction characters; another event's ids;
// oversize text; more practices than one parliament may have; writing too fast; a formula in the
// CSV; and the public pages asked for what was never published.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPath,
  maxTemplateContentChars,
  parliamentKey,
  type ApiError,
  type Me,
  type Practice,
  type PracticeInput,
} from '@draftroom/shared';
import { ApiClient, createInvite, sampleProfile } from '../testing/index.ts';
import { maxPracticesPerParliament } from '../src/services/practices/practiceService.ts';
import {
  approvedPractice,
  practiceInput,
  richText,
  submitPractice,
} from './helpers/practiceFixtures.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';
import { anotherEventOrganiser } from './helpers/actors.ts';

describe('the library against hostile input', () => {
  let server: TestServer;
  let eventId: string;
  let delegate: ApiClient;
  let otherOrganiser: ApiClient;
  let practice: Practice;

  const refusedSubmit = async (input: Partial<PracticeInput> | Record<string, unknown>) => {
    const answer = await delegate.request<ApiError>('POST', apiPath('submitPractice'), {
      ...practiceInput(),
      ...input,
    });
    return { status: answer.status, code: answer.body?.error?.code };
  };

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000' });
    eventId = (await server.organiser.expect<Me>(200, 'GET', apiPath('me'))).person.eventId;
    delegate = await ApiClient.join(
      server.url,
      (await createInvite(server.organiser, 'participant', { type: 'event', id: eventId }))
        .joinPath,
      sampleProfile({ parliament: 'Parliament of Testland', country: 'KE' }),
    );
    otherOrganiser = await anotherEventOrganiser(server, {
      startsOn: '2031-01-10',
      endsOn: '2031-01-11',
    });
    practice = await approvedPractice(server.organiser);
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('refuses script links, unknown nodes and attributes, and a citation inside a practice', async () => {
    const linked = (href: string) => ({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'Click', marks: [{ type: 'link', attrs: { href } }] }],
        },
      ],
    });
    for (const href of [
      'javascript:alert(1)',
      'data:text/html,<script>x</script>',
      ' JaVaScRiPt:x',
    ]) {
      expect(await refusedSubmit({ results: linked(href) })).toEqual({
        status: 400,
        code: 'validation_failed',
      });
    }
    expect(
      await refusedSubmit({
        lessons: { type: 'doc', content: [{ type: 'script', content: [] }] },
      }),
    ).toEqual({ status: 400, code: 'validation_failed' });
    expect(
      await refusedSubmit({
        whatWasDone: {
          type: 'doc',
          content: [
            { type: 'paragraph', attrs: { dir: 'evil' }, content: [{ type: 'text', text: 'x' }] },
          ],
        },
      }),
    ).toEqual({ status: 400, code: 'validation_failed' });
    expect(
      await refusedSubmit({
        results: {
          type: 'doc',
          content: [{ type: 'practiceCitation', attrs: { practiceId: practice.id } }],
        },
      }),
    ).toEqual({ status: 400, code: 'validation_failed' });
    // A safe link is kept; keys the schema does not know are dropped.
    const kept = await submitPractice(delegate, {
      results: { ...linked('https://example.org'), onclick: 'x' } as PracticeInput['results'],
    });
    expect(JSON.stringify(kept.results)).toContain('https://example.org');
    expect(JSON.stringify(kept.results)).not.toContain('onclick');
  });

  it('refuses control and direction-override characters, in fields and in rich text', async () => {
    for (const text of ['Hidden \u202Eevil', 'Bell \u0007', '\u2066isolated\u2069', 'NUL \u0000']) {
      expect(await refusedSubmit({ title: text })).toEqual({
        status: 400,
        code: 'validation_failed',
      });
      expect(await refusedSubmit({ results: richText(text) })).toEqual({
        status: 400,
        code: 'validation_failed',
      });
    }
    // Arabic's own marks are text, not controls.
    const arabic = await submitPractice(delegate, { title: 'العرائض \u200Fالإلكترونية' });
    expect(arabic.title).toContain('\u200F');
  });

  it('refuses oversize text and bodies', async () => {
    const long = richText('x'.repeat(maxTemplateContentChars));
    expect(await refusedSubmit({ results: long })).toEqual({
      status: 400,
      code: 'validation_failed',
    });
    expect(await refusedSubmit({ summary: 'y'.repeat(1001) })).toEqual({
      status: 400,
      code: 'validation_failed',
    });
    // A list of every language many times over, and a link that names one site and opens another.
    expect(await refusedSubmit({ languages: Array.from({ length: 5000 }, () => 'en') })).toEqual({
      status: 400,
      code: 'validation_failed',
    });
    for (const url of ['https://good.example@evil.example/', 'http://user:pw@evil.example']) {
      expect(await refusedSubmit({ links: [{ label: 'Portal', url }] })).toEqual({
        status: 400,
        code: 'validation_failed',
      });
    }
    expect(
      (
        await delegate.request('POST', apiPath('submitPractice'), {
          ...practiceInput({
            title: 'A link with @ in its path',
            links: [{ label: 'Profile', url: 'https://social.example/@parliament' }],
          }),
        })
      ).status,
    ).toBe(201);
    const tooBig = await delegate.request('POST', apiPath('submitPractice'), {
      ...practiceInput(),
      title: 'z'.repeat(3_000_000),
    });
    expect(tooBig.status).toBe(413);
  });

  it("answers 404 for another event's practices, whatever the call", async () => {
    const id = { practiceId: practice.id };
    await otherOrganiser.expect(404, 'GET', apiPath('getPractice', id));
    await otherOrganiser.expect(404, 'GET', apiPath('practiceVersions', id));
    await otherOrganiser.expect(404, 'GET', apiPath('practiceVersion', { ...id, revision: '1' }));
    await otherOrganiser.expect(404, 'PUT', apiPath('updatePractice', id), {
      ...practiceInput(),
      revision: practice.revision,
    });
    await otherOrganiser.expect(404, 'POST', apiPath('reviewPractice', id), {
      revision: practice.revision,
      to: 'approved',
    });
    await otherOrganiser.expect(404, 'PUT', apiPath('setPracticePublication', id), {
      public: false,
    });
    // Naming this event's practice as the target of their own merge: not found either.
    const theirs = await approvedPractice(otherOrganiser);
    await otherOrganiser.expect(404, 'POST', apiPath('mergePractice', { practiceId: theirs.id }), {
      revision: theirs.revision,
      into: practice.id,
    });
    const listed = await otherOrganiser.expect<{ practices: Array<{ id: string }> }>(
      200,
      'GET',
      apiPath('listPractices'),
    );
    expect(listed.practices.map((p) => p.id)).toEqual([theirs.id]);
  });

  it(`takes at most ${maxPracticesPerParliament} practices from one parliament`, async () => {
    const { practices } = server.server.persistence.repositories;
    const key = parliamentKey('Parliament of Filland', 'GH');
    const existing = await practices.countByParliament(eventId, key);
    const at = new Date().toISOString();
    for (let index = existing; index < maxPracticesPerParliament; index++) {
      await practices.insert({
        id: `filler${index}`,
        eventId,
        status: 'submitted',
        revision: 1,
        parliamentKey: key,
        content: {
          ...practiceInput(),
          parliament: 'Parliament of Filland',
          country: 'GH',
          contact: null,
        } as Parameters<typeof practices.insert>[0]['content'],
        public: false,
        mergedInto: null,
        reviewNote: null,
        submittedBy: null,
        createdAt: at,
        updatedAt: at,
      });
    }
    const full = await server.organiser.request<ApiError>('POST', apiPath('submitPractice'), {
      ...practiceInput(),
      parliament: 'parliament of  filland',
      country: 'GH',
    });
    expect(full.status).toBe(409);
    // Another parliament is not affected.
    await submitPractice(server.organiser, {
      parliament: 'Parliament of Elsewhere',
      country: 'GH',
    });
  });

  it('limits how often one person writes', async () => {
    const hurried = await ApiClient.join(
      server.url,
      (await createInvite(server.organiser, 'participant', { type: 'event', id: eventId }))
        .joinPath,
      sampleProfile({ parliament: 'Parliament of Hurry', country: 'KE' }),
    );
    const statuses: number[] = [];
    for (let index = 0; index < 31; index++) {
      statuses.push(
        (await hurried.request('POST', apiPath('submitPractice'), practiceInput())).status,
      );
    }
    expect(statuses.slice(0, 30).every((status) => status === 201)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('neutralises formulas in the CSV, with a BOM and CRLF', async () => {
    await approvedPractice(server.organiser, {
      title: '=HYPERLINK("http://evil.example","click")',
      summary: '+cmd|calc',
    });
    const response = await fetch(`${server.url}${apiPath('exportPracticesCsv')}`, {
      headers: { cookie: server.cookie },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('\r\n');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(text).toContain("'+cmd|calc");
    expect(text).not.toContain('ama@example.org');
    expect(text.split('\r\n')[0]).toContain('cited_by');
  });

  it('shows the public nothing unpublished and never a contact', async () => {
    const anonymous = async (path: string) => {
      const response = await fetch(`${server.url}${path}`);
      return { status: response.status, text: await response.text() };
    };
    const notPublic = await approvedPractice(server.organiser, { title: 'Approved, not public' });
    const submitted = await submitPractice(server.organiser, { title: 'Only submitted' });
    const shown = await approvedPractice(server.organiser, { title: 'Shown to the public' });
    await server.organiser.expect(
      200,
      'PUT',
      apiPath('setPracticePublication', { practiceId: shown.id }),
      {
        public: true,
      },
    );
    const page = (practiceId: string) => apiPath('publicPractice', { eventId, practiceId });
    // Unpublished library: nothing at all, not even the public one.
    expect((await anonymous(apiPath('publicLibrary', { eventId }))).status).toBe(404);
    expect((await anonymous(page(shown.id))).status).toBe(404);
    await server.organiser.expect(200, 'PUT', apiPath('updateLibrarySettings'), {
      published: true,
    });
    const index = await anonymous(apiPath('publicLibrary', { eventId }));
    expect(index.status).toBe(200);
    expect(index.text).toContain(shown.id);
    for (const hidden of [notPublic, submitted, practice]) {
      expect(index.text).not.toContain(hidden.id);
      expect((await anonymous(page(hidden.id))).status).toBe(404);
    }
    for (const text of [index.text, (await anonymous(page(shown.id))).text]) {
      expect(text).not.toContain('ama@example.org');
      expect(text).not.toContain('contact');
      expect(text).not.toContain('status');
      expect(text).not.toContain('reviewNote');
    }
    // Another event's id, or this practice under another event: not found.
    expect((await anonymous(apiPath('publicLibrary', { eventId: 'nosuchevent' }))).status).toBe(
      404,
    );
    const theirs = (await otherOrganiser.expect<Me>(200, 'GET', apiPath('me'))).person.eventId;
    await otherOrganiser.expect(200, 'PUT', apiPath('updateLibrarySettings'), { published: true });
    expect(
      (await anonymous(apiPath('publicPractice', { eventId: theirs, practiceId: shown.id })))
        .status,
    ).toBe(404);
  });
});

// Issue 15: a session's questions and polls leave the app as a CSV for those who run it, and as a
// "Questions and polls" chapter of the session's compiled export. Read back with independent
// readers: the project's own RFC 4180 reader (not csv-stringify, which writes it), fflate and
// marked for the Markdown zip, mammoth for the DOCX.
import { unzipSync, strFromU8 } from 'fflate';
import mammoth from 'mammoth';
import { marked, type Tokens } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPath,
  type ConferenceSession,
  type ExportJob,
  type Poll,
  type Question,
} from '@draftroom/shared';
import { parseCsv } from '../src/services/conference/csv.ts';
import { interactionCsvColumns } from '../src/services/interaction/interactionCsv.ts';
import {
  ApiClient,
  createCoCreationSession,
  createGroup,
  createInvite,
  sampleProfile,
} from '../testing/index.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';

// (A leading tab or carriage return never reaches storage: questions are trimmed. The CSV's own
// unit test covers those.)
const hostile = ['=HYPERLINK("http://evil","x")', '+1+1', '-2', '@SUM(A1)'];
const arabic = 'كيف تبدأ البرلمانات الصغيرة بالبيانات المفتوحة؟';
const anonymousAsker = 'Samira Anonymous-Asker';

type CsvRecord = Record<(typeof interactionCsvColumns)[number], string>;

describe('exporting a session’s questions and polls', { timeout: 180_000 }, () => {
  let server: TestServer;
  let session: ConferenceSession;
  let facilitator: ApiClient;
  let amina: ApiClient;
  let samira: ApiClient;
  let observer: ApiClient;
  const ids: Record<string, string> = {};

  const path = (name: 'askQuestion' | 'createPoll') => apiPath(name, { sessionId: session.id });
  const ask = async (who: ApiClient, text: string, anonymous = false) =>
    (await who.expect<Question>(201, 'POST', path('askQuestion'), { text, anonymous })).id;
  const vote = (who: ApiClient, questionId: string) =>
    who.expect(204, 'POST', apiPath('voteForQuestion', { sessionId: session.id, questionId }));
  const moderate = (questionId: string, status: string) =>
    facilitator.expect(
      200,
      'PATCH',
      apiPath('moderateQuestion', { sessionId: session.id, questionId }),
      { status },
    );
  const poll = async (body: unknown, ...actions: string[]) => {
    const created = await facilitator.expect<Poll>(201, 'POST', path('createPoll'), body);
    for (const action of actions) await act(created.id, action);
    return created.id;
  };
  const act = (pollId: string, action: string) =>
    facilitator.expect(200, 'POST', apiPath('pollAction', { sessionId: session.id, pollId }), {
      action,
    });
  const ballot = (who: ApiClient, pollId: string, body: unknown) =>
    who.expect(204, 'POST', apiPath('castBallot', { sessionId: session.id, pollId }), body);

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000' });
    session = await createCoCreationSession(server.organiser, 'Debate: open parliaments');
    await createGroup(server.organiser, session.id, 'Group A');
    const scope = { type: 'session' as const, id: session.id };
    const join = async (role: 'facilitator' | 'participant' | 'observer', name: string) =>
      ApiClient.join(
        server.url,
        (await createInvite(server.organiser, role, scope)).joinPath,
        sampleProfile({ displayName: name }),
      );
    facilitator = await join('facilitator', 'Fatima Facilitator');
    amina = await join('participant', 'Amina Diallo');
    samira = await join('participant', anonymousAsker);
    observer = await join('observer', 'Olga Observer');

    for (const [index, text] of hostile.entries()) ids[`hostile${index}`] = await ask(amina, text);
    ids.arabic = await ask(samira, arabic, true);
    ids.answered = await ask(amina, 'Who pays for the streaming?');
    ids.hidden = await ask(amina, 'A rude remark to hide');
    await moderate(ids.hidden, 'hidden');
    await moderate(ids.answered, 'answered');
    await facilitator.expect(200, 'PUT', apiPath('questionSettings', { sessionId: session.id }), {
      moderated: true,
    });
    ids.pending = await ask(amina, 'A question still held');
    for (const who of [amina, facilitator, server.organiser]) await vote(who, ids.arabic);
    await vote(samira, ids.hostile0!);

    ids.single = await poll(
      { kind: 'single', question: 'Which first?', options: ['Open data', 'البث المباشر', '=1+2'] },
      'open',
    );
    await ballot(amina, ids.single, { choices: [0] });
    await ballot(samira, ids.single, { choices: [0] });
    await ballot(facilitator, ids.single, { choices: [1] });
    await act(ids.single, 'reveal');
    await act(ids.single, 'close');
    ids.ranking = await poll(
      { kind: 'ranking', question: 'Rank these priorities', options: ['A', 'B', 'C'] },
      'open',
    );
    await ballot(amina, ids.ranking, { choices: [2, 0, 1] });
    await ballot(samira, ids.ranking, { choices: [2, 1, 0] });
    // Closed, never revealed: those who run the session see its results, observers do not.
    await act(ids.ranking, 'close');
    ids.words = await poll({ kind: 'words', question: 'One word?' }, 'open', 'reveal');
    await ballot(amina, ids.words, { words: ['Trust', 'شفافية'] });
    await ballot(samira, ids.words, { words: ['trust'] });
    ids.draft = await poll({ kind: 'single', question: 'A draft poll', options: ['x', 'y'] });
    ids.openHidden = await poll(
      { kind: 'single', question: 'Still running', options: ['x', 'y'] },
      'open',
    );
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  const csvOf = async (who: ApiClient) => {
    const file = await who.download(apiPath('exportInteraction', { sessionId: session.id }));
    expect(file.status, file.text).toBe(200);
    return file;
  };
  const records = (text: string): CsvRecord[] => {
    const [header, ...rows] = parseCsv(text).map((row) => row.cells);
    expect(header).toEqual([...interactionCsvColumns]);
    return rows.map(
      (cells) =>
        Object.fromEntries(header!.map((name, index) => [name, cells[index] ?? ''])) as CsvRecord,
    );
  };

  it('writes every question and poll result for an organiser, UTF-8 with BOM, CRLF', async () => {
    const file = await csvOf(server.organiser);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?[a-z0-9-]+-debate-open-parliaments-questions-and-polls\.csv"?$/,
    );
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const raw = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes);
    expect(raw.startsWith('\uFEFFkind,poll,')).toBe(true);
    // Every record ends CRLF; no bare LF outside quotes (none of these texts holds one).
    expect(raw.endsWith('\r\n')).toBe(true);
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/\n/);

    const rows = records(file.text);
    const questions = rows.filter((row) => row.kind === 'question');
    // Held and hidden ones too: the file is for those who moderate.
    expect(questions).toHaveLength(hostile.length + 4);
    expect(questions.map((row) => row.status).sort()).toEqual(
      [...hostile.map(() => 'approved'), 'approved', 'answered', 'hidden', 'pending'].sort(),
    );
    const arabicRow = questions.find((row) => row.text === arabic);
    expect(arabicRow).toMatchObject({ votes: '3', anonymous: 'yes', asker: anonymousAsker });
    expect(questions[0]?.text).toBe(arabic); // most votes first, as on the screen

    const single = rows.filter((row) => row.poll === 'Which first?');
    expect(single.map((row) => [row.kind, row.text, row.votes, row.ballots])).toEqual([
      ['poll', '', '', '3'],
      ['option', 'Open data', '2', ''],
      ['option', 'البث المباشر', '1', ''],
      ['option', "'=1+2", '0', ''],
    ]);
    expect(single[0]).toMatchObject({ poll_kind: 'single', status: 'closed', revealed: 'yes' });
    const ranking = rows.filter(
      (row) => row.poll === 'Rank these priorities' && row.kind !== 'poll',
    );
    // First places per option, and points (3 for a first place, 1 for the last).
    expect(ranking.map((row) => [row.text, row.votes, row.points])).toEqual([
      ['A', '0', '3'],
      ['B', '0', '3'],
      ['C', '2', '6'],
    ]);
    const words = rows.filter((row) => row.kind === 'word');
    expect(words.map((row) => [row.text, row.votes])).toEqual([
      ['Trust', '2'],
      ['شفافية', '1'],
    ]);
    // Drafts too, with no ballots (the organiser prepared them).
    expect(rows.find((row) => row.poll === 'A draft poll' && row.kind === 'poll')?.status).toBe(
      'draft',
    );
    // Polls in the order they were made.
    const pollOrder = rows.filter((row) => row.kind === 'poll').map((row) => row.poll);
    expect(pollOrder).toEqual([
      'Which first?',
      'Rank these priorities',
      'One word?',
      'A draft poll',
      'Still running',
    ]);
  });

  it('neutralises formulas: every cell a spreadsheet would run starts with a quote', async () => {
    const rows = records((await csvOf(server.organiser)).text);
    const texts = rows.filter((row) => row.kind === 'question').map((row) => row.text);
    for (const text of hostile) expect(texts).toContain(`'${text}`);
    expect(texts).not.toContain(hostile[0]);
    // And nothing else got a quote it did not need.
    expect(texts).toContain(arabic);
    expect(texts).toContain('Who pays for the streaming?');
    for (const row of rows) {
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('names no anonymous asker to a facilitator, and refuses those who do not run the session', async () => {
    const file = await csvOf(facilitator);
    expect(file.text).not.toContain(anonymousAsker);
    const rows = records(file.text);
    expect(rows.find((row) => row.text === arabic)).toMatchObject({
      asker: 'Anonymous',
      anonymous: 'yes',
    });
    expect(rows.find((row) => row.text === 'Who pays for the streaming?')?.asker).toBe(
      'Amina Diallo',
    );
    for (const who of [amina, observer]) {
      const refused = await who.download(apiPath('exportInteraction', { sessionId: session.id }));
      expect(refused.status).toBe(403);
      expect(refused.text).not.toContain(arabic);
    }
  });

  const compiled = async (who: ApiClient, format: 'md' | 'docx', locale = 'en') => {
    const job = await who.expect<ExportJob>(
      201,
      'POST',
      apiPath('startSessionExport', { sessionId: session.id }),
      { format, locale },
    );
    // The render worker starts cold; on a loaded machine that alone can take many seconds.
    for (let tries = 0; tries < 2_400; tries++) {
      const now = await who.expect<ExportJob>(
        200,
        'GET',
        apiPath('exportJob', { exportId: job.id }),
      );
      if (now.state === 'done') break;
      expect(now.state).toMatch(/queued|running/);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const file = await who.download(apiPath('exportFile', { exportId: job.id }));
    expect(file.status, file.text).toBe(200);
    return file.bytes;
  };

  it('adds a "Questions and polls" chapter after the guides in the compiled Markdown', async () => {
    const files = unzipSync(await compiled(observer, 'md'));
    expect(Object.keys(files).sort()).toEqual([
      '01-group-a.md',
      '02-questions-and-polls.md',
      'index.md',
    ]);
    const index = strFromU8(files['index.md']!);
    expect(index).toContain('[Questions and polls](02-questions-and-polls.md)');
    const chapter = strFromU8(files['02-questions-and-polls.md']!);
    const tokens = marked.lexer(chapter);
    const headings = tokens.flatMap((token) => (token.type === 'heading' ? [token.text] : []));
    expect(headings).toEqual([
      'Questions and polls',
      'Questions',
      'Polls',
      'Which first?',
      'Rank these priorities',
      'One word?',
    ]);
    const tables = tokens.filter((token) => token.type === 'table') as Tokens.Table[];
    const cells = (table: Tokens.Table) => table.rows.map((row) => row.map((cell) => cell.text));
    const questions = cells(tables[0]!);
    // On the list only (no held or hidden one), by votes; the anonymous asker is not named.
    expect(questions[0]).toEqual([arabic, 'Anonymous', '3', 'Open']);
    expect(questions.map((row) => row[0])).toContain('Who pays for the streaming?');
    expect(questions.find((row) => row[0] === 'Who pays for the streaming?')?.[3]).toBe('Answered');
    expect(questions).toHaveLength(hostile.length + 2);
    expect(chapter).not.toContain('A rude remark');
    expect(chapter).not.toContain('still held');
    expect(chapter).not.toContain(anonymousAsker);
    expect(cells(tables[1]!)).toEqual([
      ['Open data', '2'],
      ['البث المباشر', '1'],
      // The Markdown writer escapes a leading `=` (a setext underline); marked keeps the escape.
      ['\\=1+2', '0'],
    ]);
    expect(chapter).toContain('Single choice · Closed · Ballots: 3');
    // The ranking was closed without revealing: the observer's file says so, no figures.
    expect(chapter).toContain('The results were not revealed.');
    expect(cells(tables[2]!)).toEqual([
      ['Trust', '2'],
      ['شفافية', '1'],
    ]);
    // Drafts and polls still running unrevealed are not on record.
    expect(chapter).not.toContain('A draft poll');
    expect(chapter).not.toContain('Still running');
  });

  it('gives those who run the session the unrevealed results, still without anonymous names', async () => {
    const files = unzipSync(await compiled(server.organiser, 'md', 'fr'));
    const chapter = strFromU8(files['02-questions-et-sondages.md']!);
    expect(chapter).toContain('# Questions et sondages');
    expect(chapter).toContain('Classement · Clos · Votants\u00a0: 2');
    expect(chapter).not.toContain('pas été dévoilés');
    expect(chapter).toMatch(/\|\s*C\s*\|\s*2\s*\|\s*6\s*\|/);
    expect(chapter).not.toContain(anonymousAsker);
    expect(chapter).toContain('Anonyme');
  });

  it('renders the chapter in the compiled DOCX, read back by mammoth, in Arabic', async () => {
    const bytes = await compiled(server.organiser, 'docx', 'ar');
    const { value: marked } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    // Headings carry the table of contents' bookmarks; the text is what is checked.
    const html = marked.replace(/<a id="[^"]*"><\/a>/g, '');
    const chapterAt = html.indexOf('<h1>الأسئلة واستطلاعات الرأي</h1>');
    expect(chapterAt).toBeGreaterThan(html.indexOf('<h1>Group A</h1>'));
    const chapter = html.slice(chapterAt);
    expect(chapter).toContain(arabic);
    expect(chapter).toContain('<h2>استطلاعات الرأي</h2>');
    expect(chapter).toContain('<h3>Which first?</h3>');
    expect(chapter).toMatch(/<td><p>Open data<\/p><\/td><td><p>2<\/p><\/td>/);
    expect(chapter).toContain('مجهول');
    expect(chapter).not.toContain(anonymousAsker);
  });

  it('compiles a session with questions but no guide the caller may read', async () => {
    const debate = await createCoCreationSession(server.organiser, 'Debate without groups');
    await server.organiser.expect(201, 'POST', apiPath('askQuestion', { sessionId: debate.id }), {
      text: 'Only a question here?',
    });
    const job = await server.organiser.expect<ExportJob>(
      201,
      'POST',
      apiPath('startSessionExport', { sessionId: debate.id }),
      { format: 'md' },
    );
    expect(job.total).toBe(0);
    const empty = await createCoCreationSession(server.organiser, 'Nothing at all');
    const refused = await server.organiser.request(
      'POST',
      apiPath('startSessionExport', { sessionId: empty.id }),
      { format: 'md' },
    );
    expect(refused.status).toBe(409);
  });
});

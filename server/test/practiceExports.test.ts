// Good practices in exports (issue 17): a citation in a guide becomes a card in every format
// (DOCX read back with mammoth, HTML, Markdown, PDF text through pdfjs), the compiled session
// export lists the cited practices in an annex, and the library export compiles the event's
// approved practices. People's text is escaped like a guide's.
import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { apiPath, type BreakoutGroup, type ExportJob, type Me } from '@draftroom/shared';
import { encodeGuideBody } from '../src/services/demo/guideBody.ts';
import { pdfPages, requirePdfTools } from '../src/services/exports/pdf/testing/readPdf.ts';
import { ApiClient, createCoCreationSession, createGroup, createInvite } from '../testing/index.ts';
import { insertPractice } from './helpers/citationFixtures.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';

const cite = (practiceId: string) => ({ type: 'practiceCitation', attrs: { practiceId } });
const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const section = (text: string) => ({ type: 'doc', content: [para(text)] });

describe('good practices in exports', () => {
  let server: TestServer;
  let sessionId: string;
  let groups: BreakoutGroup[];
  let observer: ApiClient;
  const practice: Record<string, string> = {};

  beforeAll(async () => {
    requirePdfTools();
    server = await startTestServer({ SEED_DEMO: 'false', SEARCH_INDEX_QUIET_MS: '50' });
    const eventId = (await server.organiser.expect<Me>(200, 'GET', apiPath('me'))).person.eventId;
    const db = server.databasePath;
    practice.ghana = await insertPractice(db, {
      eventId,
      title: 'Open budget portal',
      summary: 'Budgets published as open data.',
      sections: {
        whatWasDone: section('Every line of the budget went online.'),
        results: section('Citizens asked 300 questions.'),
        lessons: section('Start with the data people ask for.'),
      },
    });
    practice.hostile = await insertPractice(db, {
      eventId,
      title: '<script>alert(1)</script> =cmd|calc',
      parliament: 'Parlement <b>du</b> Maroc',
      country: 'MA',
    });
    practice.draft = await insertPractice(db, {
      eventId,
      title: 'Unapproved draft practice',
      status: 'submitted',
    });
    const session = await createCoCreationSession(server.organiser, 'Open parliaments');
    sessionId = session.id;
    groups = [
      await createGroup(server.organiser, session.id, 'Group A'),
      await createGroup(server.organiser, session.id, 'المجموعة ب', { workingLanguage: 'ar' }),
    ];
    const write = (guideId: string, content: unknown[]) =>
      server.server.collab.documents.withDocument(guideId, (doc) =>
        Y.applyUpdate(doc, encodeGuideBody({ type: 'doc', content } as never)),
      );
    await write(groups[0]!.guideId, [
      para('As Ghana showed:'),
      cite(practice.ghana),
      cite(practice.hostile),
      cite(practice.draft),
    ]);
    await write(groups[1]!.guideId, [para('كما في غانا:'), cite(practice.ghana)]);
    await server.server.search.settled();
    observer = await ApiClient.join(
      server.url,
      (await createInvite(server.organiser, 'observer', { type: 'event', id: eventId })).joinPath,
    );
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  const guideFile = (format: string, locale = 'en') =>
    server.organiser.download(
      `${apiPath('exportGuide', { guideId: groups[0]!.guideId })}?format=${format}&locale=${locale}`,
    );

  it('renders a citation as a card in DOCX: title, parliament, country in the export’s language', async () => {
    const file = await guideFile('docx', 'fr');
    expect(file.status, file.text).toBe(200);
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(file.bytes) });
    expect(text).toContain('Bonne pratique\u00a0:');
    expect(text).toContain('Open budget portal — Parliament of Ghana (Ghana)');
    expect(text).toContain('(Maroc)');
    // A practice the library has not approved is not the library's word yet.
    expect(text).toContain('Bonne pratique non disponible');
    expect(text).not.toContain('Unapproved draft practice');
  });

  it('renders it in HTML, escaped', async () => {
    const file = await guideFile('html');
    expect(file.status).toBe(200);
    expect(file.text).toContain('Open budget portal — Parliament of Ghana (Ghana)');
    expect(file.text).not.toContain('<script>alert(1)');
    expect(file.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(file.text).not.toContain('<b>du</b>');
  });

  it('renders it in Markdown, escaped', async () => {
    const file = await guideFile('md');
    expect(file.status).toBe(200);
    expect(file.text).toContain('> **Good practice:**');
    expect(file.text).toContain('Open budget portal — Parliament of Ghana (Ghana)');
    expect(file.text).not.toContain('<script>');
    expect(file.text).toContain('Good practice not available');
  });

  it('renders it in PDF (text read back with pdfjs), in Arabic too', async () => {
    const file = await guideFile('pdf', 'ar');
    expect(file.status).toBe(200);
    const text = (await pdfPages(file.bytes)).join('\n');
    expect(text).toContain('Open budget portal');
    expect(text).toContain('Parliament of Ghana');
    expect(text).toContain('ممارسة جيدة');
  });

  it('lists the cited practices once in the compiled session export’s annex, with the guides citing them', async () => {
    const job = await server.organiser.expect<ExportJob>(
      201,
      'POST',
      apiPath('startSessionExport', { sessionId }),
      { format: 'docx', locale: 'en' },
    );
    for (let tries = 0; tries < 600; tries++) {
      const now = await server.organiser.expect<ExportJob>(
        200,
        'GET',
        apiPath('exportJob', { exportId: job.id }),
      );
      if (now.state === 'done') break;
      expect(now.state).not.toBe('failed');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const file = await server.organiser.download(apiPath('exportFile', { exportId: job.id }));
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(file.bytes) });
    const annex = text.slice(text.lastIndexOf('Good practices cited'));
    expect(annex).toContain('Open budget portal');
    expect(annex).toContain('Budgets published as open data.');
    expect(annex).toContain('Group A');
    expect(annex).toContain('المجموعة ب');
    expect(annex.split('Open budget portal').length - 1).toBe(1);
    expect(annex).not.toContain('Unapproved draft practice');
  });

  it('compiles the approved practices of the event into one DOCX and PDF for anyone of the event', async () => {
    const docx = await observer.download(`${apiPath('exportLibrary')}?format=docx`);
    expect(docx.status, docx.text).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(docx.bytes) });
    expect(text).toContain('Good-practice library');
    expect(text).toContain('Open budget portal');
    expect(text).toContain('Every line of the budget went online.');
    expect(text).toContain('Start with the data people ask for.');
    expect(text).toContain('<script>alert(1)</script> =cmd|calc');
    expect(text).not.toContain('Unapproved draft practice');
    // No guides, so no one to credit: no contributors annex.
    expect(text).not.toContain('Contributors by parliament');
    const pdf = await observer.download(`${apiPath('exportLibrary')}?format=pdf&locale=ar`);
    expect(pdf.status).toBe(200);
    const pages = (await pdfPages(pdf.bytes)).join('\n');
    expect(pages).toContain('Open budget portal');
    expect(pages).toContain('مكتبة الممارسات الجيدة');
    expect(pages).not.toContain('Unapproved draft practice');
    expect(pages).not.toContain('المساهمون حسب البرلمان');
    await observer.expect(400, 'GET', `${apiPath('exportLibrary')}?format=md`);
  });

  it('neutralises a formula-looking title as text, never a field (DOCX holds it as text)', async () => {
    const file = await observer.download(`${apiPath('exportLibrary')}?format=docx`);
    const xml = new TextDecoder().decode(unzipSync(file.bytes)['word/document.xml']);
    expect(xml).toContain('&lt;script&gt;');
    expect(xml).not.toContain('<w:fldSimple');
  });
});

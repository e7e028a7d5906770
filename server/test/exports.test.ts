// Issue 12: guides leave Draftroom as files, written by the server from what it stores. These
// tests go through the real server (HTTP, the document host, the render worker) and read every
// file back with an independent reader: mammoth for DOCX, a zip reader and marked for Markdown.
import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { marked } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { apiPath, type BreakoutGroup, type ExportJob } from '@draftroom/shared';
import { encodeGuideBody } from '../src/services/demo/guideBody.ts';
import { createCoCreationSession, createGroup } from '../testing/index.ts';
import { mixedGuide } from '../src/services/exports/testing/sampleBooks.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';

const paragraphs = (...lines: string[]) => ({
  type: 'doc',
  content: lines.map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })),
});

async function finished(server: TestServer, job: ExportJob): Promise<ExportJob> {
  for (let tries = 0; tries < 600; tries++) {
    const now = await server.organiser.expect<ExportJob>(
      200,
      'GET',
      apiPath('exportJob', { exportId: job.id }),
    );
    if (now.state !== 'queued' && now.state !== 'running') return now;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the export did not finish in 30 s');
}

describe('exports through the server', () => {
  let server: TestServer;
  let sessionId: string;
  let groups: BreakoutGroup[];

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false' });
    const session = await createCoCreationSession(server.organiser, 'Séance : transparence', {
      languages: ['en', 'ar'],
    });
    sessionId = session.id;
    groups = [
      await createGroup(server.organiser, session.id, 'Group A — Openness'),
      await createGroup(server.organiser, session.id, 'المجموعة ب', { workingLanguage: 'ar' }),
      await createGroup(server.organiser, session.id, 'Group C'),
    ];
    const host = server.server.collab.documents;
    const write = (guideId: string, content: unknown) =>
      host.withDocument(guideId, (doc) => Y.applyUpdate(doc, encodeGuideBody(content as never)));
    await write(groups[0]!.guideId, mixedGuide);
    await write(groups[1]!.guideId, paragraphs('تفتح اللجان جلساتها للجمهور.'));
    await write(groups[2]!.guideId, paragraphs('Group C wrote this.'));
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('exports one guide as DOCX named after event, session and group, read back by mammoth', async () => {
    const file = await server.organiser.download(
      `${apiPath('exportGuide', { guideId: groups[0]!.guideId })}?format=docx&pageSize=Letter`,
    );
    expect(file.status, file.text).toBe(200);
    expect(file.headers.get('content-type')).toContain('wordprocessingml');
    expect(file.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?[a-z0-9-]+-seance-transparence-group-a-openness\.docx"?$/,
    );
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(file.bytes) });
    expect(html).toContain('<h1>Opening the plenary to citizens</h1>');
    expect(html).toMatch(/<table>/);
    expect(html).toContain('الشفافية البرلمانية');
  });

  it('exports Markdown that parses back with the guide’s structure', async () => {
    const file = await server.organiser.download(
      `${apiPath('exportGuide', { guideId: groups[0]!.guideId })}?format=md`,
    );
    expect(file.status, file.text).toBe(200);
    const tokens = marked.lexer(file.text);
    const types = tokens.map((token) => token.type);
    expect(types).toContain('heading');
    expect(types).toContain('list');
    expect(types).toContain('table');
  });

  it('exports a consistent state while the guide is being written', async () => {
    const guideId = groups[2]!.guideId;
    const host = server.server.collab.documents;
    // Forty separate edits, each appending the next numbered word, while exports are taken.
    const writing = (async () => {
      for (let word = 1; word <= 40; word++) {
        await host.withDocument(guideId, (doc) => {
          const paragraph = doc.getXmlFragment('default').get(0) as Y.XmlElement;
          (paragraph.get(0) as Y.XmlText).insert(
            (paragraph.get(0) as Y.XmlText).length,
            ` w${word}`,
          );
        });
      }
    })();
    const texts: string[] = [];
    while (texts.length < 8) {
      const file = await server.organiser.download(
        `${apiPath('exportGuide', { guideId })}?format=md`,
      );
      expect(file.status).toBe(200);
      texts.push(file.text);
    }
    await writing;
    for (const text of texts) {
      const words = /Group C wrote this\.((?: w\d+)*)/.exec(text)?.[1]?.trim().split(' ') ?? [];
      const numbers = words.filter(Boolean).map((word) => Number(word.slice(1)));
      // Each export holds the first k edits, in order, none missing: one state, never a mix.
      expect(numbers).toEqual(numbers.map((_n, index) => index + 1));
    }
  });

  it('compiles the session into one DOCX with a chapter per group, in order', async () => {
    const job = await server.organiser.expect<ExportJob>(
      201,
      'POST',
      apiPath('startSessionExport', { sessionId }),
      { format: 'docx', locale: 'fr' },
    );
    expect(job.total).toBe(3);
    const done = await finished(server, job);
    expect(done).toMatchObject({ state: 'done', done: 3, total: 3, phase: 'writing' });
    const file = await server.organiser.download(apiPath('exportFile', { exportId: job.id }));
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('seance-transparence.docx');
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(file.bytes) });
    const positions = ['Group A — Openness', 'المجموعة ب', 'Group C'].map((name) =>
      text.indexOf(name, text.indexOf('Table des matières') + 20),
    );
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('compiles chosen guides as a zip of Markdown files with an index', async () => {
    const job = await server.organiser.expect<ExportJob>(
      201,
      'POST',
      apiPath('startSessionExport', { sessionId }),
      { format: 'md', guideIds: [groups[1]!.guideId, groups[2]!.guideId] },
    );
    await finished(server, job);
    const file = await server.organiser.download(apiPath('exportFile', { exportId: job.id }));
    expect(file.headers.get('content-type')).toBe('application/zip');
    const files = Object.keys(unzipSync(file.bytes));
    expect(files).toContain('index.md');
    expect(files).toHaveLength(3);
  });

  it('cancels a compiled export: it is gone, and its file never comes', async () => {
    const job = await server.organiser.expect<ExportJob>(
      201,
      'POST',
      apiPath('startSessionExport', { sessionId }),
      { format: 'docx' },
    );
    await server.organiser.expect(204, 'DELETE', apiPath('cancelExport', { exportId: job.id }));
    await server.organiser.expect(404, 'GET', apiPath('exportJob', { exportId: job.id }));
    const file = await server.organiser.download(apiPath('exportFile', { exportId: job.id }));
    expect(file.status).toBe(404);
  });

  it('refuses bad options and guides of another session, without touching anything', async () => {
    const guide = apiPath('exportGuide', { guideId: groups[0]!.guideId });
    for (const query of ['', '?format=exe', '?format=pdf&pageSize=A5', '?format=md&x=1']) {
      const file = await server.organiser.download(`${guide}${query}`);
      expect(file.status, query).toBe(400);
      expect(JSON.parse(file.text).error.code).toBe('validation_failed');
    }
    const other = await createCoCreationSession(server.organiser, 'Other session');
    const stranger = await createGroup(server.organiser, other.id, 'Elsewhere');
    const start = apiPath('startSessionExport', { sessionId });
    for (const body of [
      { format: 'docx', guideIds: [stranger.guideId] },
      { format: 'docx', guideIds: [groups[0]!.guideId, groups[0]!.guideId] },
      { format: 'docx', guideIds: [] },
      { format: 'docx', extra: true },
    ]) {
      const response = await server.organiser.request('POST', start, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('exports in the OpenAPI document', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false' });
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('documents the file routes with their query and a binary answer, and the job routes', async () => {
    const document = await server.organiser.expect<{
      paths: Record<
        string,
        Record<
          string,
          {
            parameters: { name: string; in: string; schema: { enum?: string[] } }[];
            responses: Record<string, { content?: Record<string, unknown> }>;
          }
        >
      >;
    }>(200, 'GET', '/api/openapi.json');
    const guide = document.paths['/api/guides/{guideId}/export']!.get!;
    const format = guide.parameters.find((parameter) => parameter.name === 'format');
    expect(format).toMatchObject({ in: 'query', schema: { enum: ['docx', 'pdf', 'html', 'md'] } });
    expect(guide.parameters.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['guideId', 'pageSize', 'locale']),
    );
    expect(Object.keys(guide.responses['200']!.content!)).toEqual(['application/octet-stream']);
    expect(document.paths['/api/sessions/{sessionId}/exports']!.post).toBeDefined();
    expect(Object.keys(document.paths['/api/exports/{exportId}']!)).toEqual(
      expect.arrayContaining(['get', 'delete']),
    );
    expect(document.paths['/api/exports/{exportId}/file']!.get).toBeDefined();
  });
});

describe('PDF export without a browser', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', CHROMIUM_PATH: '/nonexistent/chromium' });
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('answers 503 export_unavailable, and other formats still work', async () => {
    const session = await createCoCreationSession(server.organiser, 'No browser here');
    const group = await createGroup(server.organiser, session.id, 'Group');
    const guide = apiPath('exportGuide', { guideId: group.guideId });
    const pdf = await server.organiser.download(`${guide}?format=pdf`);
    expect(pdf.status).toBe(503);
    expect(JSON.parse(pdf.text).error.code).toBe('export_unavailable');
    const html = await server.organiser.download(`${guide}?format=html`);
    expect(html.status).toBe(200);
  });
});

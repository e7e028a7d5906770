// The "Questions and polls" chapter: a guide the schema accepts (so every format renders it with
// the guides' code), what it leaves out, and people's text crafted to break out of the HTML.
import { getSchema } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Poll, Question, SessionInteraction } from '@draftroom/shared';
import { guideExtensions } from '@draftroom/shared/editor';
import { renderHtml } from './html/renderHtml.ts';
import { interactionChapter } from './interactionChapter.ts';
import { nodeText, type ExportNode } from './model.ts';
import { renderMarkdown } from './markdown/renderMarkdown.ts';
import { compiledBook } from './testing/sampleBooks.ts';
import { strFromU8, unzipSync } from 'fflate';

/** The chapter's file in a compiled Markdown export, as lines. */
function renderMarkdownLines(extra: NonNullable<ReturnType<typeof interactionChapter>>) {
  const zip = unzipSync(renderMarkdown(compiledBook({ extras: [extra] })).bytes);
  const name = Object.keys(zip).find((file) => file.endsWith('questions-and-polls.md'))!;
  return strFromU8(zip[name]!).split('\n');
}

const breakout = '</td></table><img src=x onerror=alert(1)><script>alert(1)</script>';

const question = (overrides: Partial<Question>): Question => ({
  id: 'q',
  text: 'A question?',
  author: 'Amina Diallo',
  anonymous: false,
  mine: false,
  status: 'approved',
  pinned: false,
  votes: 0,
  votedByMe: false,
  createdAt: '2026-12-01T10:00:00.000Z',
  ...overrides,
});
const poll = (overrides: Partial<Poll>): Poll => ({
  id: 'p',
  kind: 'single',
  question: 'Which?',
  options: ['A', 'B'],
  status: 'closed',
  revealed: true,
  ballots: 3,
  results: { votes: [2, 1], points: null, words: null },
  myBallot: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  ...overrides,
});
const view = (questions: Question[], polls: Poll[]): SessionInteraction => ({
  sessionId: 's',
  moderated: false,
  canModerate: true,
  canTakePart: true,
  questions,
  hiddenCount: 0,
  pendingCount: 0,
  polls,
});

describe('the questions and polls chapter', () => {
  const schema = getSchema(guideExtensions());
  const full = view(
    [
      question({ id: 'a', text: breakout, author: breakout, votes: 2 }),
      question({ id: 'b', text: 'سؤال مجهول', author: 'Named To Organisers', anonymous: true }),
      question({ id: 'c', text: 'Held', status: 'pending' }),
      question({ id: 'd', text: 'Hidden', status: 'hidden' }),
      question({ id: 'e', text: 'Done', status: 'answered', votes: 5 }),
    ],
    [
      poll({ id: 'w', kind: 'words', options: [], question: breakout, results: null }),
      poll({ id: 'r', kind: 'ranking', options: ['', 'B'], status: 'open', revealed: false }),
      poll({
        id: 'x',
        kind: 'ranking',
        options: ['A', 'B'],
        results: { votes: [1, 2], points: [4, 5], words: null },
      }),
      poll({ id: 'd', status: 'draft', revealed: true, question: 'Draft' }),
    ],
  );

  it('is a guide the shared schema accepts, in any language', () => {
    for (const locale of ['en', 'fr', 'es', 'ar'] as const) {
      const chapter = interactionChapter(full, locale);
      expect(() => Node.fromJSON(schema, chapter!.content).check()).not.toThrow();
    }
  });

  it('records what the room saw: no held, hidden or draft item, no anonymous name', () => {
    const text = nodeText(interactionChapter(full, 'en')!.content);
    for (const absent of ['Held', 'Hidden', 'Draft', 'Named To Organisers']) {
      expect(text).not.toContain(absent);
    }
    expect(text).toContain('سؤال مجهول');
    expect(text).toContain('Anonymous');
    // The most voted first, answered or not; polls in the order they were made.
    expect(text.indexOf('Done')).toBeLessThan(text.indexOf(breakout));
    expect(text.indexOf('Ranking · Closed')).toBeLessThan(text.indexOf('Word cloud · Closed'));
    expect(text).toContain('The results were not revealed.');
  });

  it('keeps a multi-line question in its table cell, in every format', () => {
    const multiLine = view([question({ text: 'First line\nsecond line\twith a tab' })], []);
    const chapter = interactionChapter(multiLine, 'en')!;
    // A raw line break is not text of the schema's paragraphs (the editor writes hard breaks).
    expect(() => Node.fromJSON(schema, chapter.content).check()).not.toThrow();
    const lines = renderMarkdownLines(chapter);
    const rows = lines.filter((line) => line.startsWith('|'));
    expect(rows).toHaveLength(3); // header, delimiter, the question: one row, not two
    expect(rows[2]).toContain('First line');
    expect(rows[2]).toContain('First line<br>second line');
    // HTML (and so PDF) and DOCX get a line break, not a "\n" they would fold into a space.
    const texts: string[] = [];
    const walk = (node: ExportNode) => {
      if (node.type === 'text') texts.push(node.text ?? '');
      node.content?.forEach(walk);
    };
    walk(chapter.content);
    expect(texts.filter((value) => value.includes('\n'))).toEqual([]);
    const html = renderHtml(compiledBook({ extras: [chapter] }));
    expect(html).toContain('First line<br>second line');
  });

  it('is left out when there is nothing to record', () => {
    const nothing = view(
      [question({ status: 'pending' })],
      [poll({ status: 'open', revealed: false })],
    );
    expect(interactionChapter(nothing, 'en')).toBeNull();
  });

  it('goes through the HTML export’s escaping: people’s text makes no element', () => {
    const html = renderHtml(compiledBook({ extras: [interactionChapter(full, 'ar')!] }));
    const document = new DOMParser().parseFromString(html, 'text/html');
    const tags = new Set(
      [...document.querySelectorAll('*')].map((element) => element.tagName.toLowerCase()),
    );
    for (const tag of ['script', 'img']) expect(tags.has(tag), tag).toBe(false);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // Listed in the contents, and a section after the guides', before the annex.
    const section = document.querySelector('#extra-1');
    expect(section?.querySelector('h1')?.textContent).toBe('الأسئلة واستطلاعات الرأي');
    expect(document.querySelector('a[href="#extra-1"]')).not.toBeNull();
    expect(html.indexOf('id="extra-1"')).toBeLessThan(html.indexOf('id="contributors"'));
    expect(html.indexOf('id="chapter-1"')).toBeLessThan(html.indexOf('id="extra-1"'));
  });
});

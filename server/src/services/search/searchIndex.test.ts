import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openPersistence, type Persistence } from '../../persistence/index.ts';
import { replaceContentWith } from '../versions/guideContent.ts';
import { textBlocksOfState, type TextBlock } from './guideBlocks.ts';
import { fold, matchExpression, queryWords } from './folding.ts';
import { sqliteSearchIndex, type SearchIndex } from './searchIndex.ts';
import { snippetOf } from './snippet.ts';

const blocks = (...texts: string[]): TextBlock[] =>
  texts.map((text, block) => ({ block, dir: null, text }));

// The SQLite FTS5 index on a real database file: what it finds, how it folds, what it refuses
// to treat as syntax, and that a guide's rows are replaced and removed whole.
describe('search index (SQLite FTS5)', () => {
  let dir: string;
  let persistence: Persistence;
  let index: SearchIndex;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'draftroom-search-'));
    persistence = await openPersistence(join(dir, 'search.sqlite'));
    index = sqliteSearchIndex(persistence);
  });
  afterEach(async () => {
    await persistence.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const find = async (q: string, guideIds = ['g1', 'g2', 'g3']) =>
    (await index.query(q, guideIds, 20)).hits.map((hit) => `${hit.guideId}#${hit.block}`);

  it('ignores case and French and Spanish diacritics, both ways', async () => {
    await index.update('g1', blocks('Le Café de la Gare', 'El niño comió en España'));
    await index.update('g2', blocks('cafe au lait', 'Espana y Mexico'));
    expect(await find('café')).toEqual(expect.arrayContaining(['g1#0', 'g2#0']));
    expect((await find('CAFE')).sort()).toEqual(['g1#0', 'g2#0']);
    expect((await find('espana')).sort()).toEqual(['g1#1', 'g2#1']);
    expect(await find('NIÑO')).toEqual(['g1#1']);
    expect(await find('garé')).toEqual(['g1#0']);
  });

  it('finds Arabic words whatever their hamza, alef, yeh, teh marbuta, vowel marks or tatweel', async () => {
    await index.update('g1', blocks('مرحبا بكم في المؤتمر الدولي', 'إعلان المدرسة', 'مستشفى'));
    await index.update('g2', blocks('الْعَرَبِيَّةُ لغة جميلة', 'كتـــاب'));
    expect(await find('المؤتمر')).toEqual(['g1#0']);
    expect(await find('اعلان')).toEqual(['g1#1']); // typed without the hamza under the alef
    expect(await find('المدرسه')).toEqual(['g1#1']); // heh for teh marbuta
    expect(await find('مستشفي')).toEqual(['g1#2']); // yeh for alef maksura
    expect(await find('العربية')).toEqual(['g2#0']); // the text has full tashkeel
    expect(await find('كتاب')).toEqual(['g2#1']); // the text has tatweel
    expect(await find('أَعْلان')).toEqual(['g1#1']); // the query has marks and a hamza
    await index.update('g3', blocks('ٱلرحمن'));
    expect(await find('الرحمن')).toEqual(['g3#0']); // alef wasla
  });

  it('matches every word as a prefix, all in one block, and names the block', async () => {
    await index.update('g1', blocks('Opening words', 'The migration corridor plan', 'migration'));
    expect(await find('migr corr')).toEqual(['g1#1']);
    expect((await find('migration')).sort()).toEqual(['g1#1', 'g1#2']);
    expect(await find('corridor nothing')).toEqual([]);
  });

  it('treats hostile input as plain words: never FTS5 syntax, never an error', async () => {
    await index.update('g1', blocks('near the end', 'and or not', 'a "quoted" word'));
    for (const q of [
      '"',
      '*',
      'NEAR(',
      'near(',
      '"a" OR "b"',
      '^',
      'and OR',
      '-not',
      ':',
      '{x}',
      "l'",
      '(',
      ')"*',
    ]) {
      await expect(index.query(q, ['g1'], 20), q).resolves.toBeDefined();
    }
    expect(await find('NEAR(')).toEqual(['g1#0']);
    expect(await find('"quoted')).toEqual(['g1#2']);
    expect(await find('*')).toEqual([]);
    expect(matchExpression(queryWords('NEAR("xx" y)*'))).toBe('"near"* "xx"* "y"');
  });

  it('takes a single letter as a whole word, not as the prefix of most of the vocabulary', async () => {
    await index.update('g1', blocks('a plan for all', 'another way'));
    expect(await find('a')).toEqual(['g1#0']);
    expect(await find('an')).toEqual(['g1#1']);
    expect(await find('a plan')).toEqual(['g1#0']);
  });

  it('searches only the guides it is given', async () => {
    await index.update('g1', blocks('shared word'));
    await index.update('g2', blocks('shared word'));
    expect(await find('shared', ['g2'])).toEqual(['g2#0']);
    expect(await find('shared', [])).toEqual([]);
  });

  it('replaces a guide’s old text on update and forgets it on removal', async () => {
    await index.update('g1', blocks('first draft', 'second paragraph'));
    await index.update('g2', blocks('first other'));
    await index.update('g1', blocks('rewritten'));
    expect(await find('first')).toEqual(['g2#0']);
    expect(await find('second')).toEqual([]);
    expect(await find('rewritten')).toEqual(['g1#0']);
    await index.remove('g1');
    expect(await find('rewritten')).toEqual([]);
    expect(await find('first')).toEqual(['g2#0']);
  });

  it('lists guides never indexed, or marked stale since', async () => {
    const at = new Date().toISOString();
    for (const id of ['g1', 'g2', 'g3']) {
      await persistence.repositories.guides.create({ id, title: id, createdAt: at });
    }
    await index.update('g1', blocks('one'));
    await index.update('g2', blocks('two'));
    expect(await index.pending()).toEqual(['g3']);
    await index.markStale('g2');
    expect((await index.pending()).sort()).toEqual(['g2', 'g3']);
    await index.update('g2', blocks('two again'));
    expect(await index.pending()).toEqual(['g3']);
  });
});

describe('guide blocks', () => {
  it('counts text blocks as the editor does (list items and cells by their paragraphs), with direction', () => {
    const doc = new Y.Doc();
    replaceContentWith({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Title' }] },
        { type: 'paragraph' },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              attrs: { dir: 'rtl' },
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'بند أول' }] }],
            },
          ],
        },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
            { type: 'text', text: ' and plain' },
          ],
        },
      ],
    })(doc);
    expect(textBlocksOfState(Y.encodeStateAsUpdate(doc))).toEqual([
      { block: 0, dir: null, text: 'Title' },
      { block: 2, dir: 'rtl', text: 'بند أول' },
      { block: 3, dir: null, text: 'bold and plain' },
    ]);
  });
});

describe('snippets', () => {
  it('marks each matched word by its offsets in the written text', () => {
    const snippet = snippetOf('Le café, et les CAFÉS.', queryWords('cafe'));
    expect(snippet.marks.map((m) => snippet.text.slice(m.start, m.end))).toEqual(['café', 'CAFÉS']);
    expect(snippet.cutBefore || snippet.cutAfter).toBe(false);
  });

  it('marks an Arabic word written with its vowels', () => {
    const text = 'هذه اللُّغَةُ الْعَرَبِيَّةُ';
    const snippet = snippetOf(text, queryWords('العربية'));
    expect(snippet.marks.map((m) => snippet.text.slice(m.start, m.end))).toEqual(['الْعَرَبِيَّةُ']);
  });

  it('cuts a long block around the first match, at spaces', () => {
    const text = `${'word '.repeat(100)}target ${'more '.repeat(100)}`.trim();
    const snippet = snippetOf(text, ['target']);
    expect(snippet.cutBefore && snippet.cutAfter).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(220);
    const [mark] = snippet.marks;
    expect(mark && snippet.text.slice(mark.start, mark.end)).toBe('target');
    expect(snippet.text.startsWith('word')).toBe(true);
  });

  it('folds the way the index folds', () => {
    expect(fold('ÉCOLE')).toBe('ecole');
    expect(fold('أإآ')).toBe('ااا');
  });
});

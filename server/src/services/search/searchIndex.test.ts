import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { searchBackends } from '../../../test/helpers/searchBackends.ts';
import type { ConferenceStore } from '../../persistence/index.ts';
import { replaceContentWith } from '../versions/guideContent.ts';
import { textBlocksOfState, type TextBlock } from './guideBlocks.ts';
import { fold, matchExpression, queryWords } from './folding.ts';
import type { SearchIndex } from './searchIndex.ts';
import { snippetOf } from './snippet.ts';

const blocks = (...texts: string[]): TextBlock[] =>
  texts.map((text, block) => ({ block, dir: null, text }));

// The same behaviours on both indexes, on real databases: what they find, how they fold, what
// they refuse to treat as syntax, and that a guide's rows are replaced and removed whole.
describe.each(searchBackends)('search index ($name)', (backend) => {
  let store: ConferenceStore;
  let index: SearchIndex;
  let close: () => Promise<void>;
  beforeAll(() => backend.setUp());
  afterAll(() => backend.tearDown());
  beforeEach(async () => {
    ({ store, index, close } = await backend.open());
  });
  afterEach(() => close());
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
  });

  it('treats tsquery and SQL syntax, backslashes and odd lengths as words too', async () => {
    await index.update('g1', blocks('drop table plans', "l'école d'été", 'back slash words'));
    const odd = [
      "'",
      "''",
      '\\',
      "\\'",
      "a\\'b",
      '&|!():*',
      "'drop':* | 'x'",
      '!drop & table',
      'drop <-> table',
      'drop:A',
      'drop:*B',
      '$1',
      '%_',
      "'; DROP TABLE search_blocks; --",
      "' OR 1=1 --",
      '); SELECT pg_sleep(10); --',
      '.,;:!?¿¡…—«»',
      '\u0000',
      'x'.repeat(100_000),
      Array.from({ length: 5_000 }, (_, i) => `w${i}`).join(' '),
      `${'ش'.repeat(3_000)} ${'é'.repeat(3_000)}`,
    ];
    for (const q of odd) {
      const label = q.length > 40 ? `${q.slice(0, 40)}… (${q.length})` : q;
      await expect(index.query(q, ['g1'], 20), label).resolves.toBeDefined();
    }
    expect(await find('.,;:!?¿¡…—«»')).toEqual([]);
    expect(await find("'drop':* | 'x'")).toEqual([]); // drop and x: no block has both
    expect(await find('!drop & table')).toEqual(['g1#0']);
    expect(await find("'; DROP TABLE search_blocks; --")).toEqual([]); // no `search` anywhere
    expect(await find("' OR 1=1 --")).toEqual([]);
    expect(await find("l'ecole")).toEqual(['g1#1']);
    expect(await find('back\\slash')).toEqual(['g1#2']);
    expect(await find('drop table')).toEqual(['g1#0']); // and the table is still there
  });

  it('stores hostile text whole: quotes, syntax, a NUL, a very long word, thousands of words', async () => {
    const longWord = 'w'.repeat(3_000);
    const many = Array.from({ length: 20_000 }, (_, i) => `word${i % 500}`).join(' ');
    const texts = [
      "it's 'quoted':* & !not | (x) \\ back\\slash",
      'before\u0000after',
      `long ${longWord} end`,
      `${many} lastword`,
      '😀 emoji قبل',
    ];
    await index.update('g1', blocks(...texts));
    expect(await find("it's")).toEqual(['g1#0']);
    expect(await find('quoted not')).toEqual(['g1#0']);
    expect(await find('backslash')).toEqual([]);
    expect(await find('back slash')).toEqual(['g1#0']);
    expect(await find('after')).toEqual(['g1#1']);
    expect(await find('w'.repeat(200))).toEqual(['g1#2']); // the longest search there can be
    expect(await find('word499 word7')).toEqual(['g1#3']);
    expect(await find('lastword')).toEqual(['g1#3']);
    expect(await find('قبل')).toEqual(['g1#4']);
    // Every block comes back as long as it was written, so snippet offsets hold.
    const { hits } = await index.query('end', ['g1'], 20);
    expect(hits.map((hit) => hit.text.length)).toEqual([texts[2]?.length]);
    const nul = (await index.query('after', ['g1'], 20)).hits[0];
    expect(nul?.text.length).toBe(texts[1]?.length);
  });

  it('ranks blocks where the words weigh more first: more often, in fewer words', async () => {
    await index.update('g1', blocks('cafe a b c d e f g h', 'cafe x'));
    await index.update('g2', blocks('cafe cafe cafe x'));
    // In guide and block order these would come last first: the order is the ranking's.
    expect(await find('caf')).toEqual(['g2#0', 'g1#1', 'g1#0']);
  });

  it('gives back each block’s text as written, so the snippet marks the matched words', async () => {
    const text = 'Le CAFÉ de la gare, الْعَرَبِيَّةُ 😀 et les cafés.';
    await index.update('g1', [{ block: 4, dir: 'rtl', text }]);
    const { words, hits } = await index.query('café العربية', ['g1'], 20);
    expect(hits).toEqual([{ guideId: 'g1', block: 4, dir: 'rtl', text }]);
    const snippet = snippetOf(hits[0]?.text ?? '', words);
    expect(snippet.marks.map((m) => snippet.text.slice(m.start, m.end))).toEqual([
      'CAFÉ',
      'الْعَرَبِيَّةُ',
      'cafés',
    ]);
  });

  it('gives at most `limit` hits, the best of them', async () => {
    await index.update('g1', blocks('plan one', 'plan plan', 'plan three', 'plan four'));
    expect(await index.query('plan', ['g1'], 2).then((r) => r.hits.map((h) => h.block))).toEqual([
      1,
      expect.any(Number),
    ]);
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
      await store.repositories.guides.create({ id, title: id, createdAt: at });
    }
    await index.update('g1', blocks('one'));
    await index.update('g2', blocks('two'));
    expect(await index.pending()).toEqual(['g3']);
    await index.markStale('g2');
    expect((await index.pending()).sort()).toEqual(['g2', 'g3']);
    await index.update('g2', blocks('two again'));
    expect(await index.pending()).toEqual(['g3']);
  });

  it('keeps a guide stale when it was marked again after its text was read', async () => {
    const at = new Date().toISOString();
    await store.repositories.guides.create({ id: 'g1', title: 'g1', createdAt: at });
    await index.update('g1', blocks('one'));
    await index.markStale('g1');
    const seen = await index.staleMark('g1');
    expect(seen).toBe(1);
    // An edit stored while the re-index reads the text: its mark must survive the update.
    await index.markStale('g1');
    await index.update('g1', blocks('one, read before the edit'), seen);
    expect(await index.pending()).toEqual(['g1']);
    expect(await index.staleMark('g1')).toBe(2);
    // Its own re-index, having read the text after that edit, clears it.
    await index.update('g1', blocks('one, with the edit'), await index.staleMark('g1'));
    expect(await index.pending()).toEqual([]);
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

describe('query expressions', () => {
  it('quotes every word, a single letter whole and the others as prefixes', () => {
    expect(matchExpression(queryWords('NEAR("xx" y)*'))).toBe('"near"* "xx"* "y"');
    expect(matchExpression(queryWords('*:!'))).toBeNull();
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

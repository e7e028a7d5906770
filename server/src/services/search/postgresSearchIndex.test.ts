import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchPostgres, type SearchPostgres } from '../../../test/helpers/searchPostgres.ts';
import { openPersistence } from '../../persistence/index.ts';
import type { TextBlock } from './guideBlocks.ts';
import { postgresSearchIndex } from './postgresSearchIndex.ts';
import type { SearchIndex } from './searchIndex.ts';
import { searchIndexFor } from './searchIndexFor.ts';
import { maxLexemeChars, tsqueryOf, tsvectorOf } from './tsearch.ts';

const blocks = (...texts: string[]): TextBlock[] =>
  texts.map((text, block) => ({ block, dir: null, text }));

describe('PostgreSQL text-search literals', () => {
  it('takes each word verbatim, quoted, with its positions', () => {
    expect(tsvectorOf(['cafe', 'x', 'cafe'])).toBe("'cafe':1,3 'x':2");
    expect(tsvectorOf(["it's", 'a\\b'])).toBe("'it''s':1 'a\\\\b':2");
    expect(tsvectorOf([])).toBe('');
    expect(tsqueryOf(['caf', 'a', "o'k"])).toBe("'caf':* & 'a' & 'o''k':*");
    expect(tsqueryOf([])).toBeNull();
  });

  it('keeps lexemes, positions and the whole vector within what PostgreSQL accepts', () => {
    const long = 'ش'.repeat(maxLexemeChars + 100);
    expect(tsvectorOf([long])).toBe(`'${'ش'.repeat(maxLexemeChars)}':1`);
    expect(tsqueryOf([long])).toBe(`'${'ش'.repeat(maxLexemeChars)}':*`);
    // A cut never splits a surrogate pair.
    expect(tsvectorOf(['😀'.repeat(maxLexemeChars + 1)])).toBe(
      `'${'😀'.repeat(maxLexemeChars)}':1`,
    );
    const repeated = tsvectorOf(Array.from({ length: 20_000 }, () => 'same'));
    expect(repeated.split(',')).toHaveLength(256);
    const distinct = tsvectorOf(Array.from({ length: 200_000 }, (_, i) => `word${i}`));
    expect(Buffer.byteLength(distinct)).toBeLessThan(1024 * 1024);
    expect(distinct.startsWith("'word0':1 ")).toBe(true);
  });
});

describe('search index on PostgreSQL', () => {
  let postgres: SearchPostgres;
  beforeAll(async () => {
    postgres = await searchPostgres();
  });
  afterAll(() => postgres?.drop());

  it('migrates to a bigint identity, a tsvector under GIN, and unaccent when offered', async () => {
    const { rows: columns } = await sql<{
      column_name: string;
      data_type: string;
      is_identity: string;
    }>`
      SELECT column_name, data_type, is_identity FROM information_schema.columns
       WHERE table_name = 'search_blocks' AND column_name IN ('id', 'terms')
       ORDER BY column_name`.execute(postgres.db);
    expect(columns).toEqual([
      { column_name: 'id', data_type: 'bigint', is_identity: 'YES' },
      { column_name: 'terms', data_type: 'tsvector', is_identity: 'NO' },
    ]);
    const { rows: indexes } = await sql<{ indexdef: string }>`
      SELECT indexdef FROM pg_indexes WHERE indexname = 'search_blocks_terms'`.execute(postgres.db);
    expect(indexes[0]?.indexdef).toMatch(/USING gin \(terms\)/);
    // This machine's PostgreSQL offers unaccent (the helpers' brief): it must have been created.
    const { rows: unaccent } = await sql<{ extname: string }>`
      SELECT extname FROM pg_extension WHERE extname = 'unaccent'`.execute(postgres.db);
    expect(unaccent).toHaveLength(1);
  });

  it('finds prefixes through the GIN index', async () => {
    await postgres.clear();
    const index = postgresSearchIndex(postgres.store);
    await index.update('g1', blocks('migration corridor', 'other words'));
    const tsquery = tsqueryOf(['migr', 'c']) ?? '';
    const plan = await postgres.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      const { rows } = await sql<{ 'QUERY PLAN': string }>`
        EXPLAIN SELECT id FROM search_blocks WHERE terms @@ CAST(${tsquery} AS tsquery)`.execute(
        trx,
      );
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/search_blocks_terms/);
  });

  it('indexes a guide once when two instances re-index it at the same moment', async () => {
    await postgres.clear();
    // Two stores on two pools: two server instances on one database.
    const other = postgres.another();
    try {
      const mine = postgresSearchIndex(postgres.store);
      const theirs = postgresSearchIndex(other.store);
      for (let round = 0; round < 15; round++) {
        await Promise.all([
          mine.update('g1', blocks('one', 'two', 'three')),
          theirs.update('g1', blocks('uno', 'dos')),
          mine.update('g1', blocks('eins', 'zwei', 'drei', 'vier')),
        ]);
        const { rows } = await sql<{ block: number; n: string }>`
          SELECT block, count(*) AS n FROM search_blocks WHERE guide_id = 'g1'
           GROUP BY block ORDER BY block`.execute(postgres.db);
        expect([2, 3, 4]).toContain(rows.length);
        expect(rows.every((row) => Number(row.n) === 1)).toBe(true);
      }
    } finally {
      await other.close();
    }
  });

  it('finds the same blocks as SQLite for the same guides, with or without unaccent', async () => {
    await postgres.clear();
    const dir = mkdtempSync(join(tmpdir(), 'draftroom-search-parity-'));
    const sqlite = await openPersistence(join(dir, 'search.sqlite'));
    try {
      const indexes: Array<[string, SearchIndex]> = [
        ['sqlite', searchIndexFor(sqlite.repositories.dialect, sqlite)],
        ['postgres', searchIndexFor(postgres.store.repositories.dialect, postgres.store)],
      ];
      // Each store says its dialect (Kysely's adapter), as the server asks it.
      expect([sqlite.repositories.dialect, postgres.store.repositories.dialect]).toEqual([
        'sqlite',
        'postgres',
      ]);
      for (const [, index] of indexes) {
        for (const [guideId, texts] of Object.entries(corpus)) {
          await index.update(guideId, blocks(...texts));
        }
      }
      const results = async () => {
        const found: Record<string, Record<string, string[]>> = {};
        for (const [name, index] of indexes) {
          for (const q of searches) {
            const { hits } = await index.query(q, Object.keys(corpus), 50);
            (found[q] ??= {})[name] = hits.map((hit) => `${hit.guideId}#${hit.block}`).sort();
          }
        }
        return found;
      };
      const before = await results();
      for (const q of searches) {
        expect(before[q]?.postgres, q).toEqual(before[q]?.sqlite);
      }
      // The searches find something: the comparison is not of empty lists.
      expect(searches.filter((q) => (before[q]?.sqlite?.length ?? 0) > 0).length).toBeGreaterThan(
        searches.length / 2,
      );
      await sql`DROP EXTENSION IF EXISTS unaccent`.execute(postgres.db);
      expect(await results()).toEqual(before);
    } finally {
      await sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Guides in the conference's four languages and then some, for the parity check. */
const corpus: Record<string, string[]> = {
  en: ['The migration corridor plan', 'Open data for parliaments, 2024 edition', 'a plan for all'],
  fr: ['Le Café de la Gare', "L'école d'été des députés", 'Œuvre complète'],
  es: ['El niño comió en España', 'Participación ciudadana y transparencia'],
  ar: ['مرحبا بكم في المؤتمر الدولي', 'إعلان المدرسة', 'الْعَرَبِيَّةُ لغة جميلة', 'كتـــاب ٱلرحمن'],
  mixed: [
    'Straße Łódź Ørsted',
    'ﬁnance ＦＵＬＬ width',
    'İstanbul ΑΘΗΝΑ Москва',
    '国会 図書館',
    'digits ٢٠٢٤ and 2024',
    'emoji 😀 between words',
    'private\uE000use',
  ],
};

const searches = [
  'migr corr',
  'plan',
  'a',
  'an',
  'cafe',
  'ÉCOLE',
  'ete deput',
  'oeuvre',
  'œuvre',
  'nino espana',
  'ciudad',
  'المؤتمر',
  'اعلان المدرسه',
  'العربية',
  'كتاب',
  'الرحمن',
  'strasse',
  'straße',
  'lodz',
  'łódź',
  'orsted',
  'finance',
  'full',
  'istanbul',
  'αθηνα',
  'москва',
  '国会',
  '٢٠٢٤',
  '2024',
  'emoji between',
  'private',
  'private\uE000use',
  '"quoted" OR NEAR(',
  "'; DROP TABLE search_blocks; --",
];

import { describe, expect, it } from 'vitest';
import type { PublicLibrary } from '@draftroom/shared';
import { filterPublic, fold } from './filterPublic.ts';

const practice = (
  id: string,
  title: string,
  extra: Partial<PublicLibrary['practices'][number]> = {},
): PublicLibrary['practices'][number] => ({
  id,
  title,
  parliament: 'Parliament',
  country: 'GH',
  region: 'AF',
  audiences: ['communications'],
  topics: ['open-data'],
  languages: ['en'],
  summary: '',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

const list = [
  practice('a', 'Éducation civique en ligne', { country: 'SN', languages: ['fr'] }),
  practice('b', 'Open data portal', { topics: ['transparency'], region: 'EU', country: 'FR' }),
  practice('c', 'البرلمان المفتوح', { summary: 'Live streams of every sitting', country: 'MA' }),
];

describe('filterPublic', () => {
  it('finds words as prefixes, ignoring case, accents and Arabic letter forms', () => {
    expect(filterPublic(list, {}, 'educ').map((p) => p.id)).toEqual(['a']);
    expect(filterPublic(list, {}, 'LIGNE civ').map((p) => p.id)).toEqual(['a']);
    expect(filterPublic(list, {}, 'stream').map((p) => p.id)).toEqual(['c']);
    expect(filterPublic(list, {}, 'ألبرلمان').map((p) => p.id)).toEqual(['c']);
    expect(filterPublic(list, {}, 'data missing')).toEqual([]);
    expect(filterPublic(list, {}, 'ata')).toEqual([]);
  });

  it('applies every chosen filter', () => {
    expect(filterPublic(list, { topic: 'transparency' }, '').map((p) => p.id)).toEqual(['b']);
    expect(filterPublic(list, { language: 'fr' }, '').map((p) => p.id)).toEqual(['a']);
    expect(filterPublic(list, { region: 'AF', country: 'MA' }, '').map((p) => p.id)).toEqual(['c']);
    expect(filterPublic(list, { audience: 'social-media' }, '')).toEqual([]);
    expect(filterPublic(list, {}, '')).toHaveLength(3);
  });

  it('folds text for comparison', () => {
    expect(fold('Ça Va')).toBe('ca va');
  });
});

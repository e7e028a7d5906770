import type { PublicLibrary } from '@draftroom/shared';
import type { FilterName } from '../libraryQuery.ts';

type PublicSummary = PublicLibrary['practices'][number];

/** Text compared without case, accents or Arabic letter forms ("Éducation" finds "education"). */
export function fold(text: string): string {
  return (
    text
      .normalize('NFKD')
      // Combining marks (accents, Arabic short vowels and tatweel) carry no meaning for a search.
      .replace(/[\p{M}\u0640]/gu, '')
      .replace(/[أإآٱ]/g, 'ا')
      .replace(/ى/g, 'ي')
      .replace(/ة/g, 'ه')
      .toLocaleLowerCase('en')
  );
}

/**
 * The public index's filters, done in the browser (the public route answers with every public
 * practice at once): each chosen filter must hold, and every typed word must start a word of the
 * title or the summary.
 */
export function filterPublic(
  practices: readonly PublicSummary[],
  filters: Partial<Record<FilterName, string>>,
  text: string,
): PublicSummary[] {
  const words = fold(text).split(/\s+/u).filter(Boolean);
  return practices.filter((practice) => {
    if (filters.audience && !practice.audiences.some((tag) => tag === filters.audience))
      return false;
    if (filters.topic && !practice.topics.some((topic) => topic === filters.topic)) return false;
    if (filters.region && practice.region !== filters.region) return false;
    if (filters.country && practice.country !== filters.country) return false;
    if (filters.language && !practice.languages.some((code) => code === filters.language))
      return false;
    if (words.length === 0) return true;
    const haystack = fold(`${practice.title} ${practice.summary}`).split(/[^\p{L}\p{N}]+/u);
    return words.every((word) => haystack.some((each) => each.startsWith(word)));
  });
}

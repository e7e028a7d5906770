import { getSchema } from '@tiptap/core';
import type { PracticeField, PracticeMatch, TemplateContent } from '@draftroom/shared';
import { guideExtensions } from '@draftroom/shared/editor';
import type { ConferenceStore, PracticeRecord } from '../../persistence/index.ts';
import { textBlocksOf, type TextBlock } from '../search/guideBlocks.ts';
import type { SearchIndex } from '../search/searchIndex.ts';
import { snippetOf } from '../search/snippet.ts';
import type { PracticeSearch } from './libraryService.ts';

const guideSchema = getSchema(guideExtensions());

/**
 * Block numbers tell the field a block came from: 0 the title, 1 the summary, then each text
 * block of a section at its base plus its index (a section has far fewer than 1,000 blocks: the
 * schema's size limit keeps it so).
 */
const sectionBase = { whatWasDone: 1000, results: 2000, lessons: 3000 } as const;

export function fieldOfBlock(block: number): PracticeField {
  if (block === 0) return 'title';
  if (block < sectionBase.whatWasDone) return 'summary';
  if (block < sectionBase.results) return 'whatWasDone';
  if (block < sectionBase.lessons) return 'results';
  return 'lessons';
}

function sectionBlocks(content: TemplateContent, base: number): TextBlock[] {
  try {
    return textBlocksOf(guideSchema.nodeFromJSON(content)).map((block) => ({
      ...block,
      block: base + block.block,
    }));
  } catch {
    // Checked before it was stored; a damaged row is simply not searchable.
    return [];
  }
}

/** What the index holds for a practice: its title, summary and every text block of its sections. */
export function practiceBlocks(record: PracticeRecord): TextBlock[] {
  const { content } = record;
  return [
    { block: 0, dir: null, text: content.title },
    { block: 1, dir: null, text: content.summary },
    ...sectionBlocks(content.whatWasDone, sectionBase.whatWasDone),
    ...sectionBlocks(content.results, sectionBase.results),
    ...sectionBlocks(content.lessons, sectionBase.lessons),
  ].filter((block) => block.text.trim() !== '');
}

/**
 * Practices in the guides' search index (the same FTS5 or PostgreSQL index, the same folding),
 * each under its own id: ids are random, so a practice's blocks never mix with a guide's, and
 * each search passes only the ids its reader may list. A write re-indexes before it answers (a
 * practice is small and saved whole, unlike a guide's stream of edits, so the writer's next
 * search finds what they saved); `catchUp` indexes the ones the index does not hold at start.
 */
export function practiceSearchFor(
  store: ConferenceStore,
  index: SearchIndex,
  onError: (practiceId: string, error: unknown) => void,
) {
  const running = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    running.add(work);
    void work.finally(() => running.delete(work));
  };
  const indexOne = async (practiceId: string) => {
    try {
      // Read again: writes finish in any order, the index keeps the latest stored content.
      const record = await store.repositories.practices.get(practiceId);
      if (record) await index.update(record.id, practiceBlocks(record));
    } catch (error) {
      onError(practiceId, error);
    }
  };
  // One at a time, in the order asked: two quick saves of one practice end with the latter.
  let queue = Promise.resolve();
  const enqueue = (practiceId: string): Promise<void> => {
    queue = queue.then(() => indexOne(practiceId));
    track(queue);
    return queue;
  };
  const query: PracticeSearch = async (q, practiceIds) => {
    if (practiceIds.length === 0) return { words: [], matches: new Map() };
    // Every block of the listed practices may match; the best block of each is kept.
    const { words, hits } = await index.query(q, practiceIds, 1000);
    const matches = new Map<string, PracticeMatch>();
    for (const hit of hits) {
      if (matches.has(hit.guideId)) continue;
      matches.set(hit.guideId, {
        field: fieldOfBlock(hit.block),
        snippet: snippetOf(hit.text, words),
      });
    }
    return { words, matches };
  };
  return {
    reindex: (record: PracticeRecord) => enqueue(record.id),
    query,
    async catchUp(): Promise<void> {
      try {
        for (const id of await store.repositories.practices.toIndex()) void enqueue(id);
      } catch (error) {
        onError('(catch-up)', error);
      }
    },
    /** Resolves when every re-index asked for so far has run (tests). */
    async settled(): Promise<void> {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}

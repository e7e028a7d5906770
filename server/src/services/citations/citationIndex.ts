import type { Node } from '@tiptap/pm/model';
import type { ConferenceStore } from '../../persistence/index.ts';
import { nodeOfState } from '../versions/guideContent.ts';

/** The practice ids a guide's citations name, in order of first appearance, each once. */
export function citedPracticeIds(root: Node): string[] {
  const ids: string[] = [];
  root.descendants((node) => {
    if (node.type.name !== 'practiceCitation') return true;
    const id: unknown = node.attrs.practiceId;
    if (typeof id === 'string' && !ids.includes(id)) ids.push(id);
    return false;
  });
  return ids;
}

/** Citations kept per guide: far more than a guide cites, few enough for one insert. */
export const maxIndexedCitations = 500;

/**
 * Keeps `guide_citations` from each guide's text: given the guide's state by the search
 * updater's quiet re-read (`SearchUpdater.addReader`), never from `room.ts`. Every id the text
 * names is kept, whether or not it names a practice: the guide's list then shows an unknown id
 * as "not available" exactly like a practice the reader may not read, so the list never tells
 * which ids exist. Another event's practice is never counted as cited by this guide: the
 * queries that read the table from the practice's side (`citingGuides`, `citationCounts`)
 * match the guide's event to the practice's.
 */
export function citationIndexer(persistence: ConferenceStore) {
  const { repositories } = persistence;
  return async function indexCitations(guideId: string, state: Uint8Array): Promise<void> {
    const kept = citedPracticeIds(nodeOfState(state)).slice(0, maxIndexedCitations);
    const before = await repositories.citations.ofGuide(guideId);
    // Most quiet re-reads change no citation: nothing is written then.
    if (before.length === kept.length && before.every((id, index) => id === kept[index])) return;
    await persistence.transaction((tx) => tx.citations.replaceForGuide(guideId, kept));
  };
}

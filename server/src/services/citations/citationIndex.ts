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

/**
 * Keeps `guide_citations` from each guide's text: given the guide's state by the search
 * updater's quiet re-read (`SearchUpdater.addReader`), never from `room.ts`. Only ids of
 * practices of the guide's own event are kept: a guide may hold any well-formed id (the gate
 * checks the form, not the library), and another event's practice must never be listed as cited.
 */
export function citationIndexer(persistence: ConferenceStore) {
  const { repositories } = persistence;
  return async function indexCitations(guideId: string, state: Uint8Array): Promise<void> {
    const guide = await repositories.guides.get(guideId);
    const named = citedPracticeIds(nodeOfState(state));
    const known =
      guide?.eventId && named.length > 0
        ? await repositories.citations.practicesOf(guide.eventId, named)
        : new Map();
    const kept = named.filter((id) => known.has(id));
    const before = await repositories.citations.ofGuide(guideId);
    // Most quiet re-reads change no citation: nothing is written then.
    if (before.length === kept.length && before.every((id, index) => id === kept[index])) return;
    await persistence.transaction((tx) => tx.citations.replaceForGuide(guideId, kept));
  };
}

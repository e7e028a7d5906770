import { serverAuthorId, type UpdateAuthor } from '../persistence/documentStore.ts';
import type { Edit } from './updateAdmission.ts';

/** More client ids than this in one update are not a person typing: only the first are kept. */
const maxClientIdsPerUpdate = 64;

/**
 * Who an admitted edit comes from, as the server knows it: the person signed in on the socket
 * it arrived on (or the server itself), and the Yjs client ids of the structs it adds, read off
 * the structs validation already decoded. Nothing a client writes into the document counts.
 */
export function authorOf(edit: Edit): UpdateAuthor {
  const clientIds = new Set<number>();
  for (const struct of edit.structs) {
    if (clientIds.size >= maxClientIdsPerUpdate) break;
    clientIds.add(struct.client);
  }
  return {
    authorId: edit.connection ? edit.connection.signIn.personId : serverAuthorId,
    clientIds: [...clientIds],
  };
}

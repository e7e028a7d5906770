import type { Permission } from '@draftroom/shared';
import type { GuideRepository } from '../persistence/index.ts';

/**
 * Who may open which document. Until people and roles exist, anyone may write to any guide that
 * exists, and nobody may open a document that is not a guide (so sockets cannot create stray
 * documents). Roles will make this depend on the session's person.
 */
export interface DocumentAccess {
  permissionFor(documentId: string): Promise<Permission | null>;
}

export function createDocumentAccess(guides: GuideRepository): DocumentAccess {
  return {
    async permissionFor(documentId) {
      return (await guides.get(documentId)) ? 'write' : null;
    },
  };
}

import { closeCodes, type PermissionChangeReason } from '@draftroom/shared';
import { closeCodeOf } from '../lib/domainError.ts';
import type { Logger } from '../lib/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { AccessChange } from '../services/access/accessEvents.ts';
import type { AccessRefusal, DocumentAccess } from '../services/access/documentAccess.ts';
import type { CollabConnection } from './connection.ts';

/** Whether an access change concerns this open socket. */
export function concerns(change: AccessChange, connection: CollabConnection): boolean {
  switch (change.kind) {
    case 'people':
      return change.personIds.includes(connection.signIn.personId);
    case 'signIns':
      return change.authSessionIds.includes(connection.signIn.authSessionId);
    case 'personRevoked':
      return connection.signIn.personId === change.personId;
    case 'documents':
      return change.documentIds.includes(connection.documentId);
  }
}

/**
 * Decides again for each of these open sockets. Lost access closes with 4401 or 4403; a change
 * between write and read is sent to the client (`permissionMessageType`, with `reason`) and
 * enforced on the next update (the room checks `permission` on every one).
 */
export async function recheckAccess(
  connections: readonly CollabConnection[],
  context: {
    reason: PermissionChangeReason;
    access: DocumentAccess;
    metrics: Metrics;
    log: Logger;
  },
): Promise<void> {
  // What they send meanwhile waits for their decision (an edit must not pass on the old one).
  for (const connection of connections) connection.hold();
  for (const connection of connections) {
    try {
      const decision = await context.access.recheck(connection.signIn, connection.documentId);
      if (connection.closed) continue;
      if (decision.granted) {
        if (decision.permission !== connection.permission) {
          context.log.info(
            { documentId: connection.documentId, permission: decision.permission },
            'permission changed on an open connection',
          );
          // Told at once, so the editor turns read-only (or editable) with the reason shown,
          // instead of the person's edits being dropped without a word.
          connection.permission = decision.permission;
          connection.tellPermission(context.reason);
        }
        connection.presenceUser = decision.identity;
        continue;
      }
      context.metrics.rejectedMessages.inc({ reason: 'access_revoked' });
      connection.close(closeCodeOf(decision.refusal), refusalReason(decision.refusal));
    } catch (error) {
      // Fail closed: if we cannot tell whether they still have access, they do not.
      context.log.error(
        { err: error, documentId: connection.documentId },
        'access re-check failed',
      );
      connection.close(closeCodes.forbidden, 'access could not be checked');
    } finally {
      connection.release();
    }
  }
}

export function refusalReason(refusal: AccessRefusal): string {
  return refusal === 'unauthenticated'
    ? 'not signed in, or the sign-in was revoked'
    : 'no access to this document';
}

/**
 * That someone's access may have changed: removed from a group, a new role, a sign-in revoked, a
 * group removed. Services publish it on the event bus (topic `access`); the collaboration server
 * listens and re-checks the sockets concerned. (Services cannot import `collab`, so the wire runs
 * this way.)
 */

export type AccessChange =
  /** Re-check every connection of these people (group membership, role). */
  | { kind: 'people'; personIds: readonly string[] }
  /** These sign-ins were revoked: close their connections. */
  | { kind: 'signIns'; authSessionIds: readonly string[] }
  /** Everything a person signed in with was revoked. */
  | { kind: 'personRevoked'; personId: string }
  /** Re-check every connection to these documents (their group was removed). */
  | { kind: 'documents'; documentIds: readonly string[] };

/**
 * Tells open connections that someone's access may have changed: removed from a group, a new
 * role, a sign-in revoked, a group removed. Services announce; the collaboration server listens
 * and re-checks the sockets concerned. (Services cannot import `collab`, so the wire runs this way.)
 */
export type AccessChangeListener = (change: AccessChange) => void;

export type AccessChange =
  /** Re-check every connection of these people (group membership, role). */
  | { kind: 'people'; personIds: readonly string[] }
  /** These sign-ins were revoked: close their connections. */
  | { kind: 'signIns'; authSessionIds: readonly string[] }
  /** Everything a person signed in with was revoked. */
  | { kind: 'personRevoked'; personId: string }
  /** Re-check every connection to these documents (their group was removed). */
  | { kind: 'documents'; documentIds: readonly string[] };

export class AccessEvents {
  private readonly listeners = new Set<AccessChangeListener>();

  subscribe(listener: AccessChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(change: AccessChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

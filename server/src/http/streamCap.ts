import { DomainError } from '../lib/domainError.ts';

/** Open streams one sign-in may hold at once (a person's tabs, the console, the dashboard). */
export const maxStreamsPerSignIn = 12;

/**
 * Counts the event streams each sign-in holds, across every kind of stream (sessions, the
 * dashboard): each holds a socket, so one sign-in cannot open them without end.
 */
export class StreamCap {
  private readonly held = new Map<string, number>();

  constructor(private readonly max = maxStreamsPerSignIn) {}

  /** Takes one place for the sign-in, or refuses with 429 `rate_limited`. */
  take(authSessionId: string): void {
    const held = this.held.get(authSessionId) ?? 0;
    if (held >= this.max) {
      throw new DomainError(
        'rate_limited',
        'Too many live pages are open with this sign-in; close some and try again.',
      );
    }
    this.held.set(authSessionId, held + 1);
  }

  release(authSessionId: string): void {
    const left = (this.held.get(authSessionId) ?? 1) - 1;
    if (left > 0) this.held.set(authSessionId, left);
    else this.held.delete(authSessionId);
  }
}

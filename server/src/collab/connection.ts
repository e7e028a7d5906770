import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { corkUntilTickEnds } from './corking.ts';
import { encodePermissionMessage } from './protocol.ts';

import type { Permission, PermissionChangeReason, PresenceUser } from '@draftroom/shared';
import type { SignIn } from '../services/auth/authService.ts';
export type { Permission };

/** Frames one connection may send while its access is being decided again (ms, normally). */
const maxHeldFrames = 1_000;

/**
 * One websocket peer on one document. It knows what it may do (`permission`), who it is to the
 * others (`presenceUser`, from the server's records), which awareness client id it speaks for
 * (removed when it leaves), and whether it answered the last keepalive ping.
 */
export class CollabConnection {
  /** The one awareness client id this connection publishes presence for, once it has. */
  presenceClientId: number | null = null;
  isAlive = true;
  closed = false;
  /** Draftroom's own client (not a stock y-websocket one): it is told its permission. */
  hearsPermission = false;
  /**
   * While its access is being decided again (`accessRecheck`), what it sends waits here, so an
   * edit that arrives meanwhile is judged by the new decision, not the old permission (the
   * decision reads the database: on PostgreSQL that spans several frames). Null when not held.
   */
  private held: Array<() => void> | null = null;
  private holds = 0;

  constructor(
    readonly socket: WebSocket,
    readonly documentId: string,
    /** Can change while connected: a person moved out of the group drops to read or is closed. */
    public permission: Permission,
    /** Who is connected, so revoking their sign-in or changing their groups reaches this socket. */
    readonly signIn: SignIn,
    readonly remoteAddress: string,
    /** Name, role and colour others see, from the person's record; can change with it. */
    public presenceUser: PresenceUser,
    /** The TCP socket under the websocket, corked while a broadcast is written. */
    private readonly transport: Duplex,
  ) {
    socket.on('pong', () => {
      this.isAlive = true;
    });
  }

  /** Runs `handle` now, or once the re-decisions of its access now under way have ended. */
  receive(handle: () => void): boolean {
    if (!this.held) {
      handle();
      return true;
    }
    if (this.held.length >= maxHeldFrames) return false;
    this.held.push(handle);
    return true;
  }

  /** Holds what it sends until `release` (as often as `hold` was called). */
  hold(): void {
    this.holds += 1;
    this.held ??= [];
  }

  release(): void {
    this.holds = Math.max(0, this.holds - 1);
    if (this.holds > 0 || !this.held) return;
    const waiting = this.held;
    this.held = null;
    for (const handle of waiting) {
      if (this.closed) return;
      handle();
    }
  }

  send(frame: Uint8Array): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    corkUntilTickEnds(this.transport);
    this.socket.send(frame, { binary: true });
  }

  /** Tells the client what it may do now, and why (only Draftroom's own client understands). */
  tellPermission(reason: PermissionChangeReason): void {
    if (this.hearsPermission) this.send(encodePermissionMessage(this.permission, reason));
  }

  /** Closes with a documented code; the reason is for logs and developer tools, not people. */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    // Close reasons are limited to 123 bytes by the websocket protocol.
    this.socket.close(code, reason.slice(0, 120));
  }

  terminate(): void {
    this.closed = true;
    this.socket.terminate();
  }
}

import { closeCodes, isFatalCloseCode, limits } from '@draftroom/shared';
import type { Permission, PermissionChangeReason, ServiceState } from '@draftroom/shared';

/**
 * Pure model of what the connection indicator shows. The session feeds it provider and browser
 * events; the UI reads `describeConnection`. Kept free of DOM and Yjs so it is unit-tested.
 */

export type SocketStatus = 'connecting' | 'connected' | 'disconnected';

/** Why editing cannot reach the server, beyond an ordinary network drop. */
export type CollabProblem =
  /** The server closed the connection for good (see `stopsReconnecting`). */
  | { kind: 'closed'; code: number }
  /** A local change is larger than the server accepts; it will be refused when sent. */
  | { kind: 'localTooLarge' };

export interface ConnectionState {
  socket: SocketStatus;
  /** Whether this page has been connected once: decides "Connecting…" vs "Reconnecting…". */
  everConnected: boolean;
  synced: boolean;
  online: boolean;
  /** Local changes made while not connected and synced; reset when the provider syncs. */
  pending: number;
  problem: CollabProblem | null;
  /**
   * What the server said this connection may do since the page opened it, and why, when that
   * changed (a new role, a locked guide); null while it is as the page was loaded with.
   */
  permission: { permission: Permission; reason: PermissionChangeReason } | null;
  /** What the server said it can do now (`serviceMessageType`); `live` until it says otherwise. */
  service: ServiceState;
}

export type ConnectionEvent =
  | { type: 'status'; status: SocketStatus }
  | { type: 'sync'; synced: boolean }
  | { type: 'online'; online: boolean }
  | { type: 'localUpdate'; bytes: number }
  | { type: 'closed'; code: number }
  | { type: 'retry' }
  | { type: 'permission'; permission: Permission; reason: PermissionChangeReason }
  | { type: 'service'; state: ServiceState };

export function initialConnectionState(online: boolean): ConnectionState {
  return {
    socket: 'connecting',
    everConnected: false,
    synced: false,
    online,
    pending: 0,
    problem: null,
    permission: null,
    service: 'live',
  };
}

/**
 * Close codes after which reconnecting would fail the same way. Besides the shared fatal codes,
 * "message too large" is here: reconnecting would resend the same oversize change and loop, so
 * the person first removes it (undo) and then chooses to try again.
 */
export function stopsReconnecting(code: number): boolean {
  return isFatalCloseCode(code) || code === closeCodes.messageTooLarge;
}

/**
 * The server closed the connection because this person is signed out (4401) or may no longer
 * open this guide (4403, e.g. removed from the group while writing). Editing stops at once:
 * anything typed after that could never reach the others.
 */
export function accessLost(state: ConnectionState): boolean {
  const { problem } = state;
  return (
    problem?.kind === 'closed' &&
    (problem.code === closeCodes.unauthenticated || problem.code === closeCodes.forbidden)
  );
}

export function connectionReducer(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case 'status': {
      const connected = event.status === 'connected';
      return {
        ...state,
        socket: event.status,
        // A new connection may reach another server: it says so if that one is not live.
        service: connected && state.socket !== 'connected' ? 'live' : state.service,
        everConnected: state.everConnected || connected,
        synced: connected ? state.synced : false,
      };
    }
    case 'sync': {
      if (!event.synced) return { ...state, synced: false };
      // The server now has everything this page had: nothing is pending any more, and a
      // too-large change that was undone before syncing is no longer a problem.
      return { ...state, synced: true, pending: 0, problem: null };
    }
    case 'online':
      return { ...state, online: event.online };
    case 'localUpdate': {
      const confirmedAtOnce = state.socket === 'connected' && state.synced;
      const tooLarge = event.bytes > limits.maxMessageBytes;
      return {
        ...state,
        pending: confirmedAtOnce && !tooLarge ? state.pending : state.pending + 1,
        problem: tooLarge && state.problem === null ? { kind: 'localTooLarge' } : state.problem,
      };
    }
    case 'closed':
      if (!stopsReconnecting(event.code)) return state;
      return { ...state, problem: { kind: 'closed', code: event.code } };
    case 'retry':
      return { ...state, problem: null };
    case 'permission':
      return { ...state, permission: { permission: event.permission, reason: event.reason } };
    case 'service':
      return { ...state, service: event.state };
  }
}

export type ConnectionIndicator = 'connected' | 'connecting' | 'offline' | 'error';

export interface ConnectionDescription {
  indicator: ConnectionIndicator;
  /** Connected to the server and holding everything it has. */
  synced: boolean;
  pending: number;
  stateKey:
    | 'connection.connected'
    | 'connection.connecting'
    | 'connection.reconnecting'
    | 'connection.offline'
    | 'connection.stopped';
  syncKey:
    | 'connection.synced'
    | 'connection.syncing'
    | 'connection.relayDelayed'
    | 'connection.storeUnavailable'
    | null;
}

export function describeConnection(state: ConnectionState): ConnectionDescription {
  const synced = state.socket === 'connected' && state.synced;
  const base = { synced, pending: state.pending };
  if (state.problem?.kind === 'closed') {
    return { ...base, indicator: 'error', stateKey: 'connection.stopped', syncKey: null };
  }
  if (!state.online) {
    return { ...base, indicator: 'offline', stateKey: 'connection.offline', syncKey: null };
  }
  if (state.socket === 'connected') {
    // The server's own word on what happens to edits beats "Synced": they may be held back.
    const syncKey =
      state.service !== 'live'
        ? (`connection.${state.service}` as const)
        : synced
          ? 'connection.synced'
          : 'connection.syncing';
    return { ...base, indicator: 'connected', stateKey: 'connection.connected', syncKey };
  }
  const stateKey = state.everConnected ? 'connection.reconnecting' : 'connection.connecting';
  return { ...base, indicator: 'connecting', stateKey, syncKey: null };
}

import { describe, expect, it } from 'vitest';
import { closeCodes, limits } from '@draftroom/shared';
import {
  accessLost,
  connectionReducer,
  describeConnection,
  initialConnectionState,
  stopsReconnecting,
  type ConnectionEvent,
  type ConnectionState,
} from './connectionState.ts';

function run(events: ConnectionEvent[], start = initialConnectionState(true)): ConnectionState {
  return events.reduce(connectionReducer, start);
}

const connectedAndSynced: ConnectionEvent[] = [
  { type: 'status', status: 'connected' },
  { type: 'sync', synced: true },
];

describe('connectionReducer: status and sync', () => {
  it('starts as connecting and never connected', () => {
    const view = describeConnection(initialConnectionState(true));
    expect(view).toMatchObject({ indicator: 'connecting', stateKey: 'connection.connecting' });
    expect(view.synced).toBe(false);
  });

  it('is connected and synced after the provider syncs', () => {
    const view = describeConnection(run(connectedAndSynced));
    expect(view).toMatchObject({ indicator: 'connected', synced: true, pending: 0 });
    expect(view.syncKey).toBe('connection.synced');
  });

  it('shows "Syncing…" while connected but not yet synced', () => {
    const view = describeConnection(run([{ type: 'status', status: 'connected' }]));
    expect(view).toMatchObject({ synced: false, syncKey: 'connection.syncing' });
  });

  it('says "Reconnecting…" after a drop, and loses sync', () => {
    const state = run([...connectedAndSynced, { type: 'status', status: 'disconnected' }]);
    expect(state.synced).toBe(false);
    expect(describeConnection(state).stateKey).toBe('connection.reconnecting');
    expect(describeConnection(state).indicator).toBe('connecting');
  });

  it('reports offline from the browser, whatever the socket says', () => {
    const state = run([...connectedAndSynced, { type: 'online', online: false }]);
    expect(describeConnection(state).indicator).toBe('offline');
    const back = connectionReducer(state, { type: 'online', online: true });
    expect(describeConnection(back).indicator).toBe('connected');
  });
});

describe('connectionReducer: unsynced changes', () => {
  const edit: ConnectionEvent = { type: 'localUpdate', bytes: 20 };

  it('does not count edits made while connected and synced', () => {
    expect(run([...connectedAndSynced, edit, edit]).pending).toBe(0);
  });

  it('counts edits made while disconnected or before sync', () => {
    const offline = run([
      ...connectedAndSynced,
      { type: 'status', status: 'disconnected' },
      edit,
      edit,
    ]);
    expect(offline.pending).toBe(2);
    expect(run([{ type: 'status', status: 'connected' }, edit]).pending).toBe(1);
  });

  it('resets to zero when the provider syncs again', () => {
    const state = run([
      ...connectedAndSynced,
      { type: 'status', status: 'disconnected' },
      edit,
      edit,
      edit,
      { type: 'status', status: 'connecting' },
      { type: 'status', status: 'connected' },
    ]);
    expect(state.pending).toBe(3);
    expect(connectionReducer(state, { type: 'sync', synced: true }).pending).toBe(0);
  });

  it('flags a local change larger than the server accepts', () => {
    const state = run([
      ...connectedAndSynced,
      { type: 'localUpdate', bytes: limits.maxMessageBytes + 1 },
    ]);
    expect(state.problem).toEqual({ kind: 'localTooLarge' });
    expect(state.pending).toBe(1);
  });
});

describe('connectionReducer: server close codes', () => {
  it('stops for fatal codes and for "message too large"', () => {
    expect(stopsReconnecting(closeCodes.forbidden)).toBe(true);
    expect(stopsReconnecting(closeCodes.unauthenticated)).toBe(true);
    expect(stopsReconnecting(closeCodes.unknownMessageType)).toBe(true);
    // The same refused change would be resent on every reconnect.
    expect(stopsReconnecting(closeCodes.malformedMessage)).toBe(true);
    expect(stopsReconnecting(closeCodes.invalidUpdate)).toBe(true);
    expect(stopsReconnecting(closeCodes.messageTooLarge)).toBe(true);
  });

  it('keeps reconnecting for transient codes, including ones y-websocket would give up on', () => {
    for (const code of [
      closeCodes.goingAway,
      closeCodes.rateLimited,
      closeCodes.keepaliveTimeout,
      closeCodes.documentLoadFailed,
      1006,
    ]) {
      expect(stopsReconnecting(code)).toBe(false);
      const state = run([...connectedAndSynced, { type: 'closed', code }]);
      expect(state.problem).toBeNull();
    }
  });

  it('shows an error state after a fatal close until the person retries', () => {
    const state = run([
      ...connectedAndSynced,
      { type: 'closed', code: closeCodes.forbidden },
      { type: 'status', status: 'disconnected' },
    ]);
    expect(state.problem).toEqual({ kind: 'closed', code: closeCodes.forbidden });
    expect(describeConnection(state)).toMatchObject({
      indicator: 'error',
      stateKey: 'connection.stopped',
    });
    const retried = connectionReducer(state, { type: 'retry' });
    expect(retried.problem).toBeNull();
    expect(describeConnection(retried).indicator).toBe('connecting');
  });

  it('shows the error even when the browser is offline', () => {
    const state = run([
      { type: 'closed', code: closeCodes.messageTooLarge },
      { type: 'online', online: false },
    ]);
    expect(describeConnection(state).indicator).toBe('error');
  });
});

describe('accessLost', () => {
  it('is true after the server closes for sign-in (4401) or access (4403) reasons only', () => {
    const closed = (code: number) => run([...connectedAndSynced, { type: 'closed', code }]);
    expect(accessLost(closed(closeCodes.unauthenticated))).toBe(true);
    expect(accessLost(closed(closeCodes.forbidden))).toBe(true);
    expect(accessLost(closed(closeCodes.documentTooLarge))).toBe(false);
    expect(accessLost(closed(closeCodes.goingAway))).toBe(false);
    expect(accessLost(run(connectedAndSynced))).toBe(false);
  });

  it('stays stopped: 4401 and 4403 do not reconnect by themselves', () => {
    expect(stopsReconnecting(closeCodes.unauthenticated)).toBe(true);
    expect(stopsReconnecting(closeCodes.forbidden)).toBe(true);
  });
});

describe('connectionReducer: permission messages', () => {
  it('starts with the permission the page was loaded with, and keeps the latest the server sent', () => {
    expect(initialConnectionState(true).permission).toBeNull();
    const state = run([
      ...connectedAndSynced,
      { type: 'permission', permission: 'read', reason: 'role' },
      { type: 'permission', permission: 'write', reason: 'guide' },
    ]);
    expect(state.permission).toEqual({ permission: 'write', reason: 'guide' });
    // A reconnect does not forget it: the server's word stands until it says otherwise.
    const reconnected = run(
      [{ type: 'status', status: 'disconnected' }, ...connectedAndSynced],
      state,
    );
    expect(reconnected.permission).toEqual({ permission: 'write', reason: 'guide' });
  });
});

describe('connectionReducer: what the server says it can do', () => {
  it('says edits reach other servers late while its link to them is lost, then synced again', () => {
    const delayed = run([...connectedAndSynced, { type: 'service', state: 'relayDelayed' }]);
    expect(describeConnection(delayed)).toMatchObject({
      indicator: 'connected',
      syncKey: 'connection.relayDelayed',
    });
    const back = connectionReducer(delayed, { type: 'service', state: 'live' });
    expect(describeConnection(back).syncKey).toBe('connection.synced');
  });

  it('says saving is paused while the database refuses writes', () => {
    const view = describeConnection(
      run([...connectedAndSynced, { type: 'service', state: 'storeUnavailable' }]),
    );
    expect(view.syncKey).toBe('connection.storeUnavailable');
  });

  it('forgets one server’s word when a new connection opens (it may reach another server)', () => {
    const reconnected = run([
      ...connectedAndSynced,
      { type: 'service', state: 'relayDelayed' },
      { type: 'status', status: 'disconnected' },
      ...connectedAndSynced,
    ]);
    expect(describeConnection(reconnected).syncKey).toBe('connection.synced');
  });
});

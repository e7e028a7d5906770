import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';

/**
 * The baseline every benchmark figure is compared with: the simplest correct y-websocket relay,
 * in the manner of the reference server. In memory only (no persistence), no authorization, no
 * limits, no batching: each message is handled the moment it arrives.
 */
interface Room {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  sockets: Map<WebSocket, Set<number>>;
}

const messageSync = 0;
const messageAwareness = 1;
const messageQueryAwareness = 3;

export function startRelayServer(
  port = 0,
  host = '127.0.0.1',
): Promise<{ server: Server; url: string }> {
  const rooms = new Map<string, Room>();
  const server = createServer((_request, response) => {
    response.writeHead(404).end();
  });
  const wss = new WebSocketServer({ server });

  const roomFor = (name: string): Room => {
    const room = rooms.get(name);
    if (room) return room;
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState(null);
    const created: Room = { doc, awareness, sockets: new Map() };
    doc.on('update', (update: Uint8Array) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageSync);
      syncProtocol.writeUpdate(encoder, update);
      const frame = encoding.toUint8Array(encoder);
      for (const socket of created.sockets.keys()) socket.send(frame);
    });
    awareness.on(
      'update',
      (
        { added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>,
        origin: unknown,
      ) => {
        const ids = [...added, ...updated, ...removed];
        const controlled = created.sockets.get(origin as WebSocket);
        if (controlled) {
          for (const id of added) controlled.add(id);
          for (const id of removed) controlled.delete(id);
        }
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, messageAwareness);
        encoding.writeVarUint8Array(
          encoder,
          awarenessProtocol.encodeAwarenessUpdate(awareness, ids),
        );
        const frame = encoding.toUint8Array(encoder);
        for (const socket of created.sockets.keys()) socket.send(frame);
      },
    );
    rooms.set(name, created);
    return created;
  };

  wss.on('connection', (socket, request) => {
    const name = (request.url ?? '/').slice(1).split('?')[0] ?? '';
    const room = roomFor(name);
    room.sockets.set(socket, new Set());
    socket.on('message', (data: Buffer) => {
      try {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        const encoder = encoding.createEncoder();
        const type = decoding.readVarUint(decoder);
        if (type === messageSync) {
          encoding.writeVarUint(encoder, messageSync);
          syncProtocol.readSyncMessage(decoder, encoder, room.doc, socket);
          if (encoding.length(encoder) > 1) socket.send(encoding.toUint8Array(encoder));
        } else if (type === messageAwareness) {
          awarenessProtocol.applyAwarenessUpdate(
            room.awareness,
            decoding.readVarUint8Array(decoder),
            socket,
          );
        } else if (type === messageQueryAwareness) {
          encoding.writeVarUint(encoder, messageAwareness);
          encoding.writeVarUint8Array(
            encoder,
            awarenessProtocol.encodeAwarenessUpdate(room.awareness, [
              ...room.awareness.getStates().keys(),
            ]),
          );
          socket.send(encoding.toUint8Array(encoder));
        }
      } catch {
        socket.close();
      }
    });
    socket.on('close', () => {
      const controlled = room.sockets.get(socket);
      room.sockets.delete(socket);
      if (controlled && controlled.size > 0) {
        awarenessProtocol.removeAwarenessStates(room.awareness, [...controlled], null);
      }
    });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeSyncStep1(encoder, room.doc);
    socket.send(encoding.toUint8Array(encoder));
    const states = [...room.awareness.getStates().keys()];
    if (states.length > 0) {
      const awarenessEncoder = encoding.createEncoder();
      encoding.writeVarUint(awarenessEncoder, messageAwareness);
      encoding.writeVarUint8Array(
        awarenessEncoder,
        awarenessProtocol.encodeAwarenessUpdate(room.awareness, states),
      );
      socket.send(encoding.toUint8Array(awarenessEncoder));
    }
  });

  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({ server, url: `http://${host}:${actual}` });
    });
  });
}

import { Server } from '@hocuspocus/server';
import { SQLite } from '@hocuspocus/extension-sqlite';

/**
 * The server people would pick instead of Draftroom: Hocuspocus 3.4 (the last line for Node 20)
 * with its SQLite extension, in its default configuration, as its own process:
 * `PORT=… DATABASE=… tsx main.ts`. No authentication hook (like the baseline: the bench
 * measures the collaboration path, not sign-in).
 *
 * Durability, stated beside Draftroom's in the bench report: Hocuspocus stores a document
 * `debounce` (2 s) after a change, and at least every `maxDebounce` (10 s) while changes keep
 * coming, as the whole encoded state; an edit relayed to peers can be lost if the process is
 * killed before then. It stores every document on a graceful stop.
 */
const port = Number(process.env.PORT ?? 0);
const database = process.env.DATABASE ?? ':memory:';

const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  extensions: [new SQLite({ database })],
});
await server.listen();
const address = server.httpServer.address();
const boundPort = typeof address === 'object' && address ? address.port : port;
console.log(JSON.stringify({ msg: 'hocuspocus listening', url: `http://127.0.0.1:${boundPort}` }));

let stopping = false;
process.on('SIGTERM', () => {
  if (stopping) return;
  stopping = true;
  // destroy() stores every loaded document first (what a graceful restart gives Hocuspocus).
  void server.destroy().then(() => process.exit(0));
});

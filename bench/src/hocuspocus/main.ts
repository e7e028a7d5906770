import { Server } from '@hocuspocus/server';
import { SQLite, schema } from '@hocuspocus/extension-sqlite';

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

const storage = new SQLite({ database });
const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  extensions: [storage],
});
await server.listen();
// The extension starts creating its table on configure without waiting for it, so a document
// opened at once on a fresh database can be read before the table exists: Hocuspocus then answers
// "permission-denied" and that client never syncs (about 1 start in 50 here). In service the table
// exists after the first start, so wait for it before saying we listen.
await new Promise<void>((resolve, reject) => {
  storage.db?.run(schema, (error: Error | null) => (error ? reject(error) : resolve()));
});
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

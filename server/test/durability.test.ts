import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectClient, whenSynced, type HonestClient } from './helpers/clients.ts';
import { freePort, spawnServer, type ChildServer } from './helpers/childServer.ts';
import { createGuide } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

// Guarantee 1, durable before visible: once any peer has seen an edit, killing the server
// process with SIGKILL cannot lose it.
describe('durable before visible', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'draftroom-crash-'));
  const databasePath = join(dataDir, 'draftroom.sqlite');
  let server: ChildServer | undefined;

  afterAll(async () => {
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every edit a peer had received across repeated SIGKILLs', async () => {
    const port = await freePort();
    server = await spawnServer({ port, databasePath, env: { SEED_DEMO: 'false' } });
    const documentId = await createGuide(server.url, 'Crash test');
    const crashes = 5;
    let written = 0;

    for (let crash = 0; crash < crashes; crash++) {
      const writer = connectClient(server.wsUrl, documentId);
      const observer = connectClient(server.wsUrl, documentId);
      await Promise.all([whenSynced(writer), whenSynced(observer)]);
      expect(observer.text.toString()).toBe(expectedText(written));

      // A steady stream of small edits, as typing makes, until the process is killed.
      const typing = setInterval(() => {
        for (let burst = 0; burst < 5; burst++)
          writer.text.insert(writer.text.length, item(written++));
      }, 2);
      await waitFor(() => expect(observer.text.length).toBeGreaterThan(200 + crash * 500), 10_000);
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 300));
      await server.kill('SIGKILL');
      clearInterval(typing);
      // What the observer had seen at the moment of the crash is what must survive.
      const seen = observer.text.toString();
      destroyAll(writer, observer);

      server = await spawnServer({ port, databasePath });
      const reader = connectClient(server.wsUrl, documentId);
      await whenSynced(reader);
      const recovered = reader.text.toString();
      reader.destroy();

      expect(recovered.startsWith(seen)).toBe(true);
      // Anything stored beyond what the observer saw is the writer's next items, in order.
      const recoveredItems = recovered.split(';').filter(Boolean).length;
      expect(recovered).toBe(expectedText(recoveredItems));
      written = recoveredItems;
    }
  }, 120_000);
});

const item = (index: number) => `${index};`;
const expectedText = (count: number) =>
  Array.from({ length: count }, (_, index) => item(index)).join('');

function destroyAll(...clients: HonestClient[]): void {
  for (const client of clients) client.destroy();
}

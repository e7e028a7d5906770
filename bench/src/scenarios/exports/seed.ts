import * as Y from 'yjs';
import { guideFragmentName } from '@draftroom/shared';
import { encodeGuideBody, type ApiClient } from '@draftroom/server/testing';
import { setUpGuidesAsOrganiser, type GuidesSetup, type Person } from '../../lib/people.ts';
import type { ServerUnderTest } from '../../lib/processes.ts';
import { countWords, guideContent } from './guideContent.ts';

export interface SeededSession {
  sessionId: string;
  guideIds: string[];
  /** Words written across every guide, and the encoded updates' bytes. */
  words: number;
  updateBytes: number;
  /** Guides whose stored copy (read back by a fresh connection) is not what was sent. */
  notStored: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Guides written at once: the organiser's tabs, not a flood. */
const concurrency = 5;

/**
 * A co-creation session of its own (not the conference's) with `guides` groups, each guide
 * written through the server like any edit: the organiser opens it over the websocket and sends
 * one Yjs update holding the whole guide (a paste), built from ProseMirror JSON with the guide
 * schema. Then a fresh connection reads each guide back until it holds exactly what was sent,
 * so the exports measured afterwards read stored guides.
 */
export async function seedExportSession(
  server: ServerUnderTest,
  organiser: ApiClient,
  size: { guides: number; wordsPerGuide: number },
  log: (message: string) => void,
): Promise<SeededSession> {
  const started = performance.now();
  const names = Array.from({ length: size.guides }, (_, guide) => `Export group ${guide + 1}`);
  const setup: GuidesSetup = await setUpGuidesAsOrganiser(organiser, names, 0);
  const person: Person = { name: 'Organiser', headers: { cookie: organiser.cookie } };
  let words = 0;
  let updateBytes = 0;
  let notStored = 0;
  const pending = setup.guides.map((guide, index) => ({ guide, index }));
  const worker = async () => {
    for (let next = pending.shift(); next; next = pending.shift()) {
      const content = guideContent(next.index, size.wordsPerGuide);
      const update = encodeGuideBody(content);
      words += countWords(content);
      updateBytes += update.length;
      const expected = fragmentText(update);
      const writer = server.client(next.guide.documentId, {
        applyUpdates: false,
        headers: person.headers,
      });
      try {
        await writer.connect();
        writer.sendUpdate(update, false);
        await writer.roundTrip();
        if (!(await storedAs(server, next.guide.documentId, person, expected))) notStored++;
      } finally {
        await writer.close();
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  log(
    `  export session: ${size.guides} guides, ${words.toLocaleString('en')} words ` +
      `(${Math.round(updateBytes / 1024)} KiB of updates) written in ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s (not measured)`,
  );
  return {
    sessionId: setup.sessionId as string,
    guideIds: setup.guides.map((guide) => guide.documentId),
    words,
    updateBytes,
    notStored,
  };
}

/** The guide's body as XML text: what a Y.Doc holding `update` reads back. */
function fragmentText(update: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const result = doc.getXmlFragment(guideFragmentName).toString();
  doc.destroy();
  return result;
}

/** Opens the guide afresh until it holds `expected` (the server had stored it), up to 30 s. */
async function storedAs(
  server: ServerUnderTest,
  documentId: string,
  person: Person,
  expected: string,
): Promise<boolean> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const reader = server.client(documentId, { headers: person.headers });
    try {
      await reader.connect();
      if (reader.doc.getXmlFragment(guideFragmentName).toString() === expected) return true;
    } finally {
      await reader.close();
    }
    await sleep(100);
  }
  return false;
}

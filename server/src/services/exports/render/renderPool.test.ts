// The export worker under a start-and-cancel loop: someone who cancels each compiled export as
// soon as it is being written, and starts another, must not pile renders up in the worker.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { getPriority } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeGuideBody } from '../../demo/guideBody.ts';
import type { BookSource } from '../model.ts';
import { compiledBook, mixedGuide } from '../testing/sampleBooks.ts';
import { RenderPool } from './renderPool.ts';

const state = encodeGuideBody(mixedGuide as never);
const { chapters, ...rest } = compiledBook();
const bigBook: BookSource = {
  ...rest,
  chapters: Array.from({ length: 10 }, (_, index) => {
    const { content: _content, ...chapter } = chapters[0]!;
    return { ...chapter, guideId: `guide${index}`, title: `Group ${index}`, state };
  }),
};

describe('the render pool against cancelled renders', () => {
  const pool = new RenderPool();
  afterAll(() => pool.close());

  it('gives the worker one cancelled render at most, whatever the number cancelled', async () => {
    // A first render warms the worker up (its start is not what is measured).
    await pool.render({ ...bigBook, chapters: bigBook.chapters.slice(0, 1) }, 'md');
    for (let round = 0; round < 5; round++) {
      const controller = new AbortController();
      const rendering = pool.render(bigBook, 'docx', controller.signal);
      controller.abort(new Error('cancelled'));
      await expect(rendering).rejects.toThrow('cancelled');
    }
    expect(pool.inWorker).toBeLessThanOrEqual(1);
    // And the pool still renders what is asked next.
    const { bytes } = await pool.render(
      { ...bigBook, chapters: bigBook.chapters.slice(0, 2) },
      'html',
    );
    expect(new TextDecoder().decode(bytes)).toContain('Group 1');
  }, 60_000);

  it('refuses a render when those waiting already hold too many guides in memory', async () => {
    const small = new RenderPool({ maxWaitingBytes: 3 * state.byteLength });
    try {
      const one = { ...bigBook, chapters: bigBook.chapters.slice(0, 1) };
      const accepted = [small.render(bigBook, 'html')]; // held by the worker
      accepted.push(
        small.render(one, 'html'),
        small.render(one, 'html'),
        small.render(one, 'html'),
      );
      await expect(small.render(one, 'html')).rejects.toMatchObject({ code: 'export_unavailable' });
      await Promise.all(accepted);
      // Once the queue has drained, renders are taken again.
      await expect(small.render(one, 'html')).resolves.toBeDefined();
    } finally {
      await small.close();
    }
  }, 60_000);
});

/** The nice value of each thread of a process (Linux: field 19 of each task's stat). */
function threadNiceness(pid: number | 'self'): number[] {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

describe('the renderer beside the relay', () => {
  it('renders in a process whose every thread runs at the lowest priority, and stops when idle', async () => {
    const pool = new RenderPool({ idleMs: 200 });
    try {
      await pool.render({ ...bigBook, chapters: bigBook.chapters.slice(0, 1) }, 'md');
      const pid = pool.rendererPid!;
      // Its garbage collector's threads included: all of them, not only the one rendering.
      const niceness = threadNiceness(pid);
      expect(niceness.length).toBeGreaterThan(3);
      expect(new Set(niceness)).toEqual(new Set([19]));
      // The server's own threads are left as they were.
      expect(getPriority()).toBe(0);
      expect(pool.workerRunning).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(pool.workerRunning).toBe(false);
      expect(existsSync(`/proc/${pid}`)).toBe(false);
      // The next export starts a new renderer.
      const { bytes } = await pool.render(
        { ...bigBook, chapters: bigBook.chapters.slice(0, 1) },
        'md',
      );
      expect(bytes.byteLength).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('stops the renderer as soon as it has written a PDF’s HTML, before Chromium prints it', async () => {
    // A minute of idle: only the PDF rule can stop it within this test.
    const pool = new RenderPool({ idleMs: 60_000 });
    try {
      await pool.render({ ...bigBook, chapters: bigBook.chapters.slice(0, 1) }, 'docx');
      const pid = pool.rendererPid!;
      expect(pool.workerRunning).toBe(true);
      const { bytes } = await pool.render(
        { ...bigBook, chapters: bigBook.chapters.slice(0, 1) },
        'pdf-html',
      );
      expect(new TextDecoder().decode(bytes)).toContain('<html');
      expect(pool.workerRunning).toBe(false);
      await expect.poll(() => existsSync(`/proc/${pid}`), { timeout: 5_000 }).toBe(false);
      // A DOCX (or anything else) keeps it for the idle minute: the next export finds it warm.
      await pool.render({ ...bigBook, chapters: bigBook.chapters.slice(0, 1) }, 'docx');
      expect(pool.workerRunning).toBe(true);
    } finally {
      await pool.close();
    }
  }, 60_000);
});

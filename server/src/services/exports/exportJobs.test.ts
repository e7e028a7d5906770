import { describe, expect, it } from 'vitest';
import type { DownloadFile } from '@draftroom/shared';
import { DomainError } from '../../lib/domainError.ts';
import { ExportJobs, type JobProgress } from './exportJobs.ts';

const file: DownloadFile = {
  filename: 'x.md',
  contentType: 'text/markdown',
  bytes: new Uint8Array([1]),
};
const job = { sessionId: 's1', format: 'md' as const, filename: 'x.md', total: 2 };

/** Work that waits until the test lets it finish (or fail), reporting what it was told. */
function gate() {
  let release!: (error?: Error) => void;
  let progress: JobProgress | null = null;
  const done = new Promise<void>((resolve, reject) => {
    release = (error) => (error ? reject(error) : resolve());
  });
  return {
    work: async (given: JobProgress) => {
      progress = given;
      given.reading(1, 2);
      await done;
      return file;
    },
    release,
    get progress() {
      return progress;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('export jobs', () => {
  it('run one at a time: the next waits queued until the first is done', async () => {
    const jobs = new ExportJobs({ concurrency: 1 });
    const first = gate();
    const second = gate();
    const a = jobs.start('amina', job, first.work);
    const b = jobs.start('bashir', job, second.work);
    await settle();
    expect(jobs.get('amina', a.id)).toMatchObject({ state: 'running', done: 1 });
    expect(jobs.get('bashir', b.id).state).toBe('queued');
    first.release();
    await settle();
    expect(jobs.get('amina', a.id).state).toBe('done');
    expect(jobs.get('amina', a.id).expiresAt).not.toBeNull();
    expect(jobs.file('amina', a.id)).toBe(file);
    expect(jobs.get('bashir', b.id).state).toBe('running');
    second.release();
  });

  it('belong to whoever started them: anyone else is told they do not exist', () => {
    const jobs = new ExportJobs();
    const started = jobs.start('amina', job, gate().work);
    for (const act of [
      () => jobs.get('bashir', started.id),
      () => jobs.file('bashir', started.id),
      () => jobs.cancel('bashir', started.id),
    ]) {
      expect(act).toThrowError(expect.objectContaining({ code: 'not_found' }) as Error);
    }
  });

  it('cancel a queued job so that it never runs and never holds a turn', async () => {
    const jobs = new ExportJobs({ concurrency: 1 });
    const first = gate();
    const queued = gate();
    const third = gate();
    jobs.start('amina', job, first.work);
    const waiting = jobs.start('bashir', job, queued.work);
    jobs.cancel('bashir', waiting.id);
    const next = jobs.start('chen', job, third.work);
    await settle();
    // The cancelled job gave back no turn it never had: the first still holds the only one.
    expect(jobs.get('chen', next.id).state).toBe('queued');
    first.release();
    await settle();
    expect(queued.progress).toBeNull();
    expect(jobs.get('chen', next.id).state).toBe('running');
    third.release();
  });

  it('tell a running job it was cancelled, and drop what it makes', async () => {
    const jobs = new ExportJobs();
    const running = gate();
    const started = jobs.start('amina', job, running.work);
    await settle();
    jobs.cancel('amina', started.id);
    expect(running.progress?.signal.aborted).toBe(true);
    running.release();
    await settle();
    expect(() => jobs.get('amina', started.id)).toThrow(DomainError);
  });

  it('refuse a third unfinished export of one person, and keep a failure for them to see', async () => {
    const jobs = new ExportJobs({ concurrency: 1 });
    const first = gate();
    const failing = jobs.start('amina', job, first.work);
    jobs.start('amina', job, gate().work);
    expect(() => jobs.start('amina', job, gate().work)).toThrowError(
      expect.objectContaining({ code: 'conflict' }) as Error,
    );
    first.release(new DomainError('export_unavailable', 'No browser here.'));
    await settle();
    expect(jobs.get('amina', failing.id)).toMatchObject({
      state: 'failed',
      error: 'No browser here.',
    });
    expect(() => jobs.file('amina', failing.id)).toThrowError(
      expect.objectContaining({ code: 'conflict' }) as Error,
    );
  });

  it('forget finished files after 15 minutes', async () => {
    let now = 0;
    const jobs = new ExportJobs({ now: () => now });
    const quick = gate();
    const started = jobs.start('amina', job, quick.work);
    quick.release();
    await settle();
    now += 14 * 60_000;
    expect(jobs.get('amina', started.id).state).toBe('done');
    now += 2 * 60_000;
    expect(() => jobs.get('amina', started.id)).toThrow(DomainError);
  });
});

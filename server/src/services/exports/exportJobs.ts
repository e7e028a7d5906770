import type { DownloadFile, ExportFormat, ExportJob } from '@draftroom/shared';
import { conflict, DomainError, notFound } from '../../lib/domainError.ts';
import { randomId } from '../../lib/ids.ts';

/** How long a finished file waits to be downloaded. */
const keepFinishedMs = 15 * 60_000;
/** Compiled exports one person may have unfinished at once. */
const unfinishedPerPerson = 2;
/** Finished files one person keeps; an older one is forgotten when a newer one is ready. */
const keptPerPerson = 3;
/** Finished files everyone keeps together, in bytes, unless told otherwise. */
const defaultMaxKeptBytes = 256 * 1024 * 1024;

interface JobRecord {
  view: ExportJob;
  ownerId: string;
  controller: AbortController;
  file: DownloadFile | null;
  finishedAt: number | null;
}

/** What a job's work reports and is told while it runs. */
export interface JobProgress {
  signal: AbortSignal;
  reading(done: number, total: number): void;
  writing(): void;
}

export interface JobsOptions {
  /** Compiled exports built at once; the rest wait their turn (state `queued`). */
  concurrency?: number;
  /** Bytes of finished files kept for everyone together; the oldest go first beyond it. */
  maxKeptBytes?: number;
  now?: () => number;
}

/**
 * Compiled exports in progress and finished, in memory: each belongs to the person who started
 * it (anyone else is told it does not exist), runs when its turn comes (one at a time by
 * default: the machine's other core relays everyone's typing), can be cancelled at any point,
 * and keeps its file for 15 minutes. A restart forgets them, as it would a download in flight;
 * the person starts the export again.
 */
export class ExportJobs {
  private readonly jobs = new Map<string, JobRecord>();
  private readonly waiting: Array<() => void> = [];
  /** Jobs with a file, oldest file first. */
  private filed: JobRecord[] = [];
  private running = 0;
  private readonly concurrency: number;
  private readonly maxKeptBytes: number;
  private readonly now: () => number;

  constructor(options: JobsOptions = {}) {
    this.concurrency = options.concurrency ?? 1;
    this.maxKeptBytes = options.maxKeptBytes ?? defaultMaxKeptBytes;
    this.now = options.now ?? Date.now;
  }

  /** Starts `work` as a job of `ownerId`; it resolves to the file, or throws to fail the job. */
  start(
    ownerId: string,
    job: { sessionId: string; format: ExportFormat; filename: string; total: number },
    work: (progress: JobProgress) => Promise<DownloadFile>,
  ): ExportJob {
    this.forgetExpired();
    const unfinished = [...this.jobs.values()].filter(
      (record) => record.ownerId === ownerId && record.finishedAt === null,
    );
    if (unfinished.length >= unfinishedPerPerson) {
      throw conflict(
        'You already have two exports being prepared. Wait for one to finish, or cancel it.',
      );
    }
    const record: JobRecord = {
      view: {
        id: randomId(),
        ...job,
        state: 'queued',
        phase: 'reading',
        done: 0,
        error: null,
        expiresAt: null,
      },
      ownerId,
      controller: new AbortController(),
      file: null,
      finishedAt: null,
    };
    this.jobs.set(record.view.id, record);
    void this.run(record, work);
    return { ...record.view };
  }

  get(ownerId: string, id: string): ExportJob {
    return { ...this.record(ownerId, id).view };
  }

  /** The finished file; a job not finished yet is a conflict, not an empty file. */
  file(ownerId: string, id: string): DownloadFile {
    const record = this.record(ownerId, id);
    if (!record.file) {
      throw conflict(
        record.view.state === 'failed' || record.view.state === 'cancelled'
          ? 'This export did not finish; start it again.'
          : 'This export is still being prepared; wait until it is ready.',
      );
    }
    return record.file;
  }

  /** Cancels a job that is still going, and forgets it (and its file) in every case. */
  cancel(ownerId: string, id: string): void {
    const record = this.record(ownerId, id);
    if (record.finishedAt === null) {
      record.view.state = 'cancelled';
      record.controller.abort(new Error('cancelled'));
    }
    this.jobs.delete(id);
    this.filed = this.filed.filter((each) => each !== record);
  }

  /** Cancels everything (the server is stopping). */
  close(): void {
    for (const record of this.jobs.values()) record.controller.abort(new Error('stopping'));
    this.jobs.clear();
    this.filed = [];
  }

  private record(ownerId: string, id: string): JobRecord {
    this.forgetExpired();
    const record = this.jobs.get(id);
    if (!record || record.ownerId !== ownerId) throw notFound('This export');
    return record;
  }

  private async run(
    record: JobRecord,
    work: (progress: JobProgress) => Promise<DownloadFile>,
  ): Promise<void> {
    const { signal } = record.controller;
    let holdsSlot = false;
    try {
      await this.turn(signal);
      holdsSlot = true;
      record.view.state = 'running';
      const file = await work({
        signal,
        reading: (done, total) => Object.assign(record.view, { done, total }),
        writing: () => {
          record.view.phase = 'writing';
        },
      });
      signal.throwIfAborted();
      record.file = file;
      record.view.state = 'done';
      record.view.expiresAt = new Date(this.now() + keepFinishedMs).toISOString();
      this.keepWithinBounds(record);
    } catch (error) {
      if (!signal.aborted) {
        record.view.state = 'failed';
        // Our own refusals are written for people; anything else (a database or file system
        // error also has a `code`) is described, not quoted: its text names internals.
        record.view.error =
          error instanceof DomainError
            ? error.message
            : 'The export could not be written. Try again, or choose another format.';
      }
    } finally {
      record.finishedAt = this.now();
      // Only a job that took a slot gives one back (one cancelled while queued never had one).
      if (holdsSlot) this.release();
    }
  }

  /** Waits for a free slot; a job cancelled while waiting leaves the queue. */
  private turn(signal: AbortSignal): Promise<void> {
    if (this.running < this.concurrency) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const go = () => {
        signal.removeEventListener('abort', leave);
        this.running++;
        resolve();
      };
      const leave = () => {
        const index = this.waiting.indexOf(go);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal.reason);
      };
      signal.addEventListener('abort', leave, { once: true });
      this.waiting.push(go);
    });
  }

  private release(): void {
    this.running--;
    this.waiting.shift()?.();
  }

  /**
   * Files wait in memory for their download, so how many are kept is bounded: a person's few
   * newest (someone compiling again and again has downloaded the older ones), and everyone's
   * together within a byte budget, the oldest forgotten first. The file just finished is kept
   * whatever its size: it is the one its starter is waiting for.
   */
  private keepWithinBounds(newest: JobRecord): void {
    // The Map is in start order; `filed` is in the order files became ready.
    this.filed.push(newest);
    const mine = this.filed.filter((record) => record.ownerId === newest.ownerId);
    const forget = new Set(mine.slice(0, Math.max(0, mine.length - keptPerPerson)));
    let bytes = 0;
    for (const record of this.filed) {
      if (!forget.has(record)) bytes += record.file?.bytes.byteLength ?? 0;
    }
    for (const record of this.filed) {
      if (bytes <= this.maxKeptBytes || record === newest) break;
      if (forget.has(record)) continue;
      forget.add(record);
      bytes -= record.file?.bytes.byteLength ?? 0;
    }
    for (const record of forget) this.jobs.delete(record.view.id);
    this.filed = this.filed.filter((record) => !forget.has(record));
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [id, record] of this.jobs) {
      if (record.finishedAt !== null && now - record.finishedAt > keepFinishedMs) {
        this.jobs.delete(id);
      }
    }
    this.filed = this.filed.filter((record) => this.jobs.get(record.view.id) === record);
  }
}

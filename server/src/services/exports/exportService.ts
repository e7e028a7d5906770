import { setImmediate as nextTurn } from 'node:timers/promises';
import type {
  ConferenceSession,
  DownloadFile,
  ExportFormat,
  ExportJob,
  ExportOptions,
  SessionExportRequest,
  libraryExportQuerySchema,
} from '@draftroom/shared';
import { sessionExportRequestSchema } from '@draftroom/shared';
import type { z } from 'zod';
import { DomainError, forbidden, notFound } from '../../lib/domainError.ts';
import { perPersonLimit } from '../../lib/perPersonLimit.ts';
import { memoryLimiters, type Limiters } from '../../lib/rateLimits.ts';
import type { Repositories } from '../../persistence/index.ts';
import type { GroupRecord } from '../../persistence/repositories/groups.ts';
import {
  canCompileSession,
  canExportGuide,
  guidePermission,
  type Viewer,
} from '../access/policy.ts';
import { permissionOnGuide } from '../conference/guideService.ts';
import { placeOf } from '../conference/viewer.ts';
import type { GuideDocuments } from '../documents/guideDocuments.ts';
import { createChapterReader } from './bookSource.ts';
import { ExportJobs } from './exportJobs.ts';
import { exportFileName } from './filename.ts';
import type { BookSource, ChapterSource, ExportExtra, ExportLocale } from './model.ts';
import type { PdfPrinter } from './pdf/pdfPrinter.ts';
import { interactionFor, type InteractionSnapshot } from '../interaction/presentInteraction.ts';
import { interactionChapter } from './interactionChapter.ts';
import { citedPracticesAnnex, exportableCards, libraryChapters } from './practiceBook.ts';
import { practiceLabels } from './practiceLabels.ts';
import type { RenderPool } from './render/renderPool.ts';

export interface ExportServiceOptions {
  repositories: Repositories;
  documents: GuideDocuments;
  renderer: RenderPool;
  pdf: PdfPrinter;
  jobs?: ExportJobs;
  now?: () => Date;
  /** Where its per-person limits count (Redis with several instances: they hold across them). */
  limiters?: Limiters;
  /** A session's questions and polls as stored (the interaction service's snapshot). */
  interaction?: (sessionId: string) => Promise<InteractionSnapshot | null>;
}

/** The library export's query (`GET /api/library/export`). */
export type LibraryExportRequest = z.output<typeof libraryExportQuerySchema>;

const contentTypes: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

/**
 * Exports guides as files: one guide at once (whoever may read it, participants only their own
 * group's), or a session's guides compiled into one document by a job its starter follows and
 * may cancel (those who run the session, its organisers and observers, with the guides they may
 * read). Every file is written from the state the server stores; the formats themselves are pure
 * renderers run off the main thread (`render/`), PDFs printed by the warm browser (`pdf/`).
 */
export function createExportService(options: ExportServiceOptions) {
  const { repositories, renderer, pdf } = options;
  const jobs = options.jobs ?? new ExportJobs();
  const now = options.now ?? (() => new Date());
  const readChapter = createChapterReader(repositories, options.documents);
  // A guide's export costs seconds of the export worker, which everyone's exports share.
  const guideLimit = perPersonLimit(
    20,
    'You have exported many files in a short time. Wait a minute and try again.',
    { limiters: options.limiters ?? memoryLimiters, name: 'exports' },
  );
  /**
   * People with a guide export being written: one at a time each. A guide near the size limit
   * is tens of seconds of the worker, and the limit above alone let one person queue twenty of
   * them (minutes of everyone's exports, and each guide's state held in memory meanwhile).
   */
  const writingFor = new Set<string>();

  /**
   * Writes one file for the person, if none of theirs is being written and their minute's
   * allowance holds; otherwise 429, with a few seconds to wait (an export takes that long).
   */
  async function oneAtATime<T>(viewer: Viewer, work: () => Promise<T>): Promise<T> {
    if (writingFor.has(viewer.person.id)) {
      const busy = new DomainError(
        'rate_limited',
        'Your previous export is still being written. Wait for it, then try again.',
      );
      busy.retryAfterSeconds = 5;
      throw busy;
    }
    writingFor.add(viewer.person.id);
    try {
      await guideLimit.take(viewer.person.id);
      return await work();
    } finally {
      writingFor.delete(viewer.person.id);
    }
  }

  /**
   * The "Questions and polls" chapter as this person may see it (`interactionFor`: an observer
   * gets no unrevealed results), or none when the session has nothing to record.
   */
  async function interactionExtras(
    viewer: Viewer,
    sessionId: string,
    locale: ExportLocale,
  ): Promise<ExportExtra[]> {
    const snapshot = await options.interaction?.(sessionId);
    const chapter = snapshot ? interactionChapter(interactionFor(snapshot, viewer), locale) : null;
    return chapter ? [chapter] : [];
  }

  async function eventOf(eventId: string) {
    const event = await repositories.events.get(eventId);
    if (!event) throw notFound('This event');
    return event;
  }

  /** Renders a book in the asked format: a file, or the HTML the browser prints as a PDF. */
  async function write(
    source: BookSource,
    format: ExportFormat,
    signal?: AbortSignal,
  ): Promise<Uint8Array> {
    if (format === 'pdf') {
      const { bytes } = await renderer.render(source, 'pdf-html', signal);
      return pdf.print(new TextDecoder().decode(bytes), source, signal);
    }
    return (await renderer.render(source, format, signal)).bytes;
  }

  /** One guide as a file, for someone already allowed to export it. */
  async function guideFile(
    viewer: Viewer,
    guideId: string,
    request: ExportOptions,
  ): Promise<DownloadFile> {
    const group = await repositories.groups.getByGuide(guideId);
    const session = group ? await repositories.sessions.get(group.sessionId) : undefined;
    const event = await eventOf(viewer.person.eventId);
    const chapter = await readChapter(guideId, group ?? null);
    const practices = await repositories.citations.cardsOfEvent(event.id);
    const source: BookSource = {
      kind: 'guide',
      citations: exportableCards(practices),
      locale: request.locale,
      eventName: event.name,
      sessionTitle: session?.title ?? null,
      exportedAt: now().toISOString(),
      timeZone: event.timeZone,
      pageSize: request.pageSize,
      chapters: [chapter],
    };
    return {
      filename: exportFileName([event.name, session?.title ?? null, chapter.title], request.format),
      contentType: contentTypes[request.format],
      bytes: await write(source, request.format),
    };
  }

  return {
    async guide(viewer: Viewer, guideId: string, request: ExportOptions): Promise<DownloadFile> {
      const access = await permissionOnGuide(repositories, viewer, guideId);
      if (!canExportGuide(access.permission)) {
        if (access.groupId !== null && access.eventId === viewer.person.eventId) {
          throw forbidden(
            'Only the members of this group, and those who run it, export its guide.',
          );
        }
        throw notFound('This guide');
      }
      return oneAtATime(viewer, () => guideFile(viewer, guideId, request));
    },

    async startSession(
      viewer: Viewer,
      sessionId: string,
      input: SessionExportRequest,
    ): Promise<ExportJob> {
      const request = sessionExportRequestSchema.parse(input);
      const session = await repositories.sessions.get(sessionId);
      if (!session || session.eventId !== viewer.person.eventId) throw notFound('This session');
      if (!canCompileSession(viewer, session)) {
        throw forbidden(
          'Only those who run this session, and observers of it, compile its guides.',
        );
      }
      const chosen = await readableGroups(repositories, viewer, session, request.guideIds);
      // A debate has questions and polls but no guides: its compiled export is that chapter.
      const extras = await interactionExtras(viewer, sessionId, request.locale);
      if (chosen.length === 0 && extras.length === 0) {
        throw new DomainError('conflict', 'This session has no guide you may export yet.');
      }
      const event = await eventOf(session.eventId);
      const extension = request.format === 'md' ? 'zip' : request.format;
      const filename = exportFileName([event.name, session.title], extension);
      return jobs.start(
        viewer.person.id,
        { sessionId, format: request.format, filename, total: chosen.length },
        async (progress) => {
          const chapters: ChapterSource[] = [];
          for (const group of chosen) {
            progress.signal.throwIfAborted();
            chapters.push(await readChapter(group.guideId, group));
            progress.reading(chapters.length, chosen.length);
            // One guide per turn of the event loop: typing is relayed between two reads.
            await nextTurn();
          }
          progress.writing();
          // Good practices: the citations' cards, and the annex listing each cited one once.
          const practices = await repositories.citations.cardsOfEvent(session.eventId);
          const citing = [];
          for (const [index, group] of chosen.entries()) {
            citing.push({
              chapterTitle: chapters[index]?.title ?? group.name,
              practiceIds: await repositories.citations.ofGuide(group.guideId),
            });
          }
          const annex = citedPracticesAnnex(citing, practices, request.locale);
          const source: BookSource = {
            kind: 'compiled',
            citations: exportableCards(practices),
            locale: request.locale,
            eventName: event.name,
            sessionTitle: session.title,
            exportedAt: now().toISOString(),
            timeZone: event.timeZone,
            pageSize: request.pageSize,
            chapters,
            extras: annex ? [...extras, annex] : extras,
          };
          return {
            filename,
            contentType: request.format === 'md' ? 'application/zip' : contentTypes[request.format],
            bytes: await write(source, request.format, progress.signal),
          };
        },
      );
    },

    /**
     * The event's approved practices compiled into one DOCX or PDF (issue 17), for anyone signed
     * in to the event: a compiled book without guides, a chapter per practice. Counted against
     * the same per-person limit as a guide's export, one at a time each.
     */
    async library(viewer: Viewer, request: LibraryExportRequest): Promise<DownloadFile> {
      return oneAtATime(viewer, async () => {
        const event = await eventOf(viewer.person.eventId);
        const locale: ExportLocale = request.locale ?? viewer.person.preferredLanguage;
        const labels = practiceLabels(locale);
        const [book, practices] = await Promise.all([
          repositories.citations.approvedBook(event.id),
          repositories.citations.cardsOfEvent(event.id),
        ]);
        const citations = exportableCards(practices);
        const source: BookSource = {
          kind: 'compiled',
          locale,
          eventName: event.name,
          sessionTitle: labels.libraryTitle,
          exportedAt: now().toISOString(),
          timeZone: event.timeZone,
          pageSize: request.pageSize === 'letter' ? 'Letter' : 'A4',
          chapters: [],
          extras: libraryChapters(book, citations, locale),
          citations,
          contributorsAnnex: false,
        };
        return {
          filename: exportFileName([event.name, labels.libraryTitle], request.format),
          contentType: contentTypes[request.format],
          bytes: await write(source, request.format),
        };
      });
    },

    job: (viewer: Viewer, id: string) => jobs.get(viewer.person.id, id),

    /**
     * The file, to its starter if they may still compile its session: a file is shown when it is
     * downloaded, so someone whose role was lowered (or who left the session) since the job
     * started does not carry away what they may no longer read.
     */
    async file(viewer: Viewer, id: string): Promise<DownloadFile> {
      const { sessionId } = jobs.get(viewer.person.id, id);
      const session = await repositories.sessions.get(sessionId);
      if (!session || !canCompileSession(viewer, session)) {
        throw forbidden(
          'You may no longer compile this session; this export is not yours to take.',
        );
      }
      return jobs.file(viewer.person.id, id);
    },
    cancel: (viewer: Viewer, id: string) => jobs.cancel(viewer.person.id, id),
    close: () => jobs.close(),
  };
}

export type ExportService = ReturnType<typeof createExportService>;

/**
 * The session's groups whose guides go into the export, in the session's order: those asked for
 * (each must be a guide of this session the caller may read), or every one the caller may read.
 */
async function readableGroups(
  repositories: Repositories,
  viewer: Viewer,
  session: ConferenceSession,
  guideIds: readonly string[] | undefined,
): Promise<GroupRecord[]> {
  const groups = await repositories.groups.listBySessions([session.id]);
  const locks = await repositories.guideLocks.among(groups.map((group) => group.guideId));
  const readable = (group: GroupRecord) =>
    guidePermission(viewer, placeOf(group, session), locks.has(group.guideId)) !== null;
  // None readable is for the caller to judge: the session's questions and polls may be the book.
  if (guideIds === undefined) return groups.filter(readable);
  const byGuide = new Map(groups.map((group) => [group.guideId, group]));
  for (const guideId of guideIds) {
    const group = byGuide.get(guideId);
    if (!group) {
      throw new DomainError(
        'validation_failed',
        'Some fields are not valid; correct them and try again.',
        [{ path: 'guideIds', message: 'A chosen guide is not a guide of this session.' }],
      );
    }
    if (!readable(group)) throw forbidden('A chosen guide is one you may not read.');
  }
  const wanted = new Set(guideIds);
  return groups.filter((group) => wanted.has(group.guideId));
}

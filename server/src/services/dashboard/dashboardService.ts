import type {
  ConferenceSession,
  DashboardActivity,
  DashboardRow,
  LanguageCode,
  dashboardActivityQuerySchema,
} from '@draftroom/shared';
import { dashboardActivitySchema } from '@draftroom/shared';
import type { z } from 'zod';
import { forbidden, notFound } from '../../lib/domainError.ts';
import {
  serverAuthorId,
  type ConferenceStore,
  type PersonRecord,
} from '../../persistence/index.ts';
import { canSeeDashboard, type Viewer } from '../access/policy.ts';
import { sessionInEvent } from '../conference/viewer.ts';
import type { GuideDocuments } from '../documents/guideDocuments.ts';
import { templateFor } from '../templates/templateChoice.ts';
import { bodyFigures, templateSections, type GuideFigures } from './guideFigures.ts';
import { activityBuckets } from './activityBuckets.ts';

/**
 * Columns that come from other features, plugged in where the server is wired (`server.ts`):
 * open comments from the comments tables. Without a source the column is null and the grid
 * shows "—".
 */
export interface DashboardSources {
  openComments?: (guideIds: readonly string[]) => Promise<Map<string, number>>;
}

export interface DashboardOptions {
  sources?: DashboardSources;
  /** A guide's words and sections are read again at most this often while it is being edited. */
  figuresEveryMs?: number;
}

interface Attribution {
  authors: Set<string>;
  lastEditAt: string | null;
}

interface CachedFigures {
  figures: GuideFigures;
  at: number;
  dirty: boolean;
}

type ChangeListener = (guideIds: readonly string[]) => void;

const templateCacheMs = 60_000;
const peopleCacheMs = 30_000;
const tick = () => new Promise((resolve) => setImmediate(resolve));

/**
 * The organisers' dashboard: one row per guide of the event, each column from a small source.
 * What changes often is kept in memory and fed by the document host's hooks (who is online, who
 * wrote and when); what is costly (words and sections: a decode of the whole guide) is cached
 * per guide and read again only for a guide that changed, at most every `figuresEveryMs`, one
 * guide per turn of the event loop. Listeners hear which guides changed; the event stream
 * coalesces them.
 */
export function createDashboardService(
  store: ConferenceStore,
  documents: GuideDocuments,
  options: DashboardOptions = {},
) {
  const { repositories } = store;
  const figuresEveryMs = options.figuresEveryMs ?? 1000;
  const online = new Map<string, Map<string, number>>();
  const attribution = new Map<string, Attribution>();
  const figures = new Map<string, CachedFigures>();
  const templates = new Map<
    string,
    { sections: ReturnType<typeof templateSections>; at: number }
  >();
  const people = new Map<string, { byId: Map<string, PersonRecord>; at: number }>();
  const listeners = new Set<ChangeListener>();
  const recheck = new Map<string, NodeJS.Timeout>();

  const changed = (guideIds: readonly string[]) => {
    for (const listener of listeners) listener(guideIds);
  };

  async function sectionsFor(
    session: ConferenceSession,
    language: LanguageCode,
  ): Promise<ReturnType<typeof templateSections>> {
    if (session.templateId === null) return [];
    const key = `${session.id}:${session.templateId}:${language}`;
    const cached = templates.get(key);
    if (cached && Date.now() - cached.at < templateCacheMs) return cached.sections;
    const content = await templateFor(repositories, session.eventId, session.templateId, language);
    const sections = templateSections(content);
    templates.set(key, { sections, at: Date.now() });
    return sections;
  }

  async function peopleOf(eventId: string, authors: Iterable<string>) {
    let cached = people.get(eventId);
    const stale = !cached || Date.now() - cached.at > peopleCacheMs;
    const unknown = cached && [...authors].some((id) => !cached!.byId.has(id));
    if (!cached || stale || unknown) {
      const list = await repositories.people.listByEvent(eventId);
      cached = { byId: new Map(list.map((person) => [person.id, person])), at: Date.now() };
      people.set(eventId, cached);
    }
    return cached.byId;
  }

  async function attributionOf(guideIds: readonly string[]): Promise<void> {
    const missing = guideIds.filter((id) => !attribution.has(id));
    if (missing.length === 0) return;
    const rows = await repositories.contributions.authorsOf(missing);
    for (const id of missing) attribution.set(id, { authors: new Set(), lastEditAt: null });
    for (const row of rows) {
      if (row.authorId === serverAuthorId) continue;
      const entry = attribution.get(row.guideId)!;
      entry.authors.add(row.authorId);
      if (entry.lastEditAt === null || row.lastAt > entry.lastEditAt) entry.lastEditAt = row.lastAt;
    }
  }

  /** Words and sections, from the cache unless the guide changed and its turn has come. */
  async function figuresOf(
    guideId: string,
    template: ReturnType<typeof templateSections>,
  ): Promise<GuideFigures> {
    const cached = figures.get(guideId);
    const now = Date.now();
    if (cached && !cached.dirty) return cached.figures;
    if (cached && now - cached.at < figuresEveryMs) {
      // Too soon after the last read: read it when its turn comes, and say so then.
      if (!recheck.has(guideId)) {
        const timer = setTimeout(
          () => {
            recheck.delete(guideId);
            changed([guideId]);
          },
          figuresEveryMs - (now - cached.at),
        );
        timer.unref();
        recheck.set(guideId, timer);
      }
      return cached.figures;
    }
    await tick();
    const fresh = await documents.readBody(guideId, (body) => bodyFigures(body, template));
    figures.set(guideId, { figures: fresh, at: Date.now(), dirty: false });
    return fresh;
  }

  /** The rows of an event's guides (all, or only those in `only`). */
  async function assemble(eventId: string, only?: ReadonlySet<string>): Promise<DashboardRow[]> {
    const sessions = await repositories.sessions.listByEvent(eventId);
    const sessionsById = new Map(sessions.map((session) => [session.id, session]));
    const groups = (await repositories.groups.listBySessions(sessions.map((s) => s.id))).filter(
      (group) => !only || only.has(group.guideId),
    );
    const guideIds = groups.map((group) => group.guideId);
    const [reviews, comments] = await Promise.all([
      repositories.guideReviews.among(guideIds),
      options.sources?.openComments?.(guideIds) ?? Promise.resolve(null),
      attributionOf(guideIds),
    ]);
    const authors = new Set(guideIds.flatMap((id) => [...(attribution.get(id)?.authors ?? [])]));
    const byId = await peopleOf(eventId, authors);
    const rows: DashboardRow[] = [];
    for (const group of groups) {
      const session = sessionsById.get(group.sessionId)!;
      const template = await sectionsFor(session, group.workingLanguage);
      const shown = await figuresOf(group.guideId, template);
      const wrote = attribution.get(group.guideId) ?? { authors: new Set(), lastEditAt: null };
      const parliaments = new Set(
        [...wrote.authors].flatMap((id) => {
          const parliament = byId.get(id)?.parliament;
          return parliament ? [parliament.normalize('NFC').toLowerCase()] : [];
        }),
      );
      rows.push({
        guideId: group.guideId,
        groupId: group.id,
        groupName: group.name,
        sessionId: session.id,
        sessionTitle: session.title,
        workingLanguage: group.workingLanguage,
        status: reviews.get(group.guideId)?.status ?? 'drafting',
        online: online.get(group.guideId)?.size ?? 0,
        contributors: wrote.authors.size,
        parliaments: parliaments.size,
        words: shown.words,
        sections: shown.sections,
        openComments: comments ? (comments.get(group.guideId) ?? 0) : null,
        lastEditAt: wrote.lastEditAt,
      });
    }
    return rows;
  }

  function checkViewer(viewer: Viewer): string {
    const eventId = viewer.person.eventId;
    if (!canSeeDashboard(viewer, eventId)) {
      throw forbidden('Only the event’s organisers can open the dashboard.');
    }
    return eventId;
  }

  return {
    /** Refuses anyone but the event's organisers; the event whose dashboard they see. */
    checkViewer,

    async rows(viewer: Viewer): Promise<DashboardRow[]> {
      return assemble(checkViewer(viewer));
    },

    /** The rows of these guides in the event (for the stream's changed rows). */
    rowsOf(eventId: string, guideIds: ReadonlySet<string>): Promise<DashboardRow[]> {
      return assemble(eventId, guideIds);
    },

    async activity(
      viewer: Viewer,
      query: z.output<typeof dashboardActivityQuerySchema>,
    ): Promise<DashboardActivity> {
      const eventId = checkViewer(viewer);
      let guideIds: string[];
      if (query.guideId !== undefined) {
        const group = await repositories.groups.getByGuide(query.guideId);
        const session = group && (await repositories.sessions.get(group.sessionId));
        if (!group || !session || session.eventId !== eventId) throw notFound('This guide');
        guideIds = [group.guideId];
      } else {
        const session = await sessionInEvent(repositories, viewer, query.sessionId ?? '');
        guideIds = (await repositories.groups.listBySessions([session.id])).map((g) => g.guideId);
      }
      const buckets = activityBuckets(Date.now(), query.hours, query.bucketMinutes);
      const minutes = await repositories.contributions.perMinute(
        guideIds,
        buckets.sinceMinute,
        serverAuthorId,
      );
      return dashboardActivitySchema.parse(buckets.fill(minutes));
    },

    /** Stored edits (the document host's `persisted`): person authors, or null for the server. */
    noteEdits(guideId: string, authorIds: ReadonlyArray<string | null>): void {
      const cached = figures.get(guideId);
      if (cached) cached.dirty = true;
      const entry = attribution.get(guideId);
      const people = authorIds.filter((id): id is string => id !== null);
      if (entry && people.length > 0) {
        for (const id of people) entry.authors.add(id);
        entry.lastEditAt = new Date().toISOString();
      }
      changed([guideId]);
    },

    /** Someone opened (+1) or closed (-1) the guide. */
    noteOnline(guideId: string, personId: string, delta: 1 | -1): void {
      let here = online.get(guideId);
      if (!here) online.set(guideId, (here = new Map()));
      const count = (here.get(personId) ?? 0) + delta;
      if (count > 0) here.set(personId, count);
      else here.delete(personId);
      if (here.size === 0) online.delete(guideId);
      changed([guideId]);
    },

    /** A guide's row changed for another reason (its review moved). */
    noteChanged(guideId: string): void {
      changed([guideId]);
    },

    onChange(listener: ChangeListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    close(): void {
      for (const timer of recheck.values()) clearTimeout(timer);
      recheck.clear();
      listeners.clear();
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;

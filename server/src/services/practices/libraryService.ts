import {
  practiceListQuerySchema,
  type LibrarySettings,
  type PracticeList,
  type PracticeListQuery,
  type PracticeMatch,
  type PracticeVersion,
  type PracticeVersionContent,
  type PublicLibrary,
  type PublicPracticePage,
} from '@draftroom/shared';
import { forbidden, notFound } from '../../lib/domainError.ts';
import { perPersonLimit } from '../../lib/perPersonLimit.ts';
import { memoryLimiters, type Limiters } from '../../lib/rateLimits.ts';
import type { ConferenceStore, PracticeRecord } from '../../persistence/index.ts';
import type { Viewer } from '../access/policy.ts';
import {
  canCuratePractices,
  canReadPractice,
  canSubmitPractices,
  declaredKeyOf,
  delegateKeyOf,
  isShownPublicly,
} from '../access/practicePolicy.ts';
import { regionOf } from '../registration/presentRegistration.ts';
import { facts, readablePractice } from './practiceService.ts';
import { summaryOf } from './presentPractice.ts';

/** Finds practices by their words among the given ids (the guides' index: `practiceSearch.ts`). */
export type PracticeSearch = (
  q: string,
  practiceIds: readonly string[],
) => Promise<{ words: string[]; matches: Map<string, PracticeMatch> }>;

const folded = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

// Asked only once the library is known to be published (`publishedEvent`).
const isPublic = (record: PracticeRecord) => isShownPublicly(true, record);

/**
 * Reading the library: the filtered (and searched) list, versions, the organisers' publication
 * settings, and the public pages (no sign-in: only what the organisers published, never a contact).
 */
export function createLibraryService(
  store: ConferenceStore,
  options: { search?: PracticeSearch; now?: () => Date; limiters?: Limiters } = {},
) {
  const { repositories } = store;
  // As the guides' search (searchService.ts): typing searches as it goes, but not a flood.
  const searchLimit = perPersonLimit(
    240,
    'You searched very often in a short time; wait a minute.',
    {
      limiters: options.limiters ?? memoryLimiters,
      name: 'practiceSearch',
    },
  );
  const now = options.now ?? (() => new Date());

  async function settingsOf(eventId: string): Promise<LibrarySettings> {
    const settings = await repositories.practices.librarySettings(eventId);
    return {
      published: settings?.published ?? false,
      publishedAt: settings?.publishedAt ?? null,
      publicPath: `/public/library/${eventId}`,
    };
  }

  function requireCurator(viewer: Viewer): void {
    if (!canCuratePractices(viewer, viewer.person.eventId)) {
      throw forbidden('Only organisers publish the library.');
    }
  }

  /** A published library's event, else 404 (unknown, or not published: the same answer). */
  async function publishedEvent(eventId: string) {
    const event = await repositories.events.get(eventId);
    if (!event || !(await settingsOf(eventId)).published) throw notFound('This library');
    return event;
  }

  return {
    async list(viewer: Viewer, request: PracticeListQuery): Promise<PracticeList> {
      const query = practiceListQuerySchema.parse(request);
      const eventId = viewer.person.eventId;
      const curator = canCuratePractices(viewer, eventId);
      // "Mine": the declared parliament's, among what the viewer may read (its approved
      // practices, and all of it once confirmed) and the ones they submitted.
      const own = declaredKeyOf(viewer);
      const parliament = query.parliament ? folded(query.parliament) : null;
      const records = (await repositories.practices.listByEvent(eventId)).filter(
        (record) =>
          canReadPractice(viewer, facts(record)) &&
          (!query.mine || (own !== null && record.parliamentKey === own)) &&
          (!query.status || record.status === query.status) &&
          (!query.audience || record.content.audiences.includes(query.audience)) &&
          (!query.topic || record.content.topics.includes(query.topic)) &&
          (!query.language || record.content.languages.includes(query.language)) &&
          (!query.country || record.content.country === query.country.toUpperCase()) &&
          (!query.region || regionOf(record.content.country) === query.region) &&
          (parliament === null || folded(record.content.parliament) === parliament),
      );
      let words: string[] = [];
      let listed = records.map((record) => ({
        ...summaryOf(record),
        match: null as PracticeMatch | null,
      }));
      if (query.q && options.search) {
        await searchLimit.take(viewer.person.id);
        // Searched among the ids this reader may list after the filters, nothing else.
        const found = await options.search(
          query.q,
          records.map((record) => record.id),
        );
        words = found.words;
        listed = listed.flatMap((summary) => {
          const match = found.matches.get(summary.id);
          return match ? [{ ...summary, match }] : [];
        });
        // Best match first, as the index ranked them.
        const rank = [...found.matches.keys()];
        listed.sort((a, b) => rank.indexOf(a.id) - rank.indexOf(b.id));
      }
      return {
        practices: listed,
        words,
        capabilities: {
          submit: canSubmitPractices(viewer),
          curate: curator,
          parliament: own === null ? null : viewer.person.parliament,
          country: own === null ? null : viewer.person.country,
          parliamentConfirmed: delegateKeyOf(viewer) !== null,
        },
        published: (await settingsOf(eventId)).published,
      };
    },

    async versions(viewer: Viewer, practiceId: string): Promise<{ versions: PracticeVersion[] }> {
      await readablePractice(repositories, viewer, practiceId);
      const versions = await repositories.practices.versions(practiceId);
      return {
        versions: versions.map((version) => ({
          revision: version.revision,
          kind: version.kind,
          by: version.byName,
          at: version.createdAt,
          note: version.note,
        })),
      };
    },

    async version(
      viewer: Viewer,
      practiceId: string,
      revisionParam: string,
    ): Promise<PracticeVersionContent> {
      await readablePractice(repositories, viewer, practiceId);
      const revision = /^[1-9]\d{0,8}$/.test(revisionParam) ? Number(revisionParam) : null;
      const [version] =
        revision === null ? [] : await repositories.practices.versions(practiceId, revision);
      if (!version) throw notFound('This version of the practice');
      return {
        revision: version.revision,
        kind: version.kind,
        by: version.byName,
        at: version.createdAt,
        note: version.note,
        content: version.content,
      };
    },

    async settings(viewer: Viewer): Promise<LibrarySettings> {
      requireCurator(viewer);
      return settingsOf(viewer.person.eventId);
    },

    async updateSettings(viewer: Viewer, body: { published: boolean }): Promise<LibrarySettings> {
      requireCurator(viewer);
      const eventId = viewer.person.eventId;
      const before = await settingsOf(eventId);
      const at = now().toISOString();
      await repositories.practices.setLibrarySettings(
        eventId,
        {
          published: body.published,
          // Since when it is published: kept while it stays so, cleared when taken down.
          publishedAt: body.published ? (before.published ? before.publishedAt : at) : null,
        },
        at,
      );
      return settingsOf(eventId);
    },

    async publicLibrary(eventId: string): Promise<PublicLibrary> {
      const event = await publishedEvent(eventId);
      const records = (await repositories.practices.listByEvent(eventId)).filter(isPublic);
      return {
        eventName: event.name,
        practices: records.map((record) => {
          const { status: _status, public: _public, ...summary } = summaryOf(record);
          return summary;
        }),
      };
    },

    async publicPractice(eventId: string, practiceId: string): Promise<PublicPracticePage> {
      const event = await publishedEvent(eventId);
      const record = await repositories.practices.get(practiceId);
      if (!record || record.eventId !== eventId || !isPublic(record)) {
        throw notFound('This practice');
      }
      const { contact: _contact, ...content } = record.content;
      return {
        eventName: event.name,
        practice: {
          ...content,
          id: record.id,
          region: regionOf(record.content.country),
          updatedAt: record.updatedAt,
        },
      };
    },
  };
}

export type LibraryService = ReturnType<typeof createLibraryService>;

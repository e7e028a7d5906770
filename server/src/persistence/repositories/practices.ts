import {
  audienceTags,
  languageCodes,
  practiceTopics,
  type AudienceTag,
  type LanguageCode,
  type PracticeContent,
  type PracticeLink,
  type PracticeStatus,
  type PracticeTopic,
  type TemplateContent,
} from '@draftroom/shared';
import type { Selectable } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';
import type { Db } from './database.ts';
import { parseArray } from './jsonColumns.ts';
import { practiceLinksQueries } from './practiceLinks.ts';

/** A practice as stored: its current content, curation and the revision every write checks. */
export interface PracticeRecord {
  id: string;
  eventId: string;
  status: PracticeStatus;
  revision: number;
  parliamentKey: string;
  content: PracticeContent;
  public: boolean;
  mergedInto: string | null;
  reviewNote: string | null;
  submittedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PracticeVersionRecord {
  practiceId: string;
  revision: number;
  kind: 'submitted' | 'updated' | 'approved' | 'changes-requested' | 'merged';
  content: PracticeContent;
  byPerson: string | null;
  /** The maker's name on file (null for the server, or someone since removed). */
  byName: string | null;
  note: string | null;
  createdAt: string;
}

type PracticeRow = Selectable<DatabaseSchema['practices']>;

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    (values as readonly unknown[]).includes(value);
const isLink = (value: unknown): value is PracticeLink =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as PracticeLink).label === 'string' &&
  typeof (value as PracticeLink).url === 'string';
const emptyDoc: TemplateContent = { type: 'doc', content: [{ type: 'paragraph' }] };
/** Checked with the guide's schema before it was stored; a damaged row reads as empty. */
function richText(text: string): TemplateContent {
  try {
    const value = JSON.parse(text) as TemplateContent;
    return value && typeof value === 'object' ? value : emptyDoc;
  } catch {
    return emptyDoc;
  }
}

const toPractice = (row: PracticeRow): PracticeRecord => ({
  id: row.id,
  eventId: row.event_id,
  status: row.status as PracticeStatus,
  revision: row.revision,
  parliamentKey: row.parliament_key,
  content: {
    title: row.title,
    parliament: row.parliament,
    country: row.country,
    audiences: parseArray<AudienceTag>(row.audiences, oneOf(audienceTags)),
    topics: parseArray<PracticeTopic>(row.topics, oneOf(practiceTopics)),
    summary: row.summary,
    whatWasDone: richText(row.what_was_done),
    results: richText(row.results),
    lessons: richText(row.lessons),
    contact:
      row.contact_name !== null && row.contact_email !== null
        ? { name: row.contact_name, email: row.contact_email }
        : null,
    links: parseArray(row.links, isLink),
    languages: parseArray<LanguageCode>(row.languages, oneOf(languageCodes)),
  },
  public: row.public === 1,
  mergedInto: row.merged_into,
  reviewNote: row.review_note,
  submittedBy: row.submitted_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The columns a record's content and curation are written to (everything but id and event). */
const toRow = (record: PracticeRecord) => ({
  status: record.status,
  revision: record.revision,
  title: record.content.title,
  parliament: record.content.parliament,
  parliament_key: record.parliamentKey,
  country: record.content.country,
  audiences: JSON.stringify(record.content.audiences),
  topics: JSON.stringify(record.content.topics),
  languages: JSON.stringify(record.content.languages),
  links: JSON.stringify(record.content.links),
  summary: record.content.summary,
  what_was_done: JSON.stringify(record.content.whatWasDone),
  results: JSON.stringify(record.content.results),
  lessons: JSON.stringify(record.content.lessons),
  contact_name: record.content.contact?.name ?? null,
  contact_email: record.content.contact?.email ?? null,
  public: record.public ? 1 : 0,
  merged_into: record.mergedInto,
  review_note: record.reviewNote,
  updated_at: record.updatedAt,
});

export function practicesRepository(db: Db) {
  return {
    async get(id: string): Promise<PracticeRecord | undefined> {
      const row = await db
        .selectFrom('practices')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toPractice(row);
    },
    async getMany(ids: readonly string[]): Promise<PracticeRecord[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('practices')
        .selectAll()
        .where('id', 'in', [...ids])
        .execute();
      return rows.map(toPractice);
    },
    /** Every practice of the event, most recently changed first. */
    async listByEvent(eventId: string): Promise<PracticeRecord[]> {
      const rows = await db
        .selectFrom('practices')
        .selectAll()
        .where('event_id', '=', eventId)
        .orderBy('updated_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toPractice);
    },
    /**
     * Practices the search index does not hold (never indexed, or marked stale): the guides'
     * `guidesToIndex` looks at guides only, and practices share its `search_guides` rows.
     */
    async toIndex(): Promise<string[]> {
      const rows = await db
        .selectFrom('practices')
        .leftJoin('search_guides', 'search_guides.guide_id', 'practices.id')
        .select('practices.id')
        .where((eb) =>
          eb.or([eb('search_guides.guide_id', 'is', null), eb('search_guides.stale', '>', 0)]),
        )
        .orderBy('practices.created_at')
        .execute();
      return rows.map((row) => row.id);
    },
    async countByParliament(eventId: string, parliamentKey: string): Promise<number> {
      const row = await db
        .selectFrom('practices')
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .where('event_id', '=', eventId)
        .where('parliament_key', '=', parliamentKey)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
    async insert(record: PracticeRecord): Promise<void> {
      await db
        .insertInto('practices')
        .values({
          id: record.id,
          event_id: record.eventId,
          submitted_by: record.submittedBy,
          created_at: record.createdAt,
          ...toRow(record),
        })
        .execute();
    },
    /**
     * Writes the record if it is still at `expectedRevision` (one statement: the compare and the
     * set cannot be split by another writer). False when someone else wrote first. With
     * `expectedPublic`, also only if it is still (not) public: showing or hiding a practice does
     * not change its revision, and a save read before an organiser hid it must not show it again.
     */
    async compareAndSet(
      record: PracticeRecord,
      expectedRevision: number,
      expectedPublic?: boolean,
    ): Promise<boolean> {
      let update = db
        .updateTable('practices')
        .set(toRow(record))
        .where('id', '=', record.id)
        .where('revision', '=', expectedRevision);
      if (expectedPublic !== undefined)
        update = update.where('public', '=', expectedPublic ? 1 : 0);
      const result = await update.executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async insertVersion(
      version: Omit<PracticeVersionRecord, 'byName' | 'content'> & { content: PracticeContent },
    ): Promise<void> {
      await db
        .insertInto('practice_versions')
        .values({
          practice_id: version.practiceId,
          revision: version.revision,
          kind: version.kind,
          content: JSON.stringify(version.content),
          by_person: version.byPerson,
          note: version.note,
          created_at: version.createdAt,
        })
        .execute();
    },
    /** Every revision, newest first, with its maker's name (content included: callers drop it). */
    async versions(practiceId: string, revision?: number): Promise<PracticeVersionRecord[]> {
      let query = db
        .selectFrom('practice_versions')
        .leftJoin('people', 'people.id', 'practice_versions.by_person')
        .select([
          'practice_versions.practice_id',
          'practice_versions.revision',
          'practice_versions.kind',
          'practice_versions.content',
          'practice_versions.by_person',
          'practice_versions.note',
          'practice_versions.created_at',
          'people.display_name',
        ])
        .where('practice_versions.practice_id', '=', practiceId);
      if (revision !== undefined) query = query.where('practice_versions.revision', '=', revision);
      const rows = await query.orderBy('practice_versions.revision', 'desc').execute();
      return rows.map((row) => ({
        practiceId: row.practice_id,
        revision: row.revision,
        kind: row.kind as PracticeVersionRecord['kind'],
        content: JSON.parse(row.content) as PracticeContent,
        byPerson: row.by_person,
        byName: row.display_name,
        note: row.note,
        createdAt: row.created_at,
      }));
    },
    async librarySettings(
      eventId: string,
    ): Promise<{ published: boolean; publishedAt: string | null } | undefined> {
      const row = await db
        .selectFrom('library_settings')
        .selectAll()
        .where('event_id', '=', eventId)
        .executeTakeFirst();
      return row && { published: row.published === 1, publishedAt: row.published_at };
    },
    async setLibrarySettings(
      eventId: string,
      settings: { published: boolean; publishedAt: string | null },
      now: string,
    ): Promise<void> {
      const values = {
        published: settings.published ? 1 : 0,
        published_at: settings.publishedAt,
        updated_at: now,
      };
      await db
        .insertInto('library_settings')
        .values({ event_id: eventId, ...values })
        .onConflict((oc) => oc.column('event_id').doUpdateSet(values))
        .execute();
    },
    /** Practices merged into `fromId` before it was merged itself now point at `toId`. */
    async repointMerged(fromId: string, toId: string): Promise<void> {
      await db
        .updateTable('practices')
        .set({ merged_into: toId })
        .where('merged_into', '=', fromId)
        .execute();
    },
    // Where practices are cited and presented (guides, running orders).
    ...practiceLinksQueries(db),
  };
}

import type { VersionKind } from '@draftroom/shared';
import type { Db } from './database.ts';

export interface GuideVersionRecord {
  id: string;
  guideId: string;
  label: string;
  kind: VersionKind;
  /** The person who took it; null for the server. */
  takenBy: string | null;
  takenAt: string;
  /** Taken just before this version of the guide was restored; null otherwise. */
  beforeRestoreOf: string | null;
  /** Size of the stored Yjs state. */
  bytes: number;
}

type Row = {
  id: string;
  guide_id: string;
  label: string;
  kind: string;
  taken_by: string | null;
  taken_at: string;
  before_restore_of: string | null;
  bytes: number;
};
const toRecord = (row: Row): GuideVersionRecord => ({
  id: row.id,
  guideId: row.guide_id,
  label: row.label,
  kind: row.kind as VersionKind,
  takenBy: row.taken_by,
  takenAt: row.taken_at,
  beforeRestoreOf: row.before_restore_of,
  bytes: Number(row.bytes),
});

/** Saved versions of guides. Lists never read the (large) state and content columns. */
export function guideVersionsRepository(db: Db) {
  const summary = (query = db.selectFrom('guide_versions')) =>
    query.select((eb) => [
      'id',
      'guide_id',
      'label',
      'kind',
      'taken_by',
      'taken_at',
      'before_restore_of',
      eb.fn<number>('length', ['state']).as('bytes'),
    ]);
  return {
    async create(
      version: Omit<GuideVersionRecord, 'bytes'> & { state: Uint8Array; content: string },
    ): Promise<GuideVersionRecord> {
      await db
        .insertInto('guide_versions')
        .values({
          id: version.id,
          guide_id: version.guideId,
          label: version.label,
          kind: version.kind,
          taken_by: version.takenBy,
          taken_at: version.takenAt,
          before_restore_of: version.beforeRestoreOf,
          state: version.state,
          content: version.content,
        })
        .execute();
      const { state, content: _content, ...record } = version;
      return { ...record, bytes: state.byteLength };
    },
    /** A guide's versions, newest first (the service keeps times strictly increasing). */
    async listByGuide(guideId: string): Promise<GuideVersionRecord[]> {
      const rows = await summary()
        .where('guide_id', '=', guideId)
        .orderBy('taken_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toRecord);
    },
    async get(guideId: string, id: string): Promise<GuideVersionRecord | undefined> {
      const row = await summary()
        .where('guide_id', '=', guideId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toRecord(row);
    },
    /** The version's ProseMirror JSON (text) and Yjs state. */
    async content(
      guideId: string,
      id: string,
    ): Promise<{ content: string; state: Uint8Array } | undefined> {
      return db
        .selectFrom('guide_versions')
        .select(['content', 'state'])
        .where('guide_id', '=', guideId)
        .where('id', '=', id)
        .executeTakeFirst();
    },
    /**
     * Only for the version a restore takes of the guide it replaces, moments after taking it:
     * brings it up to exactly what the restore replaced (edits may have landed in between).
     */
    async replaceState(
      version: GuideVersionRecord,
      stored: { state: Uint8Array; content: string },
    ): Promise<GuideVersionRecord> {
      await db
        .updateTable('guide_versions')
        .set({ state: stored.state, content: stored.content })
        .where('id', '=', version.id)
        .execute();
      return { ...version, bytes: stored.state.byteLength };
    },
    /** The newest version's content, to tell whether anything changed since (automatic versions). */
    async latestContent(guideId: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('guide_versions')
        .select('content')
        .where('guide_id', '=', guideId)
        .orderBy('taken_at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      return row?.content;
    },
  };
}

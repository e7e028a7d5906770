import {
  parliamentKey,
  type MergePracticeRequest,
  type Practice,
  type PracticeInput,
  type PracticePublicationRequest,
  type PracticeReviewRequest,
  type UpdatePracticeRequest,
  mergePracticeRequestSchema,
  practicePublicationRequestSchema,
  practiceReviewRequestSchema,
  updatePracticeRequestSchema,
} from '@draftroom/shared';
import { conflict, DomainError, forbidden, notFound } from '../../lib/domainError.ts';
import { randomId } from '../../lib/ids.ts';
import { perPersonLimit } from '../../lib/perPersonLimit.ts';
import { memoryLimiters, type Limiters } from '../../lib/rateLimits.ts';
import type {
  ConferenceStore,
  PracticeRecord,
  PracticeVersionRecord,
  Repositories,
} from '../../persistence/index.ts';
import type { Viewer } from '../access/policy.ts';
import {
  canCuratePractices,
  canEditPractice,
  canReadPractice,
  canSubmitPracticeFor,
  practiceFacts,
  canSubmitPractices,
  canMakePublic,
  canMovePracticeToParliament,
  mergeRefusal,
  statusAfterSave,
} from '../access/practicePolicy.ts';
import { checkedPracticeContent } from './practiceContent.ts';
import { presentPractice } from './presentPractice.ts';

/** How many practices one parliament may have in one event: one delegate cannot fill the database. */
export const maxPracticesPerParliament = 200;

export interface PracticeServiceOptions {
  limiters?: Limiters;
  /** After every committed write: re-index, tell the bus (wired in `wireLibrary`). Never throws. */
  changed?: (record: PracticeRecord, movedSessions: readonly string[]) => Promise<void>;
  now?: () => Date;
}

export const facts = practiceFacts;

/**
 * A practice of the viewer's event that they may read; anything else (another event's, unknown,
 * not approved and not theirs) is "not found": whether it exists is none of the caller's business.
 */
export async function readablePractice(
  repositories: Repositories,
  viewer: Viewer,
  practiceId: string,
): Promise<PracticeRecord> {
  const record = await repositories.practices.get(practiceId);
  if (!record || !canReadPractice(viewer, facts(record))) throw notFound('This practice');
  return record;
}

const mergeRefusals: Record<Exclude<ReturnType<typeof mergeRefusal>, null>, string> = {
  already_merged: 'This practice was merged already.',
  itself: 'A practice cannot be merged into itself.',
  other_event: 'That practice is not in this event.',
  target_merged: 'That practice was merged into another one itself; merge into that one.',
  target_not_approved:
    'An approved practice can only be merged into an approved one: approve that practice first.',
};

const stale = () =>
  new DomainError(
    'practice_stale',
    'Someone saved this practice after you opened it. Reload it to see their changes, then make yours again.',
  );

/**
 * The library's records: delegates submit and keep their parliament's practices, organisers
 * curate them. Every write is a compare-and-set on `revision` and inserts its whole version in
 * the same transaction, so the history is never behind the record.
 */
export function createPracticeService(
  store: ConferenceStore,
  options: PracticeServiceOptions = {},
) {
  const { repositories } = store;
  const now = options.now ?? (() => new Date());
  const changed = options.changed ?? (async () => {});
  // Each write stores a whole version and re-indexes the practice: a person writes a few a minute.
  const writeLimit = perPersonLimit(
    30,
    'You saved practices many times in the last minute; wait a moment and try again.',
    { limiters: options.limiters ?? memoryLimiters, name: 'practiceWrites' },
  );

  /**
   * Writes `next` over `previous` (compare-and-set on the revision the caller started from) with
   * its version, in one transaction; 409 `practice_stale` if another write came first.
   */
  async function write(
    previous: PracticeRecord,
    expectedRevision: number,
    next: PracticeRecord,
    version: { kind: PracticeVersionRecord['kind']; by: string | null; note: string | null },
    alsoInTransaction?: (repos: Repositories) => Promise<string[]>,
  ): Promise<{ record: PracticeRecord; moved: string[] }> {
    if (expectedRevision !== previous.revision) throw stale();
    const moved = await store.transaction(async (repos) => {
      if (!(await repos.practices.compareAndSet(next, expectedRevision, previous.public))) {
        throw stale();
      }
      if (next.revision !== expectedRevision) {
        await repos.practices.insertVersion({
          practiceId: next.id,
          revision: next.revision,
          kind: version.kind,
          content: next.content,
          byPerson: version.by,
          note: version.note,
          createdAt: next.updatedAt,
        });
      }
      return alsoInTransaction ? alsoInTransaction(repos) : [];
    });
    await changed(next, moved);
    return { record: next, moved };
  }

  /** The parliament a submission is for: a delegate's own (another is 403), any for organisers. */
  function ownerOf(viewer: Viewer, input: PracticeInput) {
    const own = { parliament: viewer.person.parliament, country: viewer.person.country };
    const named =
      input.parliament !== undefined || input.country !== undefined
        ? { parliament: input.parliament ?? own.parliament, country: input.country ?? own.country }
        : own;
    if (
      !canSubmitPracticeFor(
        viewer,
        viewer.person.eventId,
        parliamentKey(named.parliament, named.country),
      )
    ) {
      throw forbidden('You can submit practices for your own parliament only.');
    }
    return named;
  }

  return {
    async submit(viewer: Viewer, input: PracticeInput): Promise<Practice> {
      if (!canSubmitPractices(viewer)) throw forbidden('Observers cannot submit practices.');
      const owner = ownerOf(viewer, input);
      const content = checkedPracticeContent(input, owner);
      await writeLimit.take(viewer.person.id);
      const at = now().toISOString();
      const record: PracticeRecord = {
        id: randomId(),
        eventId: viewer.person.eventId,
        status: 'submitted',
        revision: 1,
        parliamentKey: parliamentKey(content.parliament, content.country),
        content,
        public: false,
        mergedInto: null,
        reviewNote: null,
        submittedBy: viewer.person.id,
        createdAt: at,
        updatedAt: at,
      };
      await store.transaction(async (repos) => {
        const count = await repos.practices.countByParliament(record.eventId, record.parliamentKey);
        if (count >= maxPracticesPerParliament) {
          throw conflict(
            `A parliament can have at most ${maxPracticesPerParliament} practices in the library; update one of yours instead.`,
          );
        }
        await repos.practices.insert(record);
        await repos.practices.insertVersion({
          practiceId: record.id,
          revision: 1,
          kind: 'submitted',
          content,
          byPerson: viewer.person.id,
          note: null,
          createdAt: at,
        });
      });
      await changed(record, []);
      return presentPractice(repositories, viewer, record);
    },

    async get(viewer: Viewer, practiceId: string): Promise<Practice> {
      return presentPractice(
        repositories,
        viewer,
        await readablePractice(repositories, viewer, practiceId),
      );
    },

    /**
     * Saving changes. Delegates keep their parliament (naming another is 403); organisers may
     * move a practice to another parliament. Sent back for changes, it returns to `submitted`
     * when its delegates save; approved, it stays approved (each save is a version).
     */
    async update(
      viewer: Viewer,
      practiceId: string,
      request: UpdatePracticeRequest,
    ): Promise<Practice> {
      const body = updatePracticeRequestSchema.parse(request);
      const previous = await readablePractice(repositories, viewer, practiceId);
      if (previous.status === 'merged') {
        throw conflict(
          'This practice was merged into another one and is read-only; edit that one.',
        );
      }
      if (!canEditPractice(viewer, facts(previous))) {
        throw forbidden("Only the practice's parliament and the organisers can change it.");
      }
      const curator = canMovePracticeToParliament(viewer, facts(previous));
      const current = {
        parliament: previous.content.parliament,
        country: previous.content.country,
      };
      const owner = curator
        ? {
            parliament: body.parliament ?? current.parliament,
            country: body.country ?? current.country,
          }
        : current;
      if (
        !curator &&
        (body.parliament !== undefined || body.country !== undefined) &&
        parliamentKey(body.parliament ?? current.parliament, body.country ?? current.country) !==
          previous.parliamentKey
      ) {
        throw forbidden('You can keep practices for your own parliament only.');
      }
      const { revision: _revision, ...input } = body;
      const content = checkedPracticeContent(input, owner);
      await writeLimit.take(viewer.person.id);
      const { record } = await write(
        previous,
        body.revision,
        {
          ...previous,
          content,
          parliamentKey: parliamentKey(content.parliament, content.country),
          status: statusAfterSave(viewer, facts(previous)),
          revision: previous.revision + 1,
          updatedAt: now().toISOString(),
        },
        { kind: 'updated', by: viewer.person.id, note: null },
      );
      return presentPractice(repositories, viewer, record);
    },

    /** Approve, or send back with a note (organisers). Sent back, it leaves the public pages. */
    async review(
      viewer: Viewer,
      practiceId: string,
      request: PracticeReviewRequest,
    ): Promise<Practice> {
      const move = practiceReviewRequestSchema.parse(request);
      const previous = await readablePractice(repositories, viewer, practiceId);
      if (!canCuratePractices(viewer, previous.eventId)) {
        throw forbidden('Only organisers can review practices.');
      }
      if (previous.status === 'merged') {
        throw conflict('This practice was merged into another one; review that one.');
      }
      await writeLimit.take(viewer.person.id);
      const approved = move.to === 'approved';
      const { record } = await write(
        previous,
        move.revision,
        {
          ...previous,
          status: move.to,
          reviewNote: approved ? null : move.note,
          public: approved ? previous.public : false,
          revision: previous.revision + 1,
          updatedAt: now().toISOString(),
        },
        { kind: move.to, by: viewer.person.id, note: approved ? null : move.note },
      );
      return presentPractice(repositories, viewer, record);
    },

    /**
     * Folds a duplicate into another practice of the event. The duplicate becomes read-only and
     * leaves the public pages; its place in running orders goes to the target (dropped where the
     * target is listed already), and practices merged into it before now point at the target.
     * Guides keep citing its id: their cards show the target.
     */
    async merge(
      viewer: Viewer,
      practiceId: string,
      request: MergePracticeRequest,
    ): Promise<Practice> {
      const body = mergePracticeRequestSchema.parse(request);
      const previous = await readablePractice(repositories, viewer, practiceId);
      if (!canCuratePractices(viewer, previous.eventId)) {
        throw forbidden('Only organisers can merge practices.');
      }
      const target =
        body.into === previous.id ? previous : await repositories.practices.get(body.into);
      // Another event's target is as unknown as no target at all.
      if (!target || target.eventId !== previous.eventId) {
        throw notFound('The practice to merge into');
      }
      const refusal = mergeRefusal(previous, target);
      if (refusal !== null) throw conflict(mergeRefusals[refusal]);
      await writeLimit.take(viewer.person.id);
      const { record } = await write(
        previous,
        body.revision,
        {
          ...previous,
          status: 'merged',
          mergedInto: target.id,
          public: false,
          revision: previous.revision + 1,
          updatedAt: now().toISOString(),
        },
        { kind: 'merged', by: viewer.person.id, note: null },
        async (repos) => {
          await repos.practices.repointMerged(previous.id, target.id);
          return repos.practices.moveSessionPractices(previous.id, target.id);
        },
      );
      return presentPractice(repositories, viewer, record);
    },

    /**
     * On or off the public pages (organisers): approved practices only. Not a change of content,
     * so no revision; still a compare-and-set, so a practice sent back meanwhile is not made public.
     */
    async setPublication(
      viewer: Viewer,
      practiceId: string,
      request: PracticePublicationRequest,
    ): Promise<Practice> {
      const body = practicePublicationRequestSchema.parse(request);
      const previous = await readablePractice(repositories, viewer, practiceId);
      if (!canCuratePractices(viewer, previous.eventId)) {
        throw forbidden('Only organisers can choose what is public.');
      }
      if (body.public && !canMakePublic(previous.status)) {
        throw conflict('Only approved practices can be public: approve it first.');
      }
      await writeLimit.take(viewer.person.id);
      const { record } = await write(
        previous,
        previous.revision,
        { ...previous, public: body.public, updatedAt: now().toISOString() },
        { kind: 'updated', by: viewer.person.id, note: null },
      );
      return presentPractice(repositories, viewer, record);
    },
  };
}

export type PracticeService = ReturnType<typeof createPracticeService>;

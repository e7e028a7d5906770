import {
  maxDotVoteItems,
  maxDotVotesPerGuide,
  minDotVoteItems,
  openDotVoteRequestSchema,
  placeDotsRequestSchema,
  type DotVote,
  type GuideDotVotes,
  type OpenDotVoteRequest,
  type PlaceDotsRequest,
} from '@draftroom/shared';
import { DomainError, conflict, forbidden, notFound } from '../../lib/domainError.ts';
import { randomId } from '../../lib/ids.ts';
import { perPersonLimit } from '../../lib/perPersonLimit.ts';
import { memoryLimiters, type Limiters } from '../../lib/rateLimits.ts';
import type { ConferenceStore } from '../../persistence/index.ts';
import { canPlaceDots, canRunDotVote } from '../access/interactionPolicy.ts';
import { guideRefusal, type GroupPlace, type Viewer } from '../access/policy.ts';
import { permissionOnGuide } from '../conference/guideService.ts';
import type { GuideDocuments } from '../documents/guideDocuments.ts';
import type { EventBus } from '../events/eventBus.ts';
import { contentOfState } from '../versions/guideContent.ts';
import { guideItems } from './guideItems.ts';
import { dotVotesFor, type DotVoteSnapshot } from './presentDotVotes.ts';
import { checkAllocation } from './tally.ts';

/** Takes a version of the guide for a closed vote; resolves with the version's id. */
export type TakeDotVoteVersion = (guideId: string, title: string, by: string) => Promise<string>;

/**
 * Dot votes inside a guide (issue 15). What is voted on is read from the guide when the vote
 * opens (`guideItems`); each person's dots are one row per person and vote (its primary key), so
 * a second browser replaces the allocation rather than adding one. Every change is announced on
 * the event bus (`guideDotVotes`, carrying only the guide id); the collaboration server reads the
 * votes once and sends each open socket of the guide its person's cut (`dotVotesFor`).
 */
export function createDotVoteService(
  persistence: ConferenceStore,
  documents: GuideDocuments,
  events: EventBus,
  takeVersion: TakeDotVoteVersion,
  /** Where its per-person limits count (Redis with several instances: they hold across them). */
  limiters: Limiters = memoryLimiters,
) {
  const { repositories } = persistence;
  const store = repositories.dotVotes;
  // Each +/− is a request, and every change makes the guide's open pages receive the votes
  // again: a person moving ten dots about is a few dozen; a script, refused.
  const dotLimit = perPersonLimit(
    120,
    'You moved dots many times in the last minute; wait a moment and try again.',
    { limiters, name: 'dots' },
  );
  // Opening reads the whole guide; closing stores a version of it.
  const runLimit = perPersonLimit(
    20,
    'You opened or closed many dot votes in the last minute; wait a moment and try again.',
    { limiters, name: 'dotVotes' },
  );
  let lastTime = 0;
  const now = () => {
    lastTime = Math.max(Date.now(), lastTime + 1);
    return new Date(lastTime).toISOString();
  };

  /** The guide's place, refusing exactly as opening the guide does (404 / 403). */
  async function placeOf(viewer: Viewer, guideId: string): Promise<GroupPlace | null> {
    const found = await permissionOnGuide(repositories, viewer, guideId);
    if (found.permission === null) {
      if (found.groupId !== null && guideRefusal(viewer, found) === 'forbidden') {
        throw forbidden('This guide belongs to another group.');
      }
      throw notFound('This guide');
    }
    return found.groupId !== null && found.sessionId !== null && found.eventId !== null
      ? { eventId: found.eventId, sessionId: found.sessionId, groupId: found.groupId }
      : null;
  }

  async function running(viewer: Viewer, guideId: string): Promise<GroupPlace> {
    const place = await placeOf(viewer, guideId);
    if (!place || !canRunDotVote(viewer, place)) {
      throw forbidden('Only the group’s facilitators and the organisers run dot votes.');
    }
    await runLimit.take(viewer.person.id);
    return place;
  }

  /** Everything the guide's pages show, read once for all of them. */
  async function snapshot(guideId: string): Promise<DotVoteSnapshot> {
    const group = await repositories.groups.getByGuide(guideId);
    const session = group && (await repositories.sessions.get(group.sessionId));
    const [votes, allocations] = await Promise.all([
      store.votes(guideId),
      store.allocations(guideId),
    ]);
    const place =
      group && session
        ? { eventId: session.eventId, sessionId: session.id, groupId: group.id }
        : null;
    return { guideId, place, votes, allocations };
  }

  async function list(viewer: Viewer, guideId: string): Promise<GuideDotVotes> {
    await placeOf(viewer, guideId);
    return dotVotesFor(await snapshot(guideId), viewer);
  }

  async function voteAs(viewer: Viewer, guideId: string, voteId: string): Promise<DotVote> {
    const shown = (await dotVotesFor(await snapshot(guideId), viewer)).votes.find(
      (vote) => vote.id === voteId,
    );
    if (!shown) throw notFound('This dot vote');
    return shown;
  }

  const changed = (guideId: string) => events.publish('guideDotVotes', { guideId });

  return {
    list,
    snapshot,
    dotVotesFor,

    async open(viewer: Viewer, guideId: string, request: OpenDotVoteRequest): Promise<DotVote> {
      const { title, source, dots, section } = openDotVoteRequestSchema.parse(request);
      await running(viewer, guideId);
      if (await store.hasOpen(guideId)) {
        throw new DomainError('conflict', 'A dot vote is open on this guide; close it first.', [
          { path: 'status', message: 'A dot vote is open on this guide.' },
        ]);
      }
      if ((await store.count(guideId)) >= maxDotVotesPerGuide) {
        throw conflict(`This guide has had ${maxDotVotesPerGuide} dot votes, as many as it keeps.`);
      }
      const found = guideItems(contentOfState(await documents.readState(guideId)), source, section);
      if ('problem' in found) {
        throw new DomainError('conflict', `No heading of the guide reads “${section}”.`, [
          { path: 'section', message: 'No heading of the guide reads so.' },
        ]);
      }
      const { items } = found;
      const what =
        source === 'sections' ? 'sections (headings)' : 'items (list items or table rows)';
      if (items.length < minDotVoteItems) {
        throw new DomainError(
          'conflict',
          `The guide has ${items.length} ${what}${section ? ' there' : ''}; a vote needs at least ${minDotVoteItems}. Write them first.`,
          [{ path: 'source', message: 'Too few to vote on.' }],
        );
      }
      if (items.length > maxDotVoteItems) {
        throw new DomainError(
          'conflict',
          `The guide has ${items.length} ${what}; a vote takes at most ${maxDotVoteItems}. Name one section to vote on its items.`,
          [{ path: 'source', message: 'Too many to vote on.' }],
        );
      }
      const id = randomId();
      await store.add({
        id,
        guideId,
        title,
        items,
        dots,
        status: 'open',
        createdBy: viewer.person.id,
        createdAt: now(),
        closedAt: null,
        versionId: null,
      });
      changed(guideId);
      return voteAs(viewer, guideId, id);
    },

    async place(
      viewer: Viewer,
      guideId: string,
      voteId: string,
      request: PlaceDotsRequest,
    ): Promise<DotVote> {
      const { dots } = placeDotsRequestSchema.parse(request);
      const place = await placeOf(viewer, guideId);
      const vote = await store.vote(guideId, voteId);
      if (!vote) throw notFound('This dot vote');
      if (!place || !canPlaceDots(viewer, place)) {
        throw forbidden('Observers follow the vote but place no dots.');
      }
      const checked = checkAllocation(vote, dots);
      if ('problem' in checked) {
        throw new DomainError('validation_failed', checked.problem, [
          { path: 'dots', message: checked.problem },
        ]);
      }
      if (vote.status !== 'open') throw conflict('This dot vote is closed.');
      await dotLimit.take(viewer.person.id);
      const stored = await store.allocate({
        voteId,
        personId: viewer.person.id,
        dots: checked.dots,
        updatedAt: now(),
      });
      // Closed between the read above and the write (by anyone, on any instance).
      if (!stored) throw conflict('This dot vote is closed.');
      changed(guideId);
      return voteAs(viewer, guideId, voteId);
    },

    async close(viewer: Viewer, guideId: string, voteId: string): Promise<DotVote> {
      await running(viewer, guideId);
      const vote = await store.vote(guideId, voteId);
      if (!vote) throw notFound('This dot vote');
      // Closing first: from here no dot lands, so the version is taken of the decided guide.
      if (!(await store.close(voteId, now()))) throw conflict('This dot vote is already closed.');
      changed(guideId);
      const versionId = await takeVersion(guideId, vote.title, viewer.person.id);
      await store.setVersion(voteId, versionId);
      changed(guideId);
      return voteAs(viewer, guideId, voteId);
    },
  };
}

export type DotVoteService = ReturnType<typeof createDotVoteService>;

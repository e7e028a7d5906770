import type { GuideDotVotes } from '@draftroom/shared';
import type { DotAllocationRecord, DotVoteRecord } from '../../persistence/index.ts';
import { canPlaceDots, canRunDotVote } from '../access/interactionPolicy.ts';
import type { GroupPlace, Viewer } from '../access/policy.ts';
import { tally } from './tally.ts';

/** A guide's votes and every allocation, read once for every page of the guide. */
export interface DotVoteSnapshot {
  guideId: string;
  /** The guide's group (null: a guide without one, where nobody runs votes). */
  place: GroupPlace | null;
  votes: DotVoteRecord[];
  allocations: DotAllocationRecord[];
}

/**
 * The votes as one person sees them: everyone the number of voters and their own dots; the
 * totals of an open vote only those who run it (early dots would steer the room), of a closed
 * one everyone who reads the guide (the caller checked that).
 */
export function dotVotesFor(snapshot: DotVoteSnapshot, viewer: Viewer): GuideDotVotes {
  const { place } = snapshot;
  const runs = place !== null && canRunDotVote(viewer, place);
  return {
    guideId: snapshot.guideId,
    canRun: runs,
    canPlaceDots: place !== null && canPlaceDots(viewer, place),
    votes: snapshot.votes.map((vote) => {
      const { voters, totals } = tally(vote, snapshot.allocations);
      const mine = snapshot.allocations.find(
        (allocation) => allocation.voteId === vote.id && allocation.personId === viewer.person.id,
      );
      const myDots =
        mine && mine.dots.length === vote.items.length ? mine.dots : vote.items.map(() => 0);
      return {
        id: vote.id,
        guideId: vote.guideId,
        title: vote.title,
        items: vote.items,
        dots: vote.dots,
        status: vote.status,
        createdAt: vote.createdAt,
        closedAt: vote.closedAt,
        versionId: vote.versionId,
        voters,
        totals: runs || vote.status === 'closed' ? totals : null,
        myDots,
      };
    }),
  };
}

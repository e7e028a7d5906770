import type { DotAllocationRecord, DotVoteRecord } from '../../persistence/index.ts';

/** How many dots an allocation places. */
export const placed = (dots: readonly number[]) => dots.reduce((sum, dot) => sum + dot, 0);

/**
 * A person's allocation checked against the vote: one count per item, whole and not negative,
 * summing to at most the vote's dots. (The request's schema checked the shape; this, the vote.)
 */
export function checkAllocation(
  vote: Pick<DotVoteRecord, 'items' | 'dots'>,
  dots: readonly number[],
): { dots: number[] } | { problem: string } {
  if (dots.length !== vote.items.length) {
    return {
      problem: `Give one count per item: this vote has ${vote.items.length} items, not ${dots.length}.`,
    };
  }
  if (dots.some((dot) => !Number.isInteger(dot) || dot < 0)) {
    return { problem: 'Dots are whole numbers, none negative.' };
  }
  const total = placed(dots);
  if (total > vote.dots) {
    return {
      problem: `Each person has ${vote.dots} dots; this places ${total}. Take some back first.`,
    };
  }
  return { dots: [...dots] };
}

export interface Tally {
  /** People with at least one dot placed. */
  voters: number;
  /** Dots per item, in item order. */
  totals: number[];
}

/**
 * The vote's result from its allocations. An allocation that does not fit the vote (never
 * written by this service, but read back from storage) counts for nothing rather than skewing it.
 */
export function tally(
  vote: Pick<DotVoteRecord, 'id' | 'items' | 'dots'>,
  allocations: readonly Pick<DotAllocationRecord, 'voteId' | 'dots'>[],
): Tally {
  const totals = vote.items.map(() => 0);
  let voters = 0;
  for (const allocation of allocations) {
    if (allocation.voteId !== vote.id) continue;
    const checked = checkAllocation(vote, allocation.dots);
    if ('problem' in checked || placed(checked.dots) === 0) continue;
    voters += 1;
    checked.dots.forEach((dot, index) => (totals[index]! += dot));
  }
  return { voters, totals };
}

import { cleanText, type BallotRequest, type PollResults } from '@draftroom/shared';
import type { BallotRecord, PollRecord } from '../../persistence/index.ts';

/** The most words a word cloud shows (the long tail of one-off words is dropped). */
export const maxCloudWords = 100;

/**
 * What a ballot means for this poll, or a sentence saying why it does not fit. The request's
 * shape was checked by the shared schema; this checks it against the poll's kind and options:
 * one option for a single choice, distinct options for multiple choice, every option exactly
 * once for a ranking, words for a word cloud and nothing else.
 */
export function checkBallot(
  poll: Pick<PollRecord, 'kind' | 'options'>,
  ballot: BallotRequest,
): { choices: number[]; words: string[] } | { problem: string } {
  const choices = ballot.choices ?? [];
  const words = ballot.words ?? [];
  const optionCount = poll.options.length;
  if (poll.kind === 'words') {
    if (choices.length > 0 || words.length === 0) {
      return { problem: 'This poll asks for words: give one to three.' };
    }
    return { choices: [], words };
  }
  if (words.length > 0) return { problem: 'This poll asks to choose among its options.' };
  if (choices.some((choice) => choice >= optionCount)) {
    return { problem: 'A choice is not one of this poll’s options.' };
  }
  if (new Set(choices).size !== choices.length) {
    return { problem: 'Choose each option at most once.' };
  }
  if (poll.kind === 'single' && choices.length !== 1) {
    return { problem: 'Choose exactly one option.' };
  }
  if (poll.kind === 'multiple' && choices.length === 0) {
    return { problem: 'Choose at least one option.' };
  }
  if (poll.kind === 'ranking' && choices.length !== optionCount) {
    return { problem: 'Rank every option, from most to least preferred.' };
  }
  return { choices, words: [] };
}

/** How words are counted together: case and compatibility forms ignored ("Trust" = "trust"). */
export const wordKey = (word: string) => cleanText(word).normalize('NFKC').toLocaleLowerCase();

/**
 * The results of a poll from its ballots. Choice polls: ballots per option. Ranking: first
 * places per option and points (a first place is worth as many as there are options, the last
 * one). Word cloud: each word with how many people gave it (one person's repeated word once),
 * shown as first typed, most first, then alphabetically.
 */
export function tally(
  poll: Pick<PollRecord, 'kind' | 'options'>,
  ballots: readonly Pick<BallotRecord, 'choices' | 'words'>[],
): PollResults {
  const optionCount = poll.options.length;
  const votes = new Array<number>(optionCount).fill(0);
  if (poll.kind === 'words') {
    const counts = new Map<string, { word: string; count: number }>();
    for (const ballot of ballots) {
      for (const key of new Set(ballot.words.map(wordKey))) {
        const word = ballot.words.find((typed) => wordKey(typed) === key) ?? key;
        const entry = counts.get(key);
        if (entry) entry.count += 1;
        else counts.set(key, { word, count: 1 });
      }
    }
    const words = [...counts.values()]
      .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word))
      .slice(0, maxCloudWords);
    return { votes, points: null, words };
  }
  const points = poll.kind === 'ranking' ? new Array<number>(optionCount).fill(0) : null;
  for (const ballot of ballots) {
    const counted = poll.kind === 'ranking' ? ballot.choices.slice(0, 1) : ballot.choices;
    for (const choice of counted)
      if (choice < optionCount) votes[choice] = (votes[choice] ?? 0) + 1;
    if (points) {
      ballot.choices.forEach((choice, place) => {
        if (choice < optionCount) points[choice] = (points[choice] ?? 0) + optionCount - place;
      });
    }
  }
  return { votes, points, words: null };
}

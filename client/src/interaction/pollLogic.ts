import {
  cleanText,
  maxPollOptionLength,
  maxPollOptions,
  maxPollQuestionLength,
  maxPollWordLength,
  maxPollWords,
  minPollOptions,
  textProblem,
  type BallotRequest,
  type CreatePollRequest,
  type Poll,
  type PollKind,
} from '@draftroom/shared';
import type { Mapped, Problem, Problems } from '../ui/form/problems.ts';

// The pure parts of polls on the client: the poll form's and the word ballot's checks (the same
// rules as the shared schemas, worded for people), percentages, the word cloud's size steps and
// the ranking control's moves. Kept apart from the components so they are tested on their own.

const textProblemKeys = {
  control_character: 'controlCharacter',
  direction_control: 'directionControl',
  no_visible_characters: 'noVisibleCharacters',
} as const;

/** One piece of text others will see, by the shared `personText` rules. */
export function checkPollText(value: string, max: number): Problem | undefined {
  const cleaned = cleanText(value);
  if (cleaned === '') return { key: 'required' };
  if (cleaned.length > max) return { key: 'tooLong', values: { count: max } };
  const found = textProblem(cleaned);
  return found ? { key: textProblemKeys[found] } : undefined;
}

/** A problem of the poll form: a field's (worded by the kit) or the option list's as a whole. */
export type PollFormProblem =
  { field: Problem } | { rows: (Problem | undefined)[]; list?: 'tooFew' | 'duplicate' };

export interface PollFormValues {
  kind: PollKind;
  question: string;
  /** One row per option as typed; a word cloud ignores them. */
  options: string[];
}
export type PollFormField = 'kind' | 'question' | 'options';

export const newPollValues = (): PollFormValues => ({
  kind: 'single',
  question: '',
  options: ['', ''],
});

/** The poll form → the body of POST /sessions/:id/polls, or a problem per field. */
export function toCreatePollRequest(
  values: PollFormValues,
): Mapped<CreatePollRequest, PollFormField, PollFormProblem> {
  const problems: Problems<PollFormField, PollFormProblem> = {};
  const question = checkPollText(values.question, maxPollQuestionLength);
  if (question) problems.question = { field: question };
  let options: string[] = [];
  if (values.kind !== 'words') {
    // Empty rows beyond the minimum are left out, as a person would expect of a spare row.
    const typed = values.options.map(cleanText);
    const rows = typed.map((option, index) =>
      option === '' && index >= minPollOptions
        ? undefined
        : checkPollText(option, maxPollOptionLength),
    );
    options = typed.filter((option) => option !== '');
    const keys = options.map((option) => option.toLocaleLowerCase());
    const list =
      options.length < minPollOptions
        ? ('tooFew' as const)
        : new Set(keys).size !== keys.length
          ? ('duplicate' as const)
          : undefined;
    if (rows.some((row) => row !== undefined) || list) problems.options = { rows, list };
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    request: { kind: values.kind, question: cleanText(values.question), options },
  };
}

/** The word ballot (up to three boxes) → the ballot, or why not. */
export function toWordBallot(
  words: readonly string[],
): Mapped<BallotRequest, 'words', (Problem | undefined)[]> {
  const typed = words.slice(0, maxPollWords).map(cleanText);
  const rows = typed.map((word, index) =>
    word === '' && (index > 0 || typed.some((other) => other !== ''))
      ? undefined
      : checkPollText(word, maxPollWordLength),
  );
  if (rows.some((row) => row !== undefined)) return { ok: false, problems: { words: rows } };
  return { ok: true, request: { words: typed.filter((word) => word !== '') } };
}

/** Adds a blank option row, up to the limit. */
export const addOptionRow = (options: readonly string[]) =>
  options.length >= maxPollOptions ? [...options] : [...options, ''];

/** Removes one option row, never below the minimum. */
export const removeOptionRow = (options: readonly string[], index: number) =>
  options.length <= minPollOptions ? [...options] : options.filter((_, at) => at !== index);

/**
 * Whole percentages of `part` in `total` (0 when nobody voted). Each is rounded on its own: in a
 * multiple-choice poll they add up to more than 100, and that is the truth.
 */
export function percentOf(part: number, total: number): number {
  if (total <= 0) return 0;
  return Math.round((part / total) * 100);
}

/** The number of font-size steps of the word cloud (CSS classes `poll-cloud__word--1…5`). */
export const wordSizeSteps = 5;

/**
 * A word's size step, 1 (least given) to `wordSizeSteps` (most given), in proportion between
 * the least and the most counted words; all the same count → the middle step.
 */
export function wordSizeStep(count: number, min: number, max: number): number {
  if (max <= min) return Math.ceil(wordSizeSteps / 2);
  const share = (Math.min(Math.max(count, min), max) - min) / (max - min);
  return 1 + Math.round(share * (wordSizeSteps - 1));
}

/**
 * The ranking control's move: the item at `index` goes `by` places (−1 up, +1 down). Returns the
 * same order when it cannot move further.
 */
export function moveItem<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  const [moved] = next.splice(index, 1) as [T];
  next.splice(target, 0, moved);
  return next;
}

/** The rows of a results table: each option with its votes, percentage and (ranking) points. */
export interface ResultRow {
  option: string;
  votes: number;
  percent: number;
  points: number | null;
}

export function resultRows(poll: Pick<Poll, 'options' | 'ballots' | 'results'>): ResultRow[] {
  const results = poll.results;
  if (!results) return [];
  return poll.options.map((option, index) => {
    const votes = results.votes[index] ?? 0;
    return {
      option,
      votes,
      percent: percentOf(votes, poll.ballots),
      points: results.points ? (results.points[index] ?? 0) : null,
    };
  });
}

/** What changed in a poll that the room should hear (not each vote): opened, closed, revealed. */
export type PollChange = 'opened' | 'closed' | 'revealed' | 'hidden';

export function pollChanges(
  before: readonly Pick<Poll, 'id' | 'status' | 'revealed'>[] | null,
  after: readonly Pick<Poll, 'id' | 'status' | 'revealed'>[],
): { id: string; change: PollChange }[] {
  // The first view of the page is what is there, not news.
  if (before === null) return [];
  const previous = new Map(before.map((poll) => [poll.id, poll]));
  const changes: { id: string; change: PollChange }[] = [];
  for (const poll of after) {
    const was = previous.get(poll.id);
    if (!was) {
      // A poll that appears open was opened (the audience never saw its draft).
      if (poll.status === 'open') changes.push({ id: poll.id, change: 'opened' });
      continue;
    }
    if (was.status !== poll.status && poll.status !== 'draft') {
      changes.push({ id: poll.id, change: poll.status === 'open' ? 'opened' : 'closed' });
    }
    if (was.revealed !== poll.revealed) {
      changes.push({ id: poll.id, change: poll.revealed ? 'revealed' : 'hidden' });
    }
  }
  return changes;
}

import { z } from 'zod';
import { personText } from '../conference/personText.ts';
import { documentIdSchema } from '../protocol/documentId.ts';

/**
 * Interactive sessions (issue 15): questions to the speakers, voted up by the audience and
 * moderated by the session's facilitators and the organisers; polls (single choice, multiple
 * choice, ranking, open words shown as a word cloud) opened, revealed and closed by them. The
 * server keeps one ballot and one vote per person, whatever the client sends twice.
 */

/** The longest question (characters). */
export const maxQuestionLength = 500;
/** At most this many questions in one session: every page receives the whole list. */
export const maxQuestionsPerSession = 1000;
/** At most this many polls in one session. */
export const maxPollsPerSession = 50;
/** Options of a choice or ranking poll. */
export const minPollOptions = 2;
export const maxPollOptions = 12;
export const maxPollOptionLength = 120;
export const maxPollQuestionLength = 300;
/** Words one person may give to a word cloud, and how long each may be. */
export const maxPollWords = 3;
export const maxPollWordLength = 40;

/**
 * Where a question stands. `pending`: held for approval (moderated sessions), seen by its asker
 * and the moderators only; `approved`: on the list; `answered`: taken, listed apart; `hidden`:
 * removed by a moderator (the audience sees how many).
 */
export const questionStatuses = ['pending', 'approved', 'answered', 'hidden'] as const;
export const questionStatusSchema = z.enum(questionStatuses, {
  error: 'Choose a question status: pending, approved, answered or hidden.',
});
export type QuestionStatus = z.infer<typeof questionStatusSchema>;

export const askQuestionRequestSchema = z
  .object({
    text: personText('The question', maxQuestionLength, { multiline: true }),
    /** Shown to the audience without the asker's name (the organisers still see it). */
    anonymous: z.boolean().optional().default(false),
  })
  .strict();
export type AskQuestionRequest = z.input<typeof askQuestionRequestSchema>;

/** A moderator's change to a question: its status, whether it is being answered now, or both. */
export const moderateQuestionRequestSchema = z
  .object({ status: questionStatusSchema.optional(), pinned: z.boolean().optional() })
  .strict()
  .refine((request) => request.status !== undefined || request.pinned !== undefined, {
    message: 'Give a status, pinned, or both.',
  });
export type ModerateQuestionRequest = z.infer<typeof moderateQuestionRequestSchema>;

/** Whether new questions wait for a moderator's approval before the audience sees them. */
export const questionSettingsRequestSchema = z.object({ moderated: z.boolean() }).strict();
export type QuestionSettingsRequest = z.infer<typeof questionSettingsRequestSchema>;

export const questionSchema = z.object({
  id: documentIdSchema,
  text: z.string(),
  /** The asker's name; null for an anonymous question, unless the caller is an organiser. */
  author: z.string().nullable(),
  anonymous: z.boolean(),
  /** The caller asked it. */
  mine: z.boolean(),
  status: questionStatusSchema,
  /** Being answered now (one question of a session at a time). */
  pinned: z.boolean(),
  votes: z.number().int().nonnegative(),
  votedByMe: z.boolean(),
  createdAt: z.string(),
});
export type Question = z.infer<typeof questionSchema>;

export const pollKinds = ['single', 'multiple', 'ranking', 'words'] as const;
export const pollKindSchema = z.enum(pollKinds, {
  error: 'Choose a poll kind: single, multiple, ranking or words.',
});
export type PollKind = z.infer<typeof pollKindSchema>;

/**
 * A new poll, as a draft. Choice and ranking polls have 2–12 distinct options; a word cloud has
 * none (people type up to three words each).
 */
export const createPollRequestSchema = z
  .object({
    kind: pollKindSchema,
    question: personText('The question', maxPollQuestionLength),
    options: z
      .array(personText('An option', maxPollOptionLength))
      .max(maxPollOptions, `A poll has at most ${maxPollOptions} options.`)
      .optional()
      .default([]),
  })
  .strict()
  .superRefine((poll, context) => {
    if (poll.kind === 'words') {
      if (poll.options.length > 0) {
        context.addIssue({
          code: 'custom',
          path: ['options'],
          message: 'A word cloud has no options: people type their own words.',
        });
      }
      return;
    }
    if (poll.options.length < minPollOptions) {
      context.addIssue({
        code: 'custom',
        path: ['options'],
        message: `Give at least ${minPollOptions} options.`,
      });
    }
    const keys = poll.options.map((option) => option.toLocaleLowerCase());
    if (new Set(keys).size !== keys.length) {
      context.addIssue({ code: 'custom', path: ['options'], message: 'Options must differ.' });
    }
  });
export type CreatePollRequest = z.input<typeof createPollRequestSchema>;

/** What a moderator does to a poll: open it for votes, close it, show or hide its results. */
export const pollActions = ['open', 'close', 'reveal', 'hide'] as const;
export const pollActionRequestSchema = z
  .object({
    action: z.enum(pollActions, { error: 'Choose an action: open, close, reveal or hide.' }),
  })
  .strict();
export type PollActionRequest = z.infer<typeof pollActionRequestSchema>;

const wordSchema = personText('A word', maxPollWordLength);

/**
 * One person's ballot, final once cast. `choices` are option indexes: one for a single choice,
 * one or more (distinct) for multiple choice, every option once in order of preference for a
 * ranking. `words` (1–3) for a word cloud. The server checks it against the poll's kind.
 */
export const ballotRequestSchema = z
  .object({
    choices: z
      .array(
        z
          .number()
          .int()
          .min(0)
          .max(maxPollOptions - 1),
      )
      .max(maxPollOptions)
      .optional(),
    words: z
      .array(wordSchema)
      .min(1, 'Give at least one word.')
      .max(maxPollWords, `Give at most ${maxPollWords} words.`)
      .optional(),
  })
  .strict();
export type BallotRequest = z.infer<typeof ballotRequestSchema>;

export const pollStatuses = ['draft', 'open', 'closed'] as const;
export type PollStatus = (typeof pollStatuses)[number];

export const pollResultsSchema = z.object({
  /** Per option, in the poll's order: ballots choosing it (ranking: ranking it first). */
  votes: z.array(z.number().int().nonnegative()),
  /** Ranking only: points per option (first place is worth as many as there are options). */
  points: z.array(z.number().int().nonnegative()).nullable(),
  /** Word clouds only: each word with how many people gave it, most first (at most 100). */
  words: z.array(z.object({ word: z.string(), count: z.number().int().positive() })).nullable(),
});
export type PollResults = z.infer<typeof pollResultsSchema>;

export const pollSchema = z.object({
  id: documentIdSchema,
  kind: pollKindSchema,
  question: z.string(),
  options: z.array(z.string()),
  status: z.enum(pollStatuses),
  /** The audience may see the results. */
  revealed: z.boolean(),
  /** How many people have voted (everyone sees this, results or not). */
  ballots: z.number().int().nonnegative(),
  /** Null until revealed, except for the session's moderators. */
  results: pollResultsSchema.nullable(),
  /** The caller's ballot, if they voted. */
  myBallot: z.object({ choices: z.array(z.number().int()), words: z.array(z.string()) }).nullable(),
  createdAt: z.string(),
});
export type Poll = z.infer<typeof pollSchema>;

/**
 * A session's questions and polls as one person may see them: sent on opening and after every
 * change on the session's event stream (`event: interaction`) and by
 * `GET /api/sessions/:sessionId/interaction`.
 */
export const sessionInteractionSchema = z.object({
  sessionId: documentIdSchema,
  /** New questions wait for approval. */
  moderated: z.boolean(),
  /** The caller moderates questions and runs polls (organisers, the session's facilitators). */
  canModerate: z.boolean(),
  /** The caller may ask, vote up and vote (everyone of the event but observers). */
  canTakePart: z.boolean(),
  questions: z.array(questionSchema),
  /** Questions hidden by a moderator and held for approval: the audience sees the counts. */
  hiddenCount: z.number().int().nonnegative(),
  pendingCount: z.number().int().nonnegative(),
  /** Newest first; drafts only for moderators. */
  polls: z.array(pollSchema),
});
export type SessionInteraction = z.infer<typeof sessionInteractionSchema>;

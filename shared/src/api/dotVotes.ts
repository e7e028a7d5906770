import { z } from 'zod';
import { personText } from '../conference/personText.ts';
import { documentIdSchema } from '../protocol/documentId.ts';

/**
 * Dot-voting inside a guide (issue 15): the group's facilitator opens a vote on the guide's
 * sections (its headings) or items (its list items and table rows, of the whole guide or of one
 * section); each participant has N dots to spread over them, and may move them while the vote is
 * open. What is voted on is read from the guide by the server when the vote opens, never taken
 * from the client. Closing the vote takes a version of the guide, so the result is kept with the
 * guide's history.
 */

/** Dots one person may place, at most (the facilitator picks 1–10). */
export const maxDots = 10;
/** A vote needs something to choose between, and fits beside a guide. */
export const minDotVoteItems = 2;
export const maxDotVoteItems = 50;
/** An item longer than this (a long list item, a table row) is cut, with an ellipsis. */
export const maxDotVoteItemLength = 200;
export const maxDotVoteTitleLength = 120;
/** Votes kept per guide (each closed one is a line of its history). */
export const maxDotVotesPerGuide = 30;

/** `sections`: the guide's headings; `items`: its list items and table rows. */
export const dotVoteSources = ['sections', 'items'] as const;
export const dotVoteSourceSchema = z.enum(dotVoteSources, {
  error: 'Choose what to vote on: sections or items.',
});
export type DotVoteSource = z.infer<typeof dotVoteSourceSchema>;

export const openDotVoteRequestSchema = z
  .object({
    title: personText('The title', maxDotVoteTitleLength),
    source: dotVoteSourceSchema,
    dots: z
      .number({ error: 'Give the number of dots each person has.' })
      .int('Dots are whole numbers.')
      .min(1, 'Each person needs at least one dot.')
      .max(maxDots, `Each person has at most ${maxDots} dots.`),
    /**
     * Items only: the heading whose items are voted on (as written in the guide, case and
     * surrounding spaces aside). Without it, every item of the guide.
     */
    section: personText('The section', maxDotVoteItemLength).optional(),
  })
  .strict()
  .refine((request) => request.source === 'items' || request.section === undefined, {
    path: ['section'],
    message: 'A section narrows a vote on items; a vote on sections takes every heading.',
  });
export type OpenDotVoteRequest = z.input<typeof openDotVoteRequestSchema>;

/**
 * One person's whole allocation: dots per item, in the vote's item order, summing to at most the
 * vote's dots. Sending it again replaces it (moving dots); all zeros takes every dot back.
 */
export const placeDotsRequestSchema = z
  .object({
    dots: z
      .array(
        z.number().int('Dots are whole numbers.').min(0, 'Dots cannot be negative.').max(maxDots),
      )
      .max(maxDotVoteItems, `A vote has at most ${maxDotVoteItems} items.`),
  })
  .strict();
export type PlaceDotsRequest = z.infer<typeof placeDotsRequestSchema>;

export const dotVoteStatuses = ['open', 'closed'] as const;
export type DotVoteStatus = (typeof dotVoteStatuses)[number];

const count = z.number().int().nonnegative();

export const dotVoteSchema = z.object({
  id: documentIdSchema,
  guideId: documentIdSchema,
  title: z.string(),
  /** What is voted on, as the guide read when the vote opened. */
  items: z.array(z.string()),
  /** Dots each person has. */
  dots: z.number().int().min(1).max(maxDots),
  status: z.enum(dotVoteStatuses),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  /** The version of the guide taken when it closed (null while open). */
  versionId: documentIdSchema.nullable(),
  /** How many people have placed at least one dot (everyone sees this). */
  voters: count,
  /**
   * Dots per item, in item order. While the vote is open only those who run it see them, so
   * early dots don't steer the room; once closed, everyone who reads the guide.
   */
  totals: z.array(count).nullable(),
  /** The caller's own dots per item (zeros when none). */
  myDots: z.array(count),
});
export type DotVote = z.infer<typeof dotVoteSchema>;

/**
 * A guide's dot votes as one person may see them, newest first: `GET /api/guides/:guideId/dot-votes`,
 * and what the collaboration server sends the guide's open sockets after every change
 * (`dotVotesMessageType`, the frame's one varstring, JSON).
 */
export const guideDotVotesSchema = z.object({
  guideId: documentIdSchema,
  /** May the caller open and close votes (the group's facilitators, the organisers)? */
  canRun: z.boolean(),
  /** May the caller place dots (the group's members and those who run it; not observers)? */
  canPlaceDots: z.boolean(),
  votes: z.array(dotVoteSchema),
});
export type GuideDotVotes = z.infer<typeof guideDotVotesSchema>;

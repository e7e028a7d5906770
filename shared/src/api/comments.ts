import { z } from 'zod';
import { personText } from '../conference/personText.ts';
import { documentIdSchema } from '../protocol/documentId.ts';

/**
 * Threaded comments on a guide (issue 13). They live outside the guide's body: each thread is
 * anchored by two Yjs relative positions (encoded with `Y.encodeRelativePosition`, sent as
 * base64), so readers may comment without writing in the text and exports never carry them.
 * The quote is the server's: it resolves the anchor against the guide as it is now.
 */

/** The longest quote a thread may anchor (characters of the guide's text). */
export const maxCommentQuoteLength = 1000;
/** The longest comment body (characters). */
export const maxCommentBodyLength = 4000;
/** An encoded relative position is a few dozen bytes; anything longer is not one. */
export const maxCommentAnchorLength = 256;
/** At most this many people named in one comment. */
export const maxCommentMentions = 20;
/** At most this many threads on one guide (a guide is a page or two of agreed text). */
export const maxThreadsPerGuide = 500;
/**
 * At most this many comments in one thread (deleted ones too): every change sends the whole
 * thread to each open socket of the guide, so a thread may not grow without end.
 */
export const maxCommentsPerThread = 100;
/**
 * At most this many comments not deleted on one guide: its list sends them all. Deleting frees
 * room, so the group's facilitators can always make some.
 */
export const maxCommentsPerGuide = 2000;

const anchorPosition = z
  .string()
  .min(4, 'An anchor position is an encoded Yjs relative position.')
  .max(maxCommentAnchorLength, 'An anchor position is an encoded Yjs relative position.')
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'An anchor position is base64.');

/** Where a thread is: the start and end of the commented text, as relative positions. */
export const commentAnchorSchema = z
  .object({ start: anchorPosition, end: anchorPosition })
  .strict();
export type CommentAnchor = z.infer<typeof commentAnchorSchema>;

const commentBody = personText('The comment', maxCommentBodyLength, { multiline: true });
const mentions = z
  .array(documentIdSchema)
  .max(maxCommentMentions, `Mention at most ${maxCommentMentions} people in one comment.`)
  .optional()
  .default([]);

/** Starting a thread on the selected text. */
export const createCommentThreadRequestSchema = z
  .object({ anchor: commentAnchorSchema, body: commentBody, mentions })
  .strict();
export type CreateCommentThreadRequest = z.input<typeof createCommentThreadRequestSchema>;

/** A reply at the end of a thread. */
export const commentReplyRequestSchema = z.object({ body: commentBody, mentions }).strict();
export type CommentReplyRequest = z.input<typeof commentReplyRequestSchema>;

/** Resolving (true) or reopening (false) a thread. */
export const commentResolutionRequestSchema = z.object({ resolved: z.boolean() }).strict();
export type CommentResolutionRequest = z.infer<typeof commentResolutionRequestSchema>;

const personRef = z.object({
  personId: documentIdSchema,
  /** Null when the person has since been removed from the event. */
  name: z.string().nullable(),
});

/** One comment of a thread. A deleted one keeps its place (so replies still follow) but no text. */
export const commentSchema = z.object({
  id: documentIdSchema,
  author: personRef,
  body: z.string(),
  mentions: z.array(personRef),
  createdAt: z.string(),
  deleted: z.boolean(),
});
export type Comment = z.infer<typeof commentSchema>;

export const commentThreadSchema = z.object({
  id: documentIdSchema,
  guideId: documentIdSchema,
  anchor: commentAnchorSchema,
  /** The commented text when the thread was started (derived by the server). */
  quote: z.string(),
  /** The anchored text is gone from the guide (as the server last read it): kept, with its quote. */
  orphan: z.boolean(),
  createdAt: z.string(),
  resolved: z.object({ by: personRef, at: z.string() }).nullable(),
  comments: z.array(commentSchema),
});
export type CommentThread = z.infer<typeof commentThreadSchema>;

/** A guide's threads, oldest first, with what the caller may do and whom they may mention. */
export const guideCommentsSchema = z.object({
  guideId: documentIdSchema,
  threads: z.array(commentThreadSchema),
  /** The caller's person id (their own comments they may always resolve and delete). */
  personId: documentIdSchema,
  /** May the caller start threads and reply? */
  mayComment: z.boolean(),
  /** May the caller resolve, reopen and delete anyone's comments (facilitators, organisers)? */
  mayModerate: z.boolean(),
  /** Whom a comment may mention: the guide's group. */
  members: z.array(personRef),
});
export type GuideComments = z.infer<typeof guideCommentsSchema>;

/**
 * What the collaboration server sends a guide's open sockets when one of its threads changed
 * (`commentsMessageType`, the frame's one varstring, JSON): the whole thread as it is now.
 */
export const commentsLiveMessageSchema = z.object({ thread: commentThreadSchema });
export type CommentsLiveMessage = z.infer<typeof commentsLiveMessageSchema>;

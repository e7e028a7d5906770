import { z } from 'zod';
import { personText } from '../conference/personText.ts';
import { documentIdSchema } from '../protocol/documentId.ts';

/**
 * How a version came to be: saved by a person (`manual`), taken when the guide was locked or
 * frozen at the session's end (`lock`, `freeze`), or taken by the server every few minutes of
 * activity and just before a restore (`auto`), or taken with a move of the organisers' review
 * (`review`, labelled with the status the guide moved to), or when a dot vote closed (`dotVote`,
 * labelled with the vote's title; the vote names the version, so its result sits beside it).
 */
export const versionKinds = ['manual', 'lock', 'freeze', 'auto', 'review', 'dotVote'] as const;
export const versionKindSchema = z.enum(versionKinds);
export type VersionKind = z.infer<typeof versionKindSchema>;

/** The longest label a version may have (characters). */
export const maxVersionLabelLength = 120;

/** One saved version of a guide, without its content. */
export const guideVersionSchema = z.object({
  id: documentIdSchema,
  guideId: documentIdSchema,
  /** What the person typed, or the server's own label (empty: none). */
  label: z.string(),
  kind: versionKindSchema,
  /** Who took it; null when the server did. */
  takenBy: z.object({ personId: documentIdSchema, name: z.string() }).nullable(),
  takenAt: z.string(),
  /** Taken by the server just before this version (of the same guide) was restored. */
  beforeRestoreOf: z.object({ id: documentIdSchema, label: z.string() }).nullable(),
  /**
   * Who wrote in the guide since the previous version, from the server's attribution record
   * (the person signed in on each update's socket), never from names written into the document.
   */
  contributors: z.array(z.object({ personId: documentIdSchema, name: z.string() })).nullable(),
  /** Size of the stored Yjs state, in bytes. */
  bytes: z.number().int().nonnegative(),
});
export type GuideVersion = z.infer<typeof guideVersionSchema>;

export const guideVersionListSchema = z.object({ versions: z.array(guideVersionSchema) });
export type GuideVersionList = z.infer<typeof guideVersionListSchema>;

/**
 * A version with its content as ProseMirror JSON (the guide's shared schema). The client checks
 * only the outer shape: the server wrote it from a state that passed the schema gate.
 */
export const guideVersionContentSchema = z.object({
  version: guideVersionSchema,
  content: z
    .object({ type: z.literal('doc') })
    .catchall(z.unknown())
    .transform((value) => value as { type: 'doc'; content?: unknown[] }),
});
export type GuideVersionContent = z.infer<typeof guideVersionContentSchema>;

export const saveVersionRequestSchema = z.object({
  label: personText('The label', maxVersionLabelLength),
});
export type SaveVersionRequest = z.infer<typeof saveVersionRequestSchema>;

/** What a restore did: the version taken just before it, and the version brought back. */
export const restoreResultSchema = z.object({
  before: guideVersionSchema.nullable(),
  restored: guideVersionSchema,
  /** False when the guide already held exactly that content (nothing was written). */
  changed: z.boolean(),
});
export type RestoreResult = z.infer<typeof restoreResultSchema>;

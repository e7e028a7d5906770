import { z } from 'zod';
import { documentIdSchema } from '../protocol/documentId.ts';
import { guideReviewSummarySchema } from './review.ts';

export const permissionSchema = z.enum(['write', 'read']);

/** A guide as the signed-in person sees it: where it belongs and what they may do with it. */
export const guideSchema = z.object({
  id: documentIdSchema,
  title: z.string(),
  createdAt: z.string(),
  groupId: documentIdSchema.nullable(),
  sessionId: documentIdSchema.nullable(),
  /** What the signed-in person may do with the guide's text. */
  permission: permissionSchema,
  /** Set while the guide is locked (participants read it; facilitators still write). */
  lock: z.object({ lockedAt: z.string(), reason: z.enum(['facilitator', 'freeze']) }).nullable(),
  /** May the signed-in person lock and unlock it (its facilitators, the organisers)? */
  canLock: z.boolean(),
  /** Where the guide stands in the organisers' review (published: read-only but for organisers). */
  review: guideReviewSummarySchema,
});
export type Guide = z.infer<typeof guideSchema>;

export const guideListSchema = z.object({ guides: z.array(guideSchema) });
export type GuideList = z.infer<typeof guideListSchema>;

/** One person's writing in a guide, as the server recorded it (never what clients claim). */
export const guideContributorSchema = z.object({
  personId: z.string(),
  /** Null when the person has since been removed from the event. */
  name: z.string().nullable(),
  parliament: z.string().nullable(),
  /** ISO 3166-1 alpha-2 code, or null (removed person). */
  country: z.string().nullable(),
  /** Stored changes (about one per burst of typing). */
  changes: z.number().int().nonnegative(),
  firstAt: z.string(),
  lastAt: z.string(),
});
export type GuideContributor = z.infer<typeof guideContributorSchema>;

/** Who wrote a guide: per person, per parliament, and the server's own changes. */
export const guideContributorsSchema = z.object({
  people: z.array(guideContributorSchema),
  parliaments: z.array(
    z.object({
      parliament: z.string(),
      country: z.string(),
      people: z.number().int().nonnegative(),
      changes: z.number().int().nonnegative(),
    }),
  ),
  /** Changes the server made itself (template, restore). */
  serverChanges: z.number().int().nonnegative(),
});
export type GuideContributors = z.infer<typeof guideContributorsSchema>;

export const setGuideLockRequestSchema = z.object({ locked: z.boolean() }).strict();
export type SetGuideLockRequest = z.infer<typeof setGuideLockRequestSchema>;

/** The guides a lock or unlock changed, as the caller now sees them. */
export const guideLockResultSchema = z.object({ guides: z.array(guideSchema) });
export type GuideLockResult = z.infer<typeof guideLockResultSchema>;
